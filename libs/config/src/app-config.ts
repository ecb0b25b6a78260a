import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StageTimeUnit } from '@tdkt/domain';
import { parseDuration } from './duration';
import { loadNotificationConfig, type NotificationConfig } from './notification-config';

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
    /** How long the embedded dev server may take to answer (TEMPORAL_DEV_START_TIMEOUT_MS; a loaded machine needs more). */
    devServerStartTimeoutMs: number;
    /**
     * Workflows the worker keeps in memory between tasks (TDKT_WORKER_CACHED_WORKFLOWS). The SDK's
     * default follows the V8 heap limit (~2,400 on a 4 GiB heap): at a year-end round's thousands of
     * open nominations that cache alone holds hundreds of MiB. A nomination evicted from the cache is
     * replayed from its history (~20 events) at its next command, so a cache larger than the
     * nominations in flight at once buys little.
     */
    maxCachedWorkflows: number;
    /**
     * PRAGMA=VALUE pairs for the dev server's SQLite file (TDKT_TEMPORAL_SQLITE_PRAGMAS, comma-separated;
     * `none`: SQLite's own defaults). Unset: the dev server module's tuned defaults.
     */
    devServerSqlitePragmas?: Record<string, string>;
  };
  jwtSecret: string;
  auth: AuthConfig;
  stageTimeUnit: StageTimeUnit;
  catalogFile: string;
  /** The base salary (lương cơ sở) schedule cash rewards are multiples of. */
  baseSalaryFile: string;
  organisationFile: string;
  /** Campaigns seeded as events at the first embedded start (the demo's). */
  demoCampaignsFile: string;
  notifications: NotificationConfig;
  /** Where the public verification pages are reached (`TDKT_PUBLIC_URL`): printed in certificates' QR codes. */
  publicUrl: string;
  audit: {
    /** Ed25519 private key (PKCS#8 PEM) that signs the audit log's checkpoints; generated here when embedded. */
    signingKeyFile: string;
    /** How often a checkpoint is signed while events are written. */
    checkpointIntervalMs: number;
  };
  /** Secret (hex) from which the citizen ID look-up hash and encryption keys derive; generated here when embedded. */
  personalDataKeyFile: string;
  /** Dossier documents: the largest upload accepted, in bytes (`TDKT_DOCUMENT_MAX_BYTES`, default 10 MiB). */
  documentMaxBytes?: number;
}

/** Sessions and sign-in methods (README: Single sign-on). Lifetimes in jsonwebtoken's spelling (`15m`). */
export interface AuthConfig {
  /** Lifetime of an access token (a bearer JWT). */
  accessTokenTtl: string;
  /** A refresh token not used within this lifetime expires (each refresh issues a new one). */
  refreshTokenTtl: string;
  /** No refresh extends a session beyond this age since sign-in. */
  sessionMaxAge: string;
  /** Username/password sign-in (`TDKT_LOCAL_LOGIN=off` leaves single sign-on only). */
  localLogin: boolean;
  oidc?: OidcConfig;
}

/** OpenID Connect sign-in (authorization code + PKCE) against the province's identity provider. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE only, no client authentication at the token endpoint). */
  clientSecret?: string;
  /** This API's callback as registered at the provider, e.g. https://tdkt.example/api/auth/oidc/callback. */
  redirectUri: string;
  /** The ID token (or UserInfo) claim naming the user of the organisation file. */
  usernameClaim: string;
  scopes: string;
  /** Where a browser is sent after the callback, with the tokens in the URL fragment; unset: JSON. */
  postLoginRedirect?: string;
}

/**
 * See `temporal.maxCachedWorkflows`: twice the 50 commands the bench keeps in flight. With ~260
 * nominations left open at 600 flows, 100 instead of 500 took the embedded process's peak from 464 to
 * 427 MiB at the same CPU per command (bench/README.md, "Memory, round two").
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 100;

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
  const devServerStartTimeoutMs = Number(env.TEMPORAL_DEV_START_TIMEOUT_MS || 60_000);
  if (!Number.isFinite(devServerStartTimeoutMs) || devServerStartTimeoutMs <= 0)
    throw new Error('TEMPORAL_DEV_START_TIMEOUT_MS must be a positive number of milliseconds');
  const maxCachedWorkflows = Number(env.TDKT_WORKER_CACHED_WORKFLOWS || DEFAULT_MAX_CACHED_WORKFLOWS);
  if (!Number.isInteger(maxCachedWorkflows) || maxCachedWorkflows < 2)
    throw new Error('TDKT_WORKER_CACHED_WORKFLOWS must be an integer of at least 2');
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
      devServerStartTimeoutMs,
      maxCachedWorkflows,
      devServerSqlitePragmas: sqlitePragmas(env.TDKT_TEMPORAL_SQLITE_PRAGMAS),
    },
    jwtSecret,
    auth: loadAuthConfig(env),
    stageTimeUnit: unit,
    catalogFile: env.TDKT_AWARD_CATALOG ?? repoFile('config', 'award-catalog.json'),
    baseSalaryFile: env.TDKT_BASE_SALARY_FILE ?? repoFile('config', 'base-salary.json'),
    organisationFile: env.TDKT_ORGANISATION_FILE ?? repoFile('config', 'demo-organisation.json'),
    demoCampaignsFile: env.TDKT_DEMO_CAMPAIGNS_FILE ?? repoFile('config', 'demo-campaigns.json'),
    notifications: loadNotificationConfig(env),
    publicUrl: (env.TDKT_PUBLIC_URL?.trim() || `http://localhost:${Number(env.PORT ?? 3000) || 3000}`).replace(
      /\/+$/,
      '',
    ),
    audit: {
      signingKeyFile: env.TDKT_AUDIT_SIGNING_KEY_FILE || join(dataDir, 'audit-signing-key.pem'),
      checkpointIntervalMs: Number(env.TDKT_AUDIT_CHECKPOINT_INTERVAL_MS ?? 60_000),
    },
    personalDataKeyFile: env.TDKT_PERSONAL_DATA_KEY_FILE || join(dataDir, 'personal-data-key'),
    documentMaxBytes: positiveInteger(env.TDKT_DOCUMENT_MAX_BYTES, 10 * 1024 * 1024, 'TDKT_DOCUMENT_MAX_BYTES'),
  };
}

function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const duration = (name: string, fallback: string) => {
    const value = env[name]?.trim() || fallback;
    parseDuration(value, name);
    return value;
  };
  const local = (env.TDKT_LOCAL_LOGIN ?? 'on').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', ''].includes(local)) throw new Error('TDKT_LOCAL_LOGIN must be on or off');
  const localLogin = local !== 'off' && local !== 'false';
  const oidc = loadOidcConfig(env);
  if (!localLogin && !oidc) throw new Error('TDKT_LOCAL_LOGIN=off needs OIDC_ISSUER: otherwise nobody can sign in');
  return {
    accessTokenTtl: duration('TDKT_ACCESS_TOKEN_TTL', '15m'),
    refreshTokenTtl: duration('TDKT_REFRESH_TOKEN_TTL', '12h'),
    sessionMaxAge: duration('TDKT_SESSION_MAX_AGE', '7d'),
    localLogin,
    ...(oidc ? { oidc } : {}),
  };
}

function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const redirectUri = env.OIDC_REDIRECT_URI?.trim();
  if (!clientId) throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID must be set too');
  if (!redirectUri)
    throw new Error("OIDC_ISSUER is set: OIDC_REDIRECT_URI (this API's /api/auth/oidc/callback) must be set too");
  // Plain HTTP only to this host: anywhere else the provider's answers could be forged on the way.
  const url = (name: string, value: string, httpsOnly: boolean) => {
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      throw new Error(`${name} must be an absolute URL: ${JSON.stringify(value)}`);
    }
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && (!httpsOnly || isLoopback(u.hostname))))
      throw new Error(`${name} must use https (plain http only on loopback): ${value}`);
    return value;
  };
  const postLoginRedirect = env.OIDC_POST_LOGIN_REDIRECT?.trim();
  return {
    issuer: url('OIDC_ISSUER', issuer, true),
    clientId,
    ...(env.OIDC_CLIENT_SECRET ? { clientSecret: env.OIDC_CLIENT_SECRET } : {}),
    redirectUri: url('OIDC_REDIRECT_URI', redirectUri, false),
    usernameClaim: env.OIDC_USERNAME_CLAIM?.trim() || 'preferred_username',
    scopes: env.OIDC_SCOPES?.trim() || 'openid profile email',
    ...(postLoginRedirect ? { postLoginRedirect: url('OIDC_POST_LOGIN_REDIRECT', postLoginRedirect, false) } : {}),
  };
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export function ensureDataDir(config: AppConfig): void {
  mkdirSync(config.dataDir, { recursive: true });
}

/** A positive whole number from the environment, or the default when unset; anything else stops the start. */
function positiveInteger(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number: ${raw}`);
  return n;
}

/** `journal_mode=wal,cache_size=-65536` → pairs; `none` → no pragmas; unset or blank → undefined. */
function sqlitePragmas(value: string | undefined): Record<string, string> | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text === 'none') return {};
  const pairs = text.split(',').map((p) => p.trim());
  if (!pairs.every((p) => /^[a-z_]+=-?\w+$/.test(p)))
    throw new Error('TDKT_TEMPORAL_SQLITE_PRAGMAS must be PRAGMA=VALUE pairs separated by commas, or none');
  return Object.fromEntries(pairs.map((p) => p.split('=') as [string, string]));
}
