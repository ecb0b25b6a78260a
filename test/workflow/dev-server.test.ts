/**
 * The embedded dev-server launcher (libs/temporal/src/dev-server): `temporal server start-dev`
 * with its SQLite file in the data directory, on the ports asked for, with the Web UI; a
 * nomination started before a restart of the server continues after it, on the same file.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  createNominationActivities,
  nominationWorkflowId,
  startTemporalDevServerWith,
  type DevServerHandle,
  type TemporalCliExecutable,
} from '@tdkt/temporal';
import { fixture, gateway, newId, quietRuntime, tempDir, typesOf, workflowBundle } from './support/harness';
import { Driver } from './support/scenarios';

jest.setTimeout(120_000);

const TASK_QUEUE = 'dev-server';
const tmp = tempDir();
const f = fixture();
const servers: DevServerHandle[] = [];
let store: SqliteEventStore;

const executable = (): TemporalCliExecutable =>
  process.env.TEMPORAL_CLI ? { type: 'existing-path', path: process.env.TEMPORAL_CLI } : { type: 'cached-download' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Runs `fn` with a worker and a client connected to `address`, then closes both. */
async function withWorker<T>(address: string, fn: (d: Driver, client: Client) => Promise<T>): Promise<T> {
  const nativeConnection = await NativeConnection.connect({ address });
  const connection = await Connection.connect({ address });
  try {
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: await workflowBundle(),
      activities: createNominationActivities({
        store,
        directory: f.directory,
        catalog: f.catalog,
        decisionAuthority: 'UBND',
      }),
    });
    const client = new Client({ connection });
    return await worker.runUntil(fn(new Driver(gateway(client, TASK_QUEUE), f), client));
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}

beforeAll(() => {
  quietRuntime();
  store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
});

afterAll(async () => {
  for (const s of servers) await s.stop();
  await store?.close();
  tmp.remove();
});

test('start-dev keeps its SQLite file (write-ahead logged) in the data directory, serves the UI, and a nomination survives a restart', async () => {
  const dbFile = join(tmp.dir, 'data', 'temporal.sqlite');
  const [port, uiPort] = [await freePort(), await freePort()];
  const start = async () => {
    const server = await startTemporalDevServerWith(executable(), { dbFile, port, uiPort, logLevel: 'error' });
    servers.push(server);
    return server;
  };

  const first = await start();
  expect(first.address).toBe(`127.0.0.1:${port}`);
  expect(existsSync(dbFile)).toBe(true);
  expect(first.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
  expect((await fetch(first.uiUrl!)).status).toBe(200);

  const id = newId('restart-server');
  await withWorker(first.address, async (d) => {
    await d.draft(id);
    expect((await d.submit(id)).status).toBe('CLUSTER_REVIEW');
  });
  await first.stop();
  // Write-ahead logging (DEV_SERVER_SQLITE_PRAGMAS): recorded in the file itself.
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  } finally {
    db.close();
  }

  const second = await start();
  expect(second.address).toBe(first.address);
  const result = await withWorker(second.address, async (d, client) => {
    expect(await d.gateway.view(id)).toMatchObject({ status: 'CLUSTER_REVIEW', revision: 1 });
    expect((await d.endorse(id)).status).toBe('COUNCIL_VOTING');
    await d.withdraw(id);
    return client.workflow.getHandle(nominationWorkflowId(id)).result();
  });
  expect(result).toMatchObject({ status: 'WITHDRAWN', revision: 4 });
  expect(await typesOf(store, id)).toEqual([
    'NominationDrafted',
    'NominationSubmitted',
    'ClusterEndorsed',
    'OfficeCheckPassed',
    'NominationWithdrawn',
  ]);
  await second.stop();
});
