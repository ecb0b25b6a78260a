import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { Runtime } from '@temporalio/worker';
import type { TemporalCliExecutable } from './resolve-cli';

export interface DevServerOptions {
  /** The Temporal CLI executable (see resolveTemporalCli). */
  cliPath: string;
  /** SQLite file that keeps workflows across restarts. */
  dbFile: string;
  port: number;
  uiPort: number;
  namespace?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'never';
  /** No Web UI (the embedded app keeps it on). */
  headless?: boolean;
  ip?: string;
  /** How long to wait for the frontend to answer. Default 60 s. */
  startTimeoutMs?: number;
  /** Where the server's own output goes (default: kept, shown only if start fails). */
  onOutput?: (line: string) => void;
  /** PRAGMA=VALUE pairs for the server's SQLite file (default DEV_SERVER_SQLITE_PRAGMAS). */
  sqlitePragmas?: Record<string, string>;
}

/**
 * The dev server opens its SQLite file with SQLite's defaults: a rollback journal, a journal file
 * created, synced and deleted per transaction. Write-ahead logging keeps every commit as durable
 * (`synchronous=full`, as our event store) with one sync per commit. Measured (bench/README.md,
 * "The dev server's SQLite file"): a year-end round's dev server spends ~20 % less CPU and a bare
 * Update runs ~30 % faster. A larger page cache (64 MiB) saved a few % more for +115 MiB: not taken.
 */
export const DEV_SERVER_SQLITE_PRAGMAS: Readonly<Record<string, string>> = {
  journal_mode: 'wal',
  synchronous: 'full',
};

function pragmaArgs(pragmas: Record<string, string>): string[] {
  return Object.entries(pragmas).flatMap(([k, v]) => ['--sqlite-pragma', `${k}=${v}`]);
}

export interface DevServerHandle {
  /** host:port of the frontend gRPC service. */
  address: string;
  namespace: string;
  uiUrl?: string;
  pid?: number;
  /** SIGTERM, wait, SIGKILL if it does not exit in time. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `temporal server start-dev` and resolves once its frontend answers. Nothing here is used
 * when an external server is configured (TEMPORAL_ADDRESS): that is the caller's decision.
 */
export async function startTemporalDevServer(opts: DevServerOptions): Promise<DevServerHandle> {
  const ip = opts.ip ?? '127.0.0.1';
  const namespace = opts.namespace ?? 'default';
  mkdirSync(dirname(opts.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    opts.dbFile,
    '--ip',
    ip,
    '--port',
    String(opts.port),
    '--ui-port',
    String(opts.uiPort),
    '--namespace',
    namespace,
    '--log-level',
    opts.logLevel ?? 'warn',
    ...pragmaArgs(opts.sqlitePragmas ?? DEV_SERVER_SQLITE_PRAGMAS),
  ];
  if (opts.headless) args.push('--headless');
  const child = spawn(opts.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      opts.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));

  const address = `${ip}:${opts.port}`;
  const handle: DevServerHandle = {
    address,
    namespace,
    pid: child.pid,
    ...(opts.headless ? {} : { uiUrl: `http://${ip}:${opts.uiPort}` }),
    stop: (graceMs = 10_000) => stopProcess(child, exitPromise, () => exited !== undefined, graceMs),
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (spawnError) throw new Error(`Temporal dev server could not start (${opts.cliPath}): ${spawnError.message}`);
    if (exited)
      throw new Error(
        `Temporal dev server exited (${exited.code ?? exited.signal}) before answering:\n${output.join('\n')}`,
      );
    if (await answers(address, namespace)) return handle;
    if (Date.now() > deadline) {
      await handle.stop(2_000);
      throw new Error(
        `Temporal dev server did not answer on ${address} within ${opts.startTimeoutMs ?? 60_000} ms:\n${output.join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function answers(address: string, namespace: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1_000 });
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

async function stopProcess(
  child: ChildProcess,
  exitPromise: Promise<void>,
  hasExited: () => boolean,
  graceMs: number,
): Promise<void> {
  if (hasExited()) return;
  child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exitPromise.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
  ]);
  if (timedOut && !hasExited()) {
    child.kill('SIGKILL');
    await exitPromise;
  }
}

/**
 * Same, from whatever resolveTemporalCli() found: a path runs as above; `cached-download` (no CLI
 * could be provided here) lets the Temporal SDK download and run the CLI (needs @temporalio/testing).
 */
export async function startTemporalDevServerWith(
  executable: TemporalCliExecutable,
  opts: Omit<DevServerOptions, 'cliPath'>,
): Promise<DevServerHandle> {
  if (executable.type === 'existing-path') return startTemporalDevServer({ ...opts, cliPath: executable.path });

  const { TestWorkflowEnvironment } = require('@temporalio/testing') as typeof import('@temporalio/testing');
  // createLocal would install the Temporal runtime with its own SIGINT/SIGTERM handlers; the host
  // (Nest shutdown hooks) stays the one owner of shutdown.
  try {
    Runtime.install({ shutdownSignals: [] });
  } catch {
    // already installed by the host
  }
  const namespace = opts.namespace ?? 'default';
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable,
      dbFilename: opts.dbFile,
      ip: opts.ip ?? '127.0.0.1',
      port: opts.port,
      ui: !opts.headless,
      ...(opts.headless ? {} : { uiPort: opts.uiPort }),
      namespace,
      log: { format: 'pretty', level: opts.logLevel ?? 'warn' },
      extraArgs: pragmaArgs(opts.sqlitePragmas ?? DEV_SERVER_SQLITE_PRAGMAS),
    },
  });
  return {
    address: env.address,
    namespace,
    ...(opts.headless ? {} : { uiUrl: `http://${opts.ip ?? '127.0.0.1'}:${opts.uiPort}` }),
    stop: () => env.teardown(),
  };
}
