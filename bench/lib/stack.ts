/**
 * The stacks scenario 3 drives: the embedded stack (`npm start`'s launcher) as a child process on a
 * scratch data directory, the split stack (three processes on a dev server), and the production
 * topology (the Temporal server on PostgreSQL, worker and API processes from dist/).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadAwardCatalog, loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import { SqliteEventStore } from '@tdkt/event-store';
import { PostgresReadModelDb } from '@tdkt/projections';
import { loadCampaignSeeds, resolveTemporalCli, seedCampaigns, startTemporalDevServerWith } from '@tdkt/temporal';
import { IdentityStore } from '../../apps/api/src/auth/identity-store';
import { freeLowPort, startTopology } from '../../scripts/topology/local-topology';
import { buildOnce, compiledPath, runsCompiled } from './build';
import { forkCompiled, forkTs, MEASURED_NODE_ENV, MEASURED_NODE_FLAGS, nextMessage, stopChild } from './child';
import { REPO_ROOT, scratchDir } from './paths';
import { freePort } from './proc';

function temporalCliEnv(): NodeJS.ProcessEnv {
  if (process.env.TEMPORAL_CLI) return {};
  const cached = join(homedir(), '.cache', 'tdkt', 'temporal-cli-1.5.1', 'temporal');
  return existsSync(cached) ? { TEMPORAL_CLI: cached } : {};
}

/**
 * How long a stack may take to come up: the Temporal dev server's first start (SQLite schema, namespace)
 * takes seconds on a quiet machine but minutes at a load average of 20+ on 2 cores. Waiting longer
 * changes no measurement (nothing is timed before `ready`). TDKT_BENCH_STARTUP_TIMEOUT_MS, default 10 min.
 */
export function stackStartupTimeoutMs(): number {
  const ms = Number(process.env.TDKT_BENCH_STARTUP_TIMEOUT_MS || 600_000);
  if (!Number.isFinite(ms) || ms <= 0) throw new Error('TDKT_BENCH_STARTUP_TIMEOUT_MS must be a positive number');
  return ms;
}

export interface Stack {
  topology: 'embedded' | 'split' | 'production';
  dataDir: string;
  url: string;
  temporalAddress: string;
  /** embedded: one Node process (API + worker + projections); split, production: `api` and `worker` processes. */
  pids: { embedded?: number; api?: number; worker?: number; temporal?: number };
  stop(): Promise<void>;
}

/** `prepare` may put files into the data directory before the stack starts (e.g. a seeded store). */
export async function startStack(bundle: string, prepare?: (dataDir: string) => void): Promise<Stack> {
  const scratch = scratchDir('stack');
  prepare?.(scratch.dir);
  const env = {
    ...temporalCliEnv(),
    TDKT_DATA_DIR: scratch.dir,
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_DEV_UI_PORT: String(await freePort()),
    TEMPORAL_ADDRESS: '',
    EVENTSTORE_CONNECTION_STRING: '',
    DATABASE_URL: '',
    TDKT_MODE: 'embedded',
    TEMPORAL_DEV_START_TIMEOUT_MS: String(stackStartupTimeoutMs()),
  };
  // `npm run bench -- --profile`: a V8 CPU profile of the stack's Node process (written when it stops).
  const profileDir = process.env.TDKT_BENCH_PROFILE_DIR;
  if (runsCompiled()) await buildOnce();
  const child = (runsCompiled() ? forkCompiled : forkTs)(
    'stack/embedded-main.ts',
    [bundle],
    env,
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  try {
    const ready = await nextMessage<{ type: 'ready'; url: string; temporalAddress: string; temporalPid?: number }>(
      child,
      'ready',
      // The dev server's own wait, then the worker, projections catch-up and the API.
      stackStartupTimeoutMs() + 180_000,
    );
    return {
      topology: 'embedded',
      dataDir: scratch.dir,
      url: ready.url,
      temporalAddress: ready.temporalAddress,
      pids: { embedded: child.pid!, temporal: ready.temporalPid },
      stop: async () => {
        await stopChild(child, 20_000);
        scratch.remove();
      },
    };
  } catch (error) {
    await stopChild(child);
    scratch.remove();
    throw error;
  }
}

const configFile = (name: string) => join(REPO_ROOT, 'config', name);

/**
 * The demo campaigns, as the embedded app writes them at its first start (apps/embedded): the split
 * and production topologies start the API and worker apps, which seed no campaign, and every scenario
 * drafts into the demo's `dong-khoi-moi-2026`. Written into the scratch event store before they start.
 */
async function seedDemoCampaigns(dataDir: string, org = loadOrganisation(configFile('demo-organisation.json'))) {
  const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  try {
    await seedCampaigns(store, loadCampaignSeeds(configFile('demo-campaigns.json')), {
      directory: new OrganisationDirectory(org),
      catalog: loadAwardCatalog(configFile('award-catalog.json')),
    });
  } finally {
    await store.close();
  }
}

/** A Temporal dev server of its own for a bench process, its SQLite file in `dir`, on free ports. */
export async function startDevServer(dir: string) {
  const cliEnv = { ...process.env, ...temporalCliEnv() };
  return startTemporalDevServerWith(await resolveTemporalCli({ env: cliEnv }), {
    dbFile: join(dir, 'temporal.sqlite'),
    port: await freePort(),
    uiPort: await freePort(),
    headless: true,
    logLevel: 'error',
    startTimeoutMs: stackStartupTimeoutMs(),
  });
}

/**
 * The production topology on the embedded stores: a Temporal dev server, the worker app and the API
 * app (apps/api/src/main.ts, unchanged) as three processes sharing one data directory (SQLite event
 * store and read models). The API's projections then see the worker's appends by polling.
 */
export async function startSplitStack(bundle: string): Promise<Stack> {
  const scratch = scratchDir('split');
  await seedDemoCampaigns(scratch.dir);
  const temporal = await startDevServer(scratch.dir);
  const port = await freePort();
  const env = {
    TDKT_DATA_DIR: scratch.dir,
    PORT: String(port),
    TEMPORAL_ADDRESS: temporal.address,
    EVENTSTORE_CONNECTION_STRING: '',
    DATABASE_URL: '',
    TDKT_MODE: 'embedded',
  };
  const profileDir = process.env.TDKT_BENCH_PROFILE_DIR;
  const prof = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const apiFlags = [...MEASURED_NODE_FLAGS, ...prof];
  const compiled = runsCompiled();
  if (compiled) await buildOnce();
  const worker = (compiled ? forkCompiled : forkTs)('stack/worker-main.ts', [bundle], env, prof);
  const apiMain = join('apps', 'api', 'src', 'main.ts');
  const api = fork(compiled ? compiledPath(apiMain) : join(REPO_ROOT, apiMain), [], {
    cwd: REPO_ROOT,
    execArgv: compiled
      ? apiFlags
      : [...apiFlags, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, ...MEASURED_NODE_ENV, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = async () => {
    await stopChild(api, 20_000);
    await stopChild(worker, 20_000);
    await temporal.stop();
    scratch.remove();
  };
  try {
    await nextMessage(worker, 'ready', stackStartupTimeoutMs());
    return {
      topology: 'split',
      dataDir: scratch.dir,
      url: `http://127.0.0.1:${port}`,
      temporalAddress: temporal.address,
      pids: { api: api.pid, worker: worker.pid, temporal: temporal.pid },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** PostgreSQL the production stack creates its scratch databases on (dropped at stop). */
const BENCH_PG_URL =
  process.env.TDKT_BENCH_DATABASE_URL || process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';

async function pgAdmin(sql: string): Promise<void> {
  const c = new Client({ connectionString: BENCH_PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * The production topology of `npm run start:production-local` (scripts/topology/local-topology.ts):
 * the Temporal server v1.29.1 (not the dev server) on PostgreSQL, one worker process and one API
 * process from dist/, read models in PostgreSQL, the SQLite event store in a scratch directory.
 * Temporal's two databases and the read-model database are fresh per stack and dropped at stop.
 * Production mode seeds nobody: every user of the organisation file gets its demo password first.
 */
export async function startProductionStack(log: (line: string) => void): Promise<Stack> {
  await buildOnce(log);
  const scratch = scratchDir('production');
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const db = {
    temporal: `temporal_bench_${suffix}`,
    visibility: `temporal_bench_${suffix}_vis`,
    readModels: `tdkt_bench_${suffix}`,
  };
  const urlOf = (name: string) => {
    const u = new URL(BENCH_PG_URL);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const dropAll = async () => {
    for (const name of Object.values(db))
      await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  };
  try {
    const org = loadOrganisation(configFile('demo-organisation.json'));
    await seedDemoCampaigns(scratch.dir, org);
    await pgAdmin(`CREATE DATABASE ${db.readModels}`);
    const identityDb = await PostgresReadModelDb.open({ connectionString: urlOf(db.readModels), max: 2 });
    try {
      const identity = new IdentityStore(identityDb);
      await identity.prepare();
      for (const u of org.users) await identity.setPassword(u.username, org.demoPassword!);
    } finally {
      await identityDb.close();
    }
    const pg = new URL(BENCH_PG_URL);
    const t0 = Date.now();
    const topology = await startTopology({
      temporal: {
        db: {
          host: pg.hostname,
          port: Number(pg.port || 5432),
          user: decodeURIComponent(pg.username || 'postgres'),
          password: decodeURIComponent(pg.password),
          name: db.temporal,
          visibilityName: db.visibility,
        },
        port: await freeLowPort(),
        namespace: 'default',
      },
      appEnv: {
        TDKT_MODE: 'production',
        HOST: '127.0.0.1',
        JWT_SECRET: randomBytes(32).toString('hex'),
        TDKT_DATA_DIR: scratch.dir,
        DATABASE_URL: urlOf(db.readModels),
        EVENTSTORE_CONNECTION_STRING: '',
        TDKT_TEMPORAL_LOG_LEVEL: 'ERROR',
      },
      workers: 1,
      apis: 1,
    });
    log(`  production topology: Temporal server + worker + API up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return {
      topology: 'production',
      dataDir: scratch.dir,
      url: topology.apis[0].url!,
      temporalAddress: topology.temporal.address,
      // start-temporal-server.sh execs the server: the script's pid is the server's.
      pids: {
        api: topology.apis[0].process.pid,
        worker: topology.workers[0].process.pid,
        temporal: topology.temporal.process.pid,
      },
      stop: async () => {
        await topology.stop();
        await dropAll();
        scratch.remove();
      },
    };
  } catch (error) {
    await dropAll();
    scratch.remove();
    throw error;
  }
}
