import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrganisationDirectory, loadAppConfig, loadOrganisation } from '@tdkt/config';
import { openReadModelDb, type ReadModelDb } from '@tdkt/projections';
import { assertProductionJwtSecret, seedDemoUsers } from './embedded-identity';
import { IdentityStore } from './identity-store';

const directory = new OrganisationDirectory(
  loadOrganisation(join(__dirname, '../../../../config/demo-organisation.json')),
);

describe('production safeguards of the identity', () => {
  let dir: string;
  let db: ReadModelDb;
  let identity: IdentityStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-identity-'));
    db = await openReadModelDb({ sqliteFile: join(dir, 'identity.sqlite') });
    identity = new IdentityStore(db);
    await identity.prepare();
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds no demo user in production mode, even on an empty identity store', async () => {
    const config = loadAppConfig({ TDKT_MODE: 'production', JWT_SECRET: 'x'.repeat(64), TDKT_DATA_DIR: dir });
    expect(await seedDemoUsers(config, directory, identity)).toEqual([]);
    expect(await identity.count()).toBe(0);
  });

  it('seeds every directory user in embedded mode on an empty store, and only then', async () => {
    const config = loadAppConfig({ TDKT_DATA_DIR: dir });
    expect(await seedDemoUsers(config, directory, identity)).toHaveLength(directory.org.users.length);
    expect(await seedDemoUsers(config, directory, identity)).toEqual([]);
  });

  it('refuses a short or placeholder JWT secret in production mode', () => {
    for (const secret of ['s3cret', 'change-me-before-any-real-use'])
      expect(() => assertProductionJwtSecret(loadAppConfig({ TDKT_MODE: 'production', JWT_SECRET: secret }))).toThrow(
        /at least 32 characters/,
      );
    expect(() =>
      assertProductionJwtSecret(loadAppConfig({ TDKT_MODE: 'production', JWT_SECRET: 'a'.repeat(64) })),
    ).not.toThrow();
    expect(() => assertProductionJwtSecret(loadAppConfig({ JWT_SECRET: 'short' }))).not.toThrow();
  });
});
