/**
 * `npm run start:production-local`: the production shape on one machine, without Docker — the
 * Temporal server (v1.29.1, built once into ~/.cache/tdkt) on PostgreSQL, N worker processes and M
 * API processes from dist/, read models in PostgreSQL, the event store as configured
 * (EVENTSTORE_CONNECTION_STRING, else the SQLite store in TDKT_DATA_DIR shared by the processes).
 *
 * Environment: DATABASE_URL (read models; default postgres://postgres@127.0.0.1:5432/tdkt, created
 * if missing), TEMPORAL_DB_* (Temporal's databases, default the same server, user postgres),
 * TDKT_WORKERS [2], TDKT_APIS [2], PORT [3000: APIs on 3000, 3001, …], TEMPORAL_PORT [7233],
 * JWT_SECRET (default: generated once into the data directory), TDKT_DATA_DIR [./data-production].
 * Production mode seeds no users: set passwords with dist/apps/api/src/set-password.js, or start
 * with TDKT_DEMO_PASSWORDS=1 to give every user of the organisation file its demo password (local
 * trials only). Ctrl-C stops everything gracefully.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { loadAppConfig, loadOrganisation } from '@tdkt/config';
import { PostgresReadModelDb } from '@tdkt/projections';
import { IdentityStore } from '../apps/api/src/auth/identity-store';
import { startTopology } from './topology/local-topology';

const env = process.env;
const dataDir = resolve(env.TDKT_DATA_DIR ?? 'data-production');
const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tdkt';
const workers = Number(env.TDKT_WORKERS ?? 2);
const apis = Number(env.TDKT_APIS ?? 2);
const basePort = Number(env.PORT ?? 3000);

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await c.end();
  }
}

function jwtSecret(): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Local trials only: every user of the organisation file gets its demo password. */
async function demoPasswords(): Promise<void> {
  const org = loadOrganisation(loadAppConfig({ ...env, TDKT_MODE: 'embedded' }).organisationFile);
  if (!org.demoPassword) return;
  const db = await PostgresReadModelDb.open({ connectionString: databaseUrl, max: 2 });
  try {
    const identity = new IdentityStore(db);
    await identity.prepare();
    for (const u of org.users) await identity.setPassword(u.username, org.demoPassword);
    process.stdout.write(`Demo password set for ${org.users.length} users (TDKT_DEMO_PASSWORDS)\n`);
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await ensureDatabase(databaseUrl);
  if (env.TDKT_DEMO_PASSWORDS) await demoPasswords();
  const pg = new URL(databaseUrl);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  let stopping = false;
  // The processes run in their own process groups (`detached`): a Ctrl-C while they start must not
  // kill this process and leave them behind — it is held until they are up, then they are stopped.
  let interrupted = false;
  const early = () => {
    interrupted = true;
    say('Stopping as soon as everything has started…');
  };
  process.on('SIGINT', early);
  process.on('SIGTERM', early);
  const topology = await startTopology({
    temporal: {
      db: {
        host: env.TEMPORAL_DB_HOST ?? pg.hostname,
        port: Number(env.TEMPORAL_DB_PORT ?? (pg.port || 5432)),
        user: env.TEMPORAL_DB_USER ?? (decodeURIComponent(pg.username) || 'postgres'),
        password: env.TEMPORAL_DB_PASSWORD ?? decodeURIComponent(pg.password),
        name: env.TEMPORAL_DB_NAME ?? 'temporal',
        visibilityName: env.TEMPORAL_VISIBILITY_DB_NAME ?? 'temporal_visibility',
      },
      port: Number(env.TEMPORAL_PORT ?? 7233),
      ports: {
        TEMPORAL_HTTP_PORT: Number(env.TEMPORAL_HTTP_PORT ?? 7243),
        TEMPORAL_HISTORY_PORT: Number(env.TEMPORAL_HISTORY_PORT ?? 7234),
        TEMPORAL_MATCHING_PORT: Number(env.TEMPORAL_MATCHING_PORT ?? 7235),
        TEMPORAL_WORKER_PORT: Number(env.TEMPORAL_WORKER_PORT ?? 7239),
        TEMPORAL_FRONTEND_MEMBERSHIP_PORT: Number(env.TEMPORAL_FRONTEND_MEMBERSHIP_PORT ?? 6933),
        TEMPORAL_HISTORY_MEMBERSHIP_PORT: Number(env.TEMPORAL_HISTORY_MEMBERSHIP_PORT ?? 6934),
        TEMPORAL_MATCHING_MEMBERSHIP_PORT: Number(env.TEMPORAL_MATCHING_MEMBERSHIP_PORT ?? 6935),
        TEMPORAL_WORKER_MEMBERSHIP_PORT: Number(env.TEMPORAL_WORKER_MEMBERSHIP_PORT ?? 6939),
      },
      namespace: env.TEMPORAL_NAMESPACE ?? 'default',
      logLevel: 'warn',
      // While it stops, the server logs every internal poll its own stopping services refuse (~40
      // warnings, expected): not shown — its plain-text lines ("All services are stopped.") are.
      onLine: (name, line) => {
        if (!(stopping && line.startsWith('{'))) process.stderr.write(`[${name}] ${line}\n`);
      },
    },
    appEnv: {
      TDKT_MODE: 'production',
      HOST: env.HOST ?? '127.0.0.1',
      TDKT_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret(),
    },
    workers,
    apis,
    apiPorts: Array.from({ length: apis }, (_, i) => basePort + i),
    onLine: (name, line) => process.stdout.write(`[${name}] ${line}\n`),
    // Ctrl-C reaches this process only; it stops the others in order (below).
    detached: true,
  });
  // Whatever ends this process, no server or app is left running on its own.
  process.once('exit', () => topology.killAll('SIGKILL'));
  for (const p of [
    topology.temporal.process,
    ...topology.workers.map((w) => w.process),
    ...topology.apis.map((a) => a.process),
  ])
    void p.exited.then((e) => say(`  ${p.name} exited (${e.signal ?? `code ${e.code}`})`));
  say(`\nTĐKT production topology (no Docker) is up:`);
  say(`  Temporal server ${topology.temporal.address} (PostgreSQL), pid ${topology.temporal.process.pid}`);
  for (const w of topology.workers) say(`  ${w.name} pid ${w.process.pid}`);
  for (const a of topology.apis) say(`  ${a.name} ${a.url} (docs ${a.url}/api/docs, ready ${a.url}/health/ready)`);
  say(
    `  read models ${databaseUrl}; event store ${env.EVENTSTORE_CONNECTION_STRING ? 'EventStoreDB' : join(dataDir, 'events.sqlite')}`,
  );
  say('Ctrl-C stops everything in order.');
  let lastNotice = 0;
  const stop = async () => {
    // One Ctrl-C may arrive more than once (the terminal's group signal, and npm forwarding it).
    if (stopping) {
      if (Date.now() - lastNotice > 2_000)
        say('Still stopping: the APIs drain (up to 25 s), then the workers, then the server');
      lastNotice = Date.now();
      return;
    }
    stopping = true;
    lastNotice = Date.now();
    const started = Date.now();
    say('Stopping: APIs, then workers (drain), then the Temporal server');
    await topology.stop();
    say(`Stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(0);
  };
  // `on`, not `once`: a second Ctrl-C must not kill this process while the others still drain.
  process.off('SIGINT', early).off('SIGTERM', early);
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (interrupted) void stop();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
