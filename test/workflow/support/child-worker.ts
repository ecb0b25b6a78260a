import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');

export interface ChildWorker {
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Forks test/workflow/support/worker-process.ts and waits until its worker polls. */
export async function startChildWorker(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildWorker> {
  const child = fork(join(__dirname, 'worker-process.ts'), [], {
    cwd: REPO,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, TS_NODE_PROJECT: join(REPO, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('child worker did not become ready')), timeoutMs);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`child worker exited before it was ready (${code ?? signal})`));
    });
  });
  return {
    process: child,
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
