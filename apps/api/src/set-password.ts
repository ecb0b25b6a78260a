/**
 * Sets a user's password in the identity store (production has no demo seeding):
 *   TDKT_PASSWORD='…' node dist/apps/api/src/set-password.js <username>
 * The user must exist in the organisation directory (roles and scope come from there).
 */
import { join } from 'node:path';
import { ensureDataDir, loadAppConfig, loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import { openReadModelDb } from '@tdkt/projections';
import { IdentityStore } from './auth/identity-store';

async function main(): Promise<void> {
  const username = process.argv[2];
  const password = process.env.TDKT_PASSWORD;
  if (!username || !password)
    throw new Error("Usage: TDKT_PASSWORD='…' node dist/apps/api/src/set-password.js <username>");
  if (password.length < 8) throw new Error('The password must have at least 8 characters');
  const config = loadAppConfig();
  const directory = new OrganisationDirectory(loadOrganisation(config.organisationFile));
  if (!directory.user(username))
    throw new Error(`${username} is not in the organisation directory (${config.organisationFile})`);
  if (!config.databaseUrl) ensureDataDir(config);
  const db = await openReadModelDb({
    databaseUrl: config.databaseUrl,
    sqliteFile: join(config.dataDir, 'identity.sqlite'),
  });
  try {
    const identity = new IdentityStore(db);
    await identity.prepare();
    await identity.setPassword(username, password);
    console.log(`Password set for ${username}`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
