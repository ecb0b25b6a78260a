/**
 * The production topology, for real on this machine: the Temporal server (not the dev server) on
 * PostgreSQL, two worker processes and two API processes from dist/ (as the Docker image runs
 * them), read models in a PostgreSQL database of their own, the SQLite event store shared by the
 * processes. 200 nominations go from draft to the registry through both APIs alternately while a
 * worker and an API are SIGKILLed and restarted, and the Temporal server itself is killed and
 * restarted. Then: every nomination ended exactly once, no event twice, decision numbers without a
 * gap, read models equal to a rebuild from the events.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadOrganisation } from '@tdkt/config';
import { decisionNumberStreamName } from '@tdkt/domain';
import { SqliteEventStore, type RecordedEvent } from '@tdkt/event-store';
import { PostgresReadModelDb, rebuild } from '@tdkt/projections';
import { IdentityStore } from '../../apps/api/src/auth/identity-store';
import {
  AppProcess,
  freeLowPort,
  freePort,
  REPO_ROOT,
  startTopology,
  type Topology,
} from '../../scripts/topology/local-topology';
import { DATABASE_URL_TEST, snapshot } from '../projections/support/read-model-backends';
import { FlowDriver, mapLimit, PASSWORD, PEOPLE, USERS } from './support/flows';

jest.setTimeout(15 * 60_000);

const FLOWS = Number(process.env.TDKT_TOPOLOGY_FLOWS ?? 200);
const CONCURRENCY = 25;
const CAMPAIGN = 'topology-campaign';
const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
const DB = {
  temporal: `temporal_topo_${suffix}`,
  visibility: `temporal_topo_${suffix}_vis`,
  readModels: `tdkt_topo_${suffix}`,
};
const pgUrl = new URL(DATABASE_URL_TEST);
const urlOf = (database: string) => {
  const u = new URL(DATABASE_URL_TEST);
  u.pathname = `/${database}`;
  return u.toString();
};

const dataDir = mkdtempSync(join(tmpdir(), 'tdkt-topology-'));
const log: string[] = [];
const onLine = (name: string, line: string) => {
  log.push(`[${name}] ${line}`);
  if (log.length > 2000) log.shift();
};
let topology: Topology | undefined;
let store: SqliteEventStore;

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: DATABASE_URL_TEST });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** `npm run …` with the project's Node first on the PATH (as npm does for its scripts). */
function npmRun(script: string) {
  execFileSync('npm', ['run', '--silent', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const appEnv = (): NodeJS.ProcessEnv => ({
  TDKT_MODE: 'production',
  HOST: '127.0.0.1',
  JWT_SECRET: randomBytes(32).toString('hex'),
  TDKT_DATA_DIR: dataDir,
  DATABASE_URL: urlOf(DB.readModels),
  EVENTSTORE_CONNECTION_STRING: '',
  TDKT_ORGANISATION_FILE: join(dataDir, 'organisation.json'),
  TDKT_TEMPORAL_LOG_LEVEL: 'ERROR',
  TDKT_SHUTDOWN_TIMEOUT_MS: '20000',
});

beforeAll(async () => {
  const started = Date.now();
  npmRun('build');
  npmRun('build:workflows');
  const built = Date.now();
  await admin((c) => c.query(`CREATE DATABASE ${DB.readModels}`));
  const org = loadOrganisation(join(REPO_ROOT, 'config', 'demo-organisation.json'));
  writeFileSync(
    join(dataDir, 'organisation.json'),
    JSON.stringify({
      ...org,
      campaigns: [
        ...org.campaigns,
        {
          id: CAMPAIGN,
          name: 'Đợt thi đua kiểm thử',
          year: new Date().getUTCFullYear(),
          submissionDeadline: '2099-12-31T17:00:00+07:00',
          open: true,
        },
      ],
    }),
  );
  // Production mode seeds nobody: passwords set as `set-password` does, in the shared identity table.
  const identityDb = await PostgresReadModelDb.open({ connectionString: urlOf(DB.readModels), max: 2 });
  try {
    const identity = new IdentityStore(identityDb);
    await identity.prepare();
    for (const u of USERS) await identity.setPassword(u, PASSWORD);
  } finally {
    await identityDb.close();
  }
  topology = await startTopology({
    temporal: {
      db: {
        host: pgUrl.hostname,
        port: Number(pgUrl.port || 5432),
        user: decodeURIComponent(pgUrl.username || 'postgres'),
        password: decodeURIComponent(pgUrl.password),
        name: DB.temporal,
        visibilityName: DB.visibility,
      },
      port: await freeLowPort(),
      namespace: 'default',
      onLine,
    },
    appEnv: appEnv(),
    workers: 2,
    apis: 2,
    onLine,
  });
  store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  process.stderr.write(
    `[topology] build ${((built - started) / 1000).toFixed(1)} s, Temporal server + 2 workers + 2 APIs up in ${((Date.now() - built) / 1000).toFixed(1)} s\n`,
  );
});

afterAll(async () => {
  await topology?.stop().catch(() => undefined);
  await store?.close();
  await admin(async (c) => {
    for (const db of Object.values(DB)) await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }).catch((e) => process.stderr.write(`[topology] cleanup: ${String(e)}\n`));
  rmSync(dataDir, { recursive: true, force: true });
});

const dump = () => log.slice(-150).join('\n');

test(`${FLOWS} nominations through two APIs while a worker, an API and the Temporal server are killed: each ends exactly once`, async () => {
  const t = topology!;
  const apiUrls = () => t.apis.map((a) => a.url!);
  const login = await fetch(`${apiUrls()[0]}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERS[0], password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  // The production API process serves the web application (dist/web, built by npm run build) at /.
  const home = await fetch(`${apiUrls()[1]}/nominations`, { headers: { accept: 'text/html' } });
  expect([home.status, (await home.text()).includes('<div id="root">')]).toEqual([200, true]);
  const tokens: Record<string, string> = {};
  for (const [i, username] of USERS.entries()) {
    // Alternately: a token issued by one API is accepted by the other (shared JWT secret).
    const r = await fetch(`${apiUrls()[i % 2]}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    tokens[username] = ((await r.json()) as { accessToken: string }).accessToken;
  }

  // Faults, at fixed points of the run (commands answered so far), while flows are in flight.
  // Commands a flow: draft, submit, review, office check, open, recusal, one vote per voter, sign.
  const total = FLOWS * (7 + PEOPLE.voters.length);
  const faults: { at: number; name: string; run: () => Promise<void> }[] = [
    {
      at: Math.round(total * 0.15),
      name: 'SIGKILL worker-1, start it again',
      run: async () => {
        const old = t.workers[0];
        expect((await old.kill('SIGKILL')).signal).toBe('SIGKILL');
        t.workers[0] = await t.replace(old);
      },
    },
    {
      at: Math.round(total * 0.35),
      name: 'SIGKILL api-2, start it again on its port',
      run: async () => {
        const old = t.apis[1];
        expect((await old.kill('SIGKILL')).signal).toBe('SIGKILL');
        t.apis[1] = await t.replace(old);
      },
    },
    {
      at: Math.round(total * 0.6),
      name: 'SIGKILL the Temporal server, start it again',
      run: () => t.temporal.restart('SIGKILL'),
    },
  ];
  const happened: { name: string; atCommand: number; tookMs: number }[] = [];
  let running: Promise<void> = Promise.resolve();
  const onCommand = (count: number) => {
    const due = faults.find((f) => f.at === count);
    if (!due) return;
    const start = Date.now();
    running = running.then(() =>
      due.run().then(() => void happened.push({ name: due.name, atCommand: count, tookMs: Date.now() - start })),
    );
  };
  const driver = new FlowDriver(apiUrls, tokens, store, CAMPAIGN, onCommand);

  const started = Date.now();
  let results: { id: string; decisionNumber: string }[];
  try {
    results = await mapLimit(
      Array.from({ length: FLOWS }, (_, i) => i),
      CONCURRENCY,
      (i) => driver.run(i),
    );
    await running;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- last output ---\n${dump()}`, { cause: error });
  }
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(
    `[topology] ${FLOWS} flows, ${driver.stats.commands} commands in ${seconds.toFixed(1)} s; retries ${driver.stats.retries} ` +
      `(${JSON.stringify(driver.stats.errors)}), found done in the store ${driver.stats.foundDoneInStore}; faults ${JSON.stringify(happened)}\n`,
  );
  expect(happened.map((h) => h.name)).toEqual(faults.map((f) => f.name));
  // The faults really hit traffic in flight.
  expect(driver.stats.retries).toBeGreaterThan(0);

  // --- every nomination ended once, with the same events as every other: nothing twice, nothing lost
  const ids = results.map((r) => r.id);
  expect(new Set(ids).size).toBe(FLOWS);
  const all = await store.readAll();
  expect(new Set(all.map((e) => `${e.stream}/${e.id}`)).size).toBe(all.length);
  const byStream = new Map<string, RecordedEvent[]>();
  for (const e of all) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
  const nominationStreams = [...byStream.keys()].filter((s) => s.startsWith('nomination-'));
  expect(nominationStreams).toHaveLength(FLOWS); // no second nomination from a retried draft
  const typesOf = (id: string) => byStream.get(`nomination-${id}`)!.map((e) => e.type);
  const reference = typesOf(ids[0]);
  expect(reference[0]).toBe('NominationDrafted');
  expect(reference[reference.length - 1]).toBe('AwardDecisionSigned');
  expect(reference.filter((ty) => ty === 'CouncilVoteCast')).toHaveLength(PEOPLE.voters.length);
  for (const id of ids) expect(typesOf(id)).toEqual(reference);

  // --- decision numbers: one per award, no gap, no duplicate
  const numbers = results.map((r) => Number(r.decisionNumber.split('/')[0])).sort((a, b) => a - b);
  expect(new Set(numbers).size).toBe(FLOWS);
  expect(numbers[numbers.length - 1] - numbers[0]).toBe(FLOWS - 1);
  const allocations = byStream.get(decisionNumberStreamName('UBND', new Date().getUTCFullYear())) ?? [];
  expect(allocations).toHaveLength(FLOWS);

  // --- both APIs' read models caught up, and equal to a rebuild from the events
  const head = await store.headPosition();
  for (const url of apiUrls()) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const r = await fetch(`${url}/health/ready`);
      const body = (await r.json()) as { projectionPosition: number };
      if (r.status === 200 && body.projectionPosition >= head) break;
      if (Date.now() > deadline) throw new Error(`${url} read models at ${body.projectionPosition}, head ${head}`);
      await new Promise((res) => setTimeout(res, 250));
    }
  }
  const live = await PostgresReadModelDb.open({ connectionString: urlOf(DB.readModels), max: 2 });
  const rebuilt = await PostgresReadModelDb.open({ connectionString: urlOf(DB.readModels), schema: 'rebuilt', max: 2 });
  try {
    await rebuild(rebuilt, store);
    const [a, b] = [await snapshot(live), await snapshot(rebuilt)];
    expect(a.nominations).toHaveLength(FLOWS);
    expect(a.awards).toHaveLength(FLOWS);
    expect(a.nominations.every((n) => (n as { status: string }).status === 'AWARDED')).toBe(true);
    expect(a).toEqual(b);
  } finally {
    await live.close();
    await rebuilt.close();
  }

  // --- orchestrator's view: alive and ready; SIGTERM drains and exits 0 well inside the grace period
  for (const url of apiUrls()) {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  }
  const stopStarted = Date.now();
  const exits = await Promise.all([...t.apis, ...t.workers].map((p) => p.kill('SIGTERM', 60_000)));
  // The API exits 0; the worker (Nest's shutdown hooks) re-raises SIGTERM once drained. Never SIGKILLed.
  for (const e of exits) expect(e.code === 0 || (e.code === null && e.signal === 'SIGTERM')).toBe(true);
  expect(Date.now() - stopStarted).toBeLessThan(30_000);
});

test('an API pointed at read models of another event store refuses to serve when told to, naming both stores', async () => {
  const other = mkdtempSync(join(tmpdir(), 'tdkt-topology-other-'));
  try {
    const api = new AppProcess('api', 'api-other-store', {
      ...process.env,
      ...appEnv(),
      TDKT_DATA_DIR: other, // a fresh, empty SQLite store
      // The authority's key the topology provisioned (production refuses to start without one).
      TDKT_AUDIT_SIGNING_KEY_FILE: topology!.apis[0].env.TDKT_AUDIT_SIGNING_KEY_FILE,
      PORT: String(await freePort()),
      TEMPORAL_ADDRESS: topology!.temporal.address,
      TDKT_READ_MODELS_ON_STORE_MISMATCH: 'refuse',
    });
    await expect(api.start(60_000)).rejects.toThrow(/exited before it was ready/);
    const exit = await api.process.exited;
    expect(exit.code).not.toBe(0);
    const out = api.process.tail(20);
    expect(out).toMatch(/do not belong to the configured event store/);
    expect(out).toContain(await store.storeId());
    expect(out).toMatch(/Refusing to serve/);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});
