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

/** HS256 wants a key of at least 256 bits; anything shorter (or a placeholder) makes tokens guessable. */
export const MIN_PRODUCTION_JWT_SECRET_LENGTH = 32;

/** Production refuses to start on a short JWT secret (e.g. a left-over placeholder anyone could sign with). */
export function assertProductionJwtSecret(config: AppConfig): void {
  if (config.mode === 'production' && config.jwtSecret.length < MIN_PRODUCTION_JWT_SECRET_LENGTH)
    throw new Error(
      `JWT_SECRET must have at least ${MIN_PRODUCTION_JWT_SECRET_LENGTH} characters in production mode (e.g. openssl rand -hex 32)`,
    );
}

/**
 * Demo seeding, embedded mode only, on an empty identity store: every user of the organisation
 * file gets its `demoPassword`. Never in production mode. Returns the usernames seeded.
 */
export async function seedDemoUsers(
  config: AppConfig,
  directory: OrganisationDirectory,
  identity: IdentityStore,
): Promise<string[]> {
  const password = directory.org.demoPassword;
  if (config.mode !== 'embedded' || !password) return [];
  return identity.seedDemoUsers(
    directory.org.users.map((u) => u.username),
    password,
  );
}
