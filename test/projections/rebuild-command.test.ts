import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@tdkt/event-store';
import { PostgresReadModelDb, ProjectionRunner, SqliteReadModelDb, type ReadModelDb } from '@tdkt/projections';
import { DATABASE_URL_TEST, snapshot } from './support/read-model-backends';
import { NominationLog } from './support/nomination-log';
import { N, writeLaterEvents, writeScenario } from './support/scenario';

const repoRoot = join(__dirname, '..', '..');

/** Runs the script behind `npm run projections:rebuild` as npm does, with this environment. */
function runRebuildCommand(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/projections-rebuild.ts'],
      { cwd: repoRoot, env: { ...process.env, EVENTSTORE_CONNECTION_STRING: '', DATABASE_URL: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The configured read-model database, as the API and the command open it. */
const targets: [
  string,
  (dataDir: string) => { env: Record<string, string>; open(): Promise<ReadModelDb>; dispose(): Promise<void> },
][] = [
  [
    'SQLite in the data directory',
    (dataDir) => ({
      env: {},
      open: async () => SqliteReadModelDb.open(join(dataDir, 'read-models.sqlite')),
      dispose: async () => undefined,
    }),
  ],
  [
    'PostgreSQL from DATABASE_URL',
    () => {
      const schema = `tdkt_rebuild_${process.pid}_${Date.now().toString(36)}`;
      const url = new URL(DATABASE_URL_TEST);
      url.searchParams.set('options', `-c search_path=${schema}`);
      let admin: PostgresReadModelDb | undefined;
      return {
        env: { DATABASE_URL: url.toString() },
        open: async () => {
          admin ??= await PostgresReadModelDb.open({ connectionString: DATABASE_URL_TEST, schema, max: 1 });
          return PostgresReadModelDb.open({ connectionString: url.toString(), max: 2 });
        },
        dispose: async () => {
          if (!admin) return;
          await admin.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await admin.close();
        },
      };
    },
  ],
];

describe.each(targets)('npm run projections:rebuild with %s', (_name, target) => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tdkt-rebuild-command-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('rebuilds the configured read models from zero to the rows the live projections had, with progress and counts', async () => {
    const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
    const log = new NominationLog(store);
    await writeScenario(log);
    await writeLaterEvents(log);
    const config = target(dataDir);
    try {
      let db = await config.open();
      const live = new ProjectionRunner(db, store, { live: false });
      await live.start();
      await live.ready;
      await live.stop();
      const liveRows = await snapshot(db);
      // Damage the read models: only a rebuild from zero brings these rows back.
      await db.run('DELETE FROM awards');
      await db.run("UPDATE nominations SET status = 'DRAFT', awaiting = '[]'");
      await db.close();
      await store.close();

      const { code, stdout, stderr } = await runRebuildCommand({ TDKT_DATA_DIR: dataDir, ...config.env });

      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      const total = log.appended.length;
      expect(stderr).toContain(`${total}/${total} events`);
      expect(stderr).toMatch(/100\.0%/);
      expect(stdout).toContain(`Rebuilt ${total} nomination events (log position ${total})`);
      expect(stdout).toMatch(/\d[\d,]* events\/s/);
      expect(stdout).toMatch(new RegExp(`nominations\\s+${Object.keys(N).length} rows`));
      expect(stdout).toMatch(new RegExp(`audit_entries\\s+${total} rows`));
      expect(stdout).toMatch(/awards\s+3 rows/);
      db = await config.open();
      try {
        expect(await snapshot(db)).toEqual(liveRows);
      } finally {
        await db.close();
      }
    } finally {
      await config.dispose();
    }
  });
});

describe('npm run projections:rebuild without an event store', () => {
  it('refuses, naming the data directory it looked in', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tdkt-rebuild-empty-'));
    try {
      const { code, stderr } = await runRebuildCommand({ TDKT_DATA_DIR: empty });
      expect(code).toBe(1);
      expect(stderr).toContain(join(empty, 'events.sqlite'));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
