import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');

type Exit = { code: number | null; signal: NodeJS.Signals | null };

export interface ChildWorker {
  process: ChildProcess;
  exited: Promise<Exit>;
  /** Resolves with the next IPC message `{ event }` from the worker (see worker-process.ts). */
  next(event: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Events received so far, in order. */
  events: string[];
  kill(signal: NodeJS.Signals): Promise<Exit>;
}

/** Forks test/workflow/support/worker-process.ts and waits until its worker polls. */
export async function startChildWorker(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildWorker> {
  const child = fork(join(__dirname, 'worker-process.ts'), [], {
    cwd: REPO,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, TS_NODE_PROJECT: join(REPO, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const events: string[] = [];
  const waiters: { event: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  child.on('message', (m: Record<string, unknown>) => {
    events.push(String(m.event));
    const i = waiters.findIndex((w) => w.event === m.event);
    if (i >= 0) waiters.splice(i, 1)[0].resolve(m);
  });
  const next = (event: string, ms = 60_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child worker sent no '${event}' within ${ms} ms`)), ms);
      waiters.push({ event, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`child worker exited (${code ?? signal}) before '${event}'`));
      });
    });
  await next('ready', timeoutMs);
  return {
    process: child,
    exited,
    next,
    events,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
