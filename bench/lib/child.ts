import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { compiledPath } from './build';
import { REPO_ROOT } from './paths';

/**
 * The V8 flags `npm start` and the image run our processes with (scripts/node-flags.js): every process
 * the bench measures — a stack's and the bare baseline worker — runs with them too.
 * `TDKT_BENCH_NODE_FLAGS` replaces them for a comparison (`TDKT_BENCH_NODE_FLAGS=` for V8's defaults).
 */
export const MEASURED_NODE_FLAGS: string[] =
  process.env.TDKT_BENCH_NODE_FLAGS !== undefined
    ? process.env.TDKT_BENCH_NODE_FLAGS.split(' ').filter(Boolean)
    : (require(join(REPO_ROOT, 'scripts', 'node-flags.js')) as { NODE_FLAGS: string[] }).NODE_FLAGS;

/**
 * The environment `npm start` and the image start our processes with (scripts/node-flags.js: glibc's
 * malloc arenas), given to the same processes. `TDKT_BENCH_NODE_ENV="NAME=value …"` replaces it
 * (`TDKT_BENCH_NODE_ENV=` for none: the machine's defaults).
 */
export const MEASURED_NODE_ENV: Record<string, string> =
  process.env.TDKT_BENCH_NODE_ENV !== undefined
    ? Object.fromEntries(
        process.env.TDKT_BENCH_NODE_ENV.split(' ')
          .filter(Boolean)
          .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      )
    : (require(join(REPO_ROOT, 'scripts', 'node-flags.js')) as { NODE_ENV: Record<string, string> }).NODE_ENV;

/** Forks a TypeScript module of bench/ as its own Node process (ts-node, path aliases), with IPC. */
export function forkTs(
  relativeToBench: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
  extraExecArgv: string[] = [],
): ChildProcess {
  return fork(join(REPO_ROOT, 'bench', relativeToBench), args, {
    cwd: REPO_ROOT,
    execArgv: [
      ...MEASURED_NODE_FLAGS,
      ...extraExecArgv,
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
    ],
    env: { ...process.env, ...MEASURED_NODE_ENV, TS_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * Forks a module of bench/ that a measurement runs in (a stack process, a baseline worker) from its
 * compiled JavaScript in dist/ (call `buildOnce` first), so neither side carries ts-node's overhead.
 */
export function forkCompiled(
  relativeToBench: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
  extraExecArgv: string[] = [],
): ChildProcess {
  return fork(compiledPath(join('bench', relativeToBench)), args, {
    cwd: REPO_ROOT,
    execArgv: [...MEASURED_NODE_FLAGS, ...extraExecArgv],
    env: { ...process.env, ...MEASURED_NODE_ENV, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The next IPC message of `type` from a child (rejects if it exits first). */
export function nextMessage<T extends { type: string }>(
  child: ChildProcess,
  type: T['type'],
  timeoutMs = 120_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no '${type}' message within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: T) => {
      if (m && m.type === type) done(undefined, m);
    };
    const onExit = (code: number | null) => done(new Error(`child exited (${code}) before '${type}'`));
    const done = (error?: Error, m?: T) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(m!);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
