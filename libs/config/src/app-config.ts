import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StageTimeUnit } from '@tdkt/domain';

/** Every setting, from the environment, with the embedded defaults (README: Configuration). */
export interface AppConfig {
  mode: 'embedded' | 'production';
  dataDir: string;
  port: number;
  /** Address the HTTP API listens on: 127.0.0.1 in embedded mode (demo passwords are public), all interfaces in production. */
  host: string;
  /** SQLite event store file (embedded) — unused when `eventStoreConnectionString` is set. */
  eventStoreFile: string;
  eventStoreConnectionString?: string;
  /** SQLite read-model file (embedded) — unused when `databaseUrl` is set. */
  readModelFile: string;
  databaseUrl?: string;
  /** Read models of another event store, or beyond its head, at start: rebuild them (default) or refuse to serve. */
  readModelsOnStoreMismatch: 'rebuild' | 'refuse';
  /** How long a SIGTERM'd process may take to drain before it exits anyway (below the orchestrator's grace period). */
  shutdownTimeoutMs: number;
  temporal: {
    /** External server; when unset, embedded mode starts the dev server. */
    address?: string;
    namespace: string;
    taskQueue: string;
    devServerPort: number;
    devServerUiPort: number;
    devServerDbFile: string;
  };
  jwtSecret: string;
  stageTimeUnit: StageTimeUnit;
  catalogFile: string;
  organisationFile: string;
}

const repoRoot = resolve(__dirname, '../../..');
const repoFile = (...p: string[]) => {
  // Works from the sources (libs/config/src) and from dist (dist/libs/config/src).
  const root = repoRoot.endsWith('dist') ? resolve(repoRoot, '..') : repoRoot;
  return join(root, ...p);
};

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // A misspelt mode (`prod`, `Production`) must not quietly become embedded: that seeds the demo
  // users, all with the published demo password.
  if (env.TDKT_MODE && env.TDKT_MODE !== 'production' && env.TDKT_MODE !== 'embedded')
    throw new Error('TDKT_MODE must be embedded or production');
  const mode = env.TDKT_MODE === 'production' ? 'production' : 'embedded';
  const dataDir = resolve(env.TDKT_DATA_DIR ?? 'data');
  const jwtSecret = env.JWT_SECRET ?? (mode === 'production' ? '' : 'tdkt-embedded-dev-secret');
  if (!jwtSecret) throw new Error('JWT_SECRET must be set in production mode');
  const unit = env.TDKT_STAGE_TIME_UNIT ?? 'workingDays';
  if (unit !== 'workingDays' && unit !== 'seconds')
    throw new Error('TDKT_STAGE_TIME_UNIT must be workingDays or seconds');
  const onMismatch = env.TDKT_READ_MODELS_ON_STORE_MISMATCH?.trim() || 'rebuild';
  if (onMismatch !== 'rebuild' && onMismatch !== 'refuse')
    throw new Error('TDKT_READ_MODELS_ON_STORE_MISMATCH must be rebuild or refuse');
  const shutdownTimeoutMs = Number(env.TDKT_SHUTDOWN_TIMEOUT_MS ?? 25_000);
  if (!Number.isFinite(shutdownTimeoutMs) || shutdownTimeoutMs <= 0)
    throw new Error('TDKT_SHUTDOWN_TIMEOUT_MS must be a positive number of milliseconds');
  return {
    mode,
    dataDir,
    port: Number(env.PORT ?? 3000),
    host: env.HOST || (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
    eventStoreFile: join(dataDir, 'events.sqlite'),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    readModelFile: join(dataDir, 'read-models.sqlite'),
    databaseUrl: env.DATABASE_URL || undefined,
    readModelsOnStoreMismatch: onMismatch,
    shutdownTimeoutMs,
    temporal: {
      address: env.TEMPORAL_ADDRESS || undefined,
      namespace: env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'tdkt-nominations',
      devServerPort: Number(env.TEMPORAL_DEV_PORT ?? 7233),
      devServerUiPort: Number(env.TEMPORAL_DEV_UI_PORT ?? 8233),
      devServerDbFile: join(dataDir, 'temporal.sqlite'),
    },
    jwtSecret,
    stageTimeUnit: unit,
    catalogFile: env.TDKT_AWARD_CATALOG ?? repoFile('config', 'award-catalog.json'),
    organisationFile: env.TDKT_ORGANISATION_FILE ?? repoFile('config', 'demo-organisation.json'),
  };
}

export function ensureDataDir(config: AppConfig): void {
  mkdirSync(config.dataDir, { recursive: true });
}
