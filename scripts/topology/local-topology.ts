/**
 * The production topology on one machine, without Docker: the Temporal server (not the dev server)
 * on PostgreSQL (scripts/start-temporal-server.sh), worker processes and API processes built by
 * `npm run build` (dist/, as the Docker image runs them), read models in PostgreSQL, the event store
 * as configured. Used by `npm run start:production-local`, the topology test (test/topology/) and
 * the bench (bench/scenarios/e2e.ts). No `@tdkt/*` imports: this runs under plain ts-node too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => res(port));
    });
  });
}

/**
 * A free port below 32768: the Temporal server stores its membership ports in a SMALLINT column,
 * so ports of the ephemeral range (what port 0 gives) make it fail at start.
 */
export async function freeLowPort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const ok = await new Promise<boolean>((res) => {
      const srv = createServer();
      srv.once('error', () => res(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
    });
    if (ok) return port;
  }
  throw new Error('No free port below 32768');
}

/** A child process with its recent output kept (shown when something goes wrong). */
export class ManagedProcess {
  readonly output: string[] = [];
  private exitInfo?: { code: number | null; signal: NodeJS.Signals | null };
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly lineListeners = new Set<(line: string) => void>();

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    onLine?: (name: string, line: string) => void,
  ) {
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.output.push(line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
        if (this.output.length > 300) this.output.shift();
        onLine?.(name, line);
        for (const l of this.lineListeners) l(line);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((res) =>
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        res(this.exitInfo);
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** The last lines of output, for an error message. */
  tail(lines = 40): string {
    return this.output.slice(-lines).join('\n');
  }

  /** Resolves at the first line matching `pattern`; rejects if the process exits first or after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const seen = this.output.find((l) => pattern.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((res, rej) => {
      const timer = setTimeout(
        () => done(new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms\n${this.tail()}`)),
        timeoutMs,
      );
      const listener = (line: string) => pattern.test(line) && done(undefined, line);
      const done = (error?: Error, line?: string) => {
        clearTimeout(timer);
        this.lineListeners.delete(listener);
        if (error) rej(error);
        else res(line!);
      };
      this.lineListeners.add(listener);
      void this.exited.then((e) => done(new Error(`${this.name} exited (${e.code ?? e.signal})\n${this.tail()}`)));
    });
  }

  /** Sends `signal` and waits for the exit (SIGKILL after `graceMs` when the signal was gentler). */
  async kill(signal: NodeJS.Signals = 'SIGTERM', graceMs = 30_000) {
    if (!this.running) return this.exitInfo!;
    this.child.kill(signal);
    const timer = signal === 'SIGKILL' ? undefined : setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const info = await this.exited;
    if (timer) clearTimeout(timer);
    return info;
  }
}

// ------------------------------------------------------------------------------- Temporal server

export interface TemporalServerSettings {
  /** PostgreSQL of Temporal's own databases. */
  db: { host: string; port: number; user: string; password?: string; name: string; visibilityName: string };
  /** Frontend port (TEMPORAL_ADDRESS; below 32768); the other services' ports are picked free unless given. */
  port: number;
  ports?: Partial<Record<(typeof SERVICE_PORTS)[number], number>>;
  namespace: string;
  /** Namespace retention (default 30 days, as the compose file). */
  retentionDays?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  onLine?: (name: string, line: string) => void;
  /** Run in its own process group, so a Ctrl-C at the terminal reaches only the caller (see TopologySettings). */
  detached?: boolean;
}

const SERVICE_PORTS = [
  'TEMPORAL_HTTP_PORT',
  'TEMPORAL_HISTORY_PORT',
  'TEMPORAL_MATCHING_PORT',
  'TEMPORAL_WORKER_PORT',
  'TEMPORAL_FRONTEND_MEMBERSHIP_PORT',
  'TEMPORAL_HISTORY_MEMBERSHIP_PORT',
  'TEMPORAL_MATCHING_MEMBERSHIP_PORT',
  'TEMPORAL_WORKER_MEMBERSHIP_PORT',
] as const;

/** The Temporal server process; `restart` keeps its ports and databases. */
export class TemporalServer {
  process!: ManagedProcess;
  private constructor(
    private readonly settings: TemporalServerSettings,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.settings.port}`;
  }

  static async start(settings: TemporalServerSettings): Promise<TemporalServer> {
    const ports: Record<string, number> = {};
    for (const key of SERVICE_PORTS) ports[key] = settings.ports?.[key] ?? (await freeLowPort());
    const { db } = settings;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      TEMPORAL_PORT: String(settings.port),
      TEMPORAL_DB_HOST: db.host,
      TEMPORAL_DB_PORT: String(db.port),
      TEMPORAL_DB_USER: db.user,
      TEMPORAL_DB_PASSWORD: db.password ?? '',
      TEMPORAL_DB_NAME: db.name,
      TEMPORAL_VISIBILITY_DB_NAME: db.visibilityName,
      TEMPORAL_LOG_LEVEL: settings.logLevel ?? 'error',
    };
    const server = new TemporalServer(settings, env);
    await server.launch();
    await registerNamespace(server.address, settings.namespace, settings.retentionDays ?? 30);
    return server;
  }

  /** Starts the process (schema set-up or upgrade included) and waits until the frontend answers. */
  private async launch(): Promise<void> {
    const child = spawn('bash', [join(REPO_ROOT, 'scripts', 'start-temporal-server.sh')], {
      cwd: REPO_ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: this.settings.detached ?? false,
    });
    this.process = new ManagedProcess('temporal-server', child, this.settings.onLine);
    await waitForTemporal(this.address, this.process, 120_000);
  }

  /** SIGKILL (a crash) or SIGTERM, then the same server again. */
  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.process.kill(signal);
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.process?.kill('SIGTERM', 20_000);
  }
}

/** Polls the frontend (GetSystemInfo) until it answers. */
async function waitForTemporal(address: string, proc: ManagedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (!proc.running) throw new Error(`The Temporal server exited\n${proc.tail()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`The Temporal server did not answer on ${address}: ${String(last)}\n${proc.tail()}`);
}

/**
 * Registers the namespace (once; ALREADY_EXISTS is fine), then waits until the frontend serves it:
 * a freshly registered namespace reaches the server's caches within seconds.
 */
export async function registerNamespace(address: string, namespace: string, retentionDays: number): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(retentionDays * 24 * 3600 * 1000),
      });
    } catch (error) {
      if ((error as { code?: number }).code !== 6 /* ALREADY_EXISTS */) throw error;
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await connection.close();
  }
}

// ------------------------------------------------------------------------------- API and worker

export type AppKind = 'api' | 'worker';

export const distMain = (kind: AppKind) => join(REPO_ROOT, 'dist', 'apps', kind, 'src', 'main.js');

export function assertBuilt(): void {
  for (const f of [distMain('api'), distMain('worker'), join(REPO_ROOT, 'dist', 'workflow-bundle.js')])
    if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build && npm run build:workflows`);
}

/** An API or worker process of dist/ (the project's Node: this process's own executable). */
export class AppProcess {
  process!: ManagedProcess;
  constructor(
    readonly kind: AppKind,
    readonly name: string,
    readonly env: NodeJS.ProcessEnv,
    private readonly onLine?: (name: string, line: string) => void,
    private readonly detached = false,
  ) {}

  get port(): number | undefined {
    return this.kind === 'api' ? Number(this.env.PORT) : undefined;
  }

  get url(): string | undefined {
    return this.kind === 'api' ? `http://127.0.0.1:${this.env.PORT}` : undefined;
  }

  /** Starts it and waits until it is ready (API: /health/ready answers 200; worker: polling). */
  async start(timeoutMs = 120_000): Promise<this> {
    const child = spawn(process.execPath, [distMain(this.kind)], {
      cwd: REPO_ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: this.detached,
    });
    this.process = new ManagedProcess(this.name, child, this.onLine);
    if (this.kind === 'worker') await this.process.waitForLine(/Worker polling/, timeoutMs);
    else await waitForReady(this.url!, this.process, timeoutMs);
    return this;
  }

  kill(signal: NodeJS.Signals = 'SIGTERM', graceMs?: number) {
    return this.process.kill(signal, graceMs);
  }
}

async function waitForReady(url: string, proc: ManagedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!proc.running) throw new Error(`${proc.name} exited before it was ready\n${proc.tail()}`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.name} was not ready within ${timeoutMs} ms\n${proc.tail()}`);
}

// ------------------------------------------------------------------------------- the topology

export interface TopologySettings {
  temporal: TemporalServerSettings;
  /** Environment shared by every API and worker (TDKT_MODE, JWT_SECRET, TDKT_DATA_DIR, DATABASE_URL, …). */
  appEnv: NodeJS.ProcessEnv;
  workers: number;
  apis: number;
  /** API ports (default: free ports). */
  apiPorts?: number[];
  onLine?: (name: string, line: string) => void;
  /**
   * Every process in its own process group. A Ctrl-C at a terminal signals the whole foreground
   * group at once: without this the Temporal server stops while the workers still drain. With it
   * only the caller gets the signal and stops them in order (`stop`) — and must kill them if it dies.
   */
  detached?: boolean;
}

export interface Topology {
  temporal: TemporalServer;
  workers: AppProcess[];
  apis: AppProcess[];
  /** Starts one more process of this kind like the others (e.g. after a crash); same port for an API. */
  replace(old: AppProcess): Promise<AppProcess>;
  stop(): Promise<void>;
  /** Every process still running, at once, with `signal` (synchronous: usable in an 'exit' handler). */
  killAll(signal: NodeJS.Signals): void;
}

/**
 * Production refuses to start without the authority's audit signing key (issue 13). On one machine
 * the operator's step (`openssl genpkey -algorithm ed25519`) is done here once: an Ed25519 key in
 * the data directory, shared by every API process (one authority, one key), never overwritten.
 */
function provisionAuditSigningKey(appEnv: NodeJS.ProcessEnv): string {
  const file = join(resolve(appEnv.TDKT_DATA_DIR ?? 'data'), 'audit-signing-key.pem');
  if (existsSync(file)) return file;
  mkdirSync(dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return file;
}

export async function startTopology(settings: TopologySettings): Promise<Topology> {
  assertBuilt();
  const temporal = await TemporalServer.start({ ...settings.temporal, detached: settings.detached });
  const started: AppProcess[] = [];
  const auditKey = settings.appEnv.TDKT_AUDIT_SIGNING_KEY_FILE ?? provisionAuditSigningKey(settings.appEnv);
  const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
    ...process.env,
    TEMPORAL_NAMESPACE: settings.temporal.namespace,
    TDKT_AUDIT_SIGNING_KEY_FILE: auditKey,
    ...settings.appEnv,
    TEMPORAL_ADDRESS: temporal.address,
    ...extra,
  });
  const topology: Topology = {
    temporal,
    workers: [],
    apis: [],
    replace: async (old) => {
      const next = new AppProcess(old.kind, `${old.name}'`, old.env, settings.onLine, settings.detached);
      started.push(next);
      await next.start();
      return next;
    },
    stop: async () => {
      // APIs first (no new commands), then workers (drain), then the server.
      await Promise.all(started.filter((p) => p.kind === 'api').map((p) => p.process && p.kill('SIGTERM')));
      await Promise.all(started.filter((p) => p.kind === 'worker').map((p) => p.process && p.kill('SIGTERM')));
      await temporal.stop();
    },
    killAll: (signal) => {
      for (const p of [...started.map((a) => a.process), temporal.process]) if (p?.running) p.child.kill(signal);
    },
  };
  try {
    for (let i = 0; i < settings.workers; i++) {
      const w = new AppProcess('worker', `worker-${i + 1}`, env({}), settings.onLine, settings.detached);
      started.push(w);
      topology.workers.push(await w.start());
    }
    // APIs one after the other: the first creates the read-model tables, the next find them.
    for (let i = 0; i < settings.apis; i++) {
      const port = settings.apiPorts?.[i] ?? (await freePort());
      const a = new AppProcess('api', `api-${i + 1}`, env({ PORT: String(port) }), settings.onLine, settings.detached);
      started.push(a);
      topology.apis.push(await a.start());
    }
    return topology;
  } catch (error) {
    await topology.stop().catch(() => undefined);
    throw error;
  }
}
