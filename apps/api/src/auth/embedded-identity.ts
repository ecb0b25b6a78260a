import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@tdkt/config';
import type { OrganisationDirectory } from '@tdkt/config';
import type { IdentityStore } from './identity-store';

/**
 * Embedded mode without JWT_SECRET: a random secret generated once and kept in the data directory
 * (tokens survive a restart; nothing guessable is ever used). Production requires JWT_SECRET.
 */
export function embeddedJwtSecret(config: AppConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (env.JWT_SECRET || config.mode !== 'embedded') return config.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const s = readFileSync(file, 'utf8').trim();
    if (s.length >= 32) return s;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Demo seeding, embedded mode only, on an empty identity store: every user of the organisation
 * file gets its `demoPassword`. Never in production mode. Returns the usernames seeded.
 */
export async function seedDemoUsers(config: AppConfig, directory: OrganisationDirectory, identity: IdentityStore): Promise<string[]> {
  const password = directory.org.demoPassword;
  if (config.mode !== 'embedded' || !password) return [];
  return identity.seedDemoUsers(
    directory.org.users.map((u) => u.username),
    password,
  );
}
