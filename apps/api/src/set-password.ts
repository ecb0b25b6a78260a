/**
 * Sets a user's password in the identity store (production has no demo seeding):
 *   TDKT_PASSWORD='…' node dist/apps/api/src/set-password.js <username>
 * The user must exist in the organisation directory (roles and scope come from there). The user's
 * sessions are revoked: whoever knew the old password is signed out everywhere.
 */
import { join } from 'node:path';
import { ensureDataDir, loadAppConfig, loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import { openReadModelDb } from '@tdkt/projections';
import { IdentityStore } from './auth/identity-store';
import { passwordProblem } from './auth/password-policy';
import { SessionStore } from './auth/session-store';

async function main(): Promise<void> {
  const username = process.argv[2];
  const password = process.env.TDKT_PASSWORD;
  if (!username || !password)
    throw new Error("Usage: TDKT_PASSWORD='…' node dist/apps/api/src/set-password.js <username>");
  const problem = passwordProblem(password, username);
  if (problem) throw new Error(problem);
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
    const sessions = new SessionStore(db);
    await sessions.prepare();
    const revoked = await sessions.revokeUser(username, 'password-set-by-administrator');
    console.log(`Password set for ${username} (${revoked} session(s) revoked)`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
