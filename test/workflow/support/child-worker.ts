import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowBundle, writeTestOrganisation } from './harness';

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

/**
 * The environment of a child worker on `taskQueue` of the dev server at `address`, its data in
 * `dataDir`: the test organisation, second-scale stage limits, and a prebuilt workflow bundle
 * (written once, so a restarted worker does not re-run webpack).
 */
export async function childWorkerEnvironment(
  address: string,
  taskQueue: string,
  dataDir: string,
): Promise<Record<string, string>> {
  const bundleFile = join(dataDir, 'workflow-bundle.js');
  writeFileSync(bundleFile, (await workflowBundle()).code);
  return {
    TDKT_DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: taskQueue,
    TDKT_ORGANISATION_FILE: writeTestOrganisation(dataDir),
    TDKT_STAGE_TIME_UNIT: 'seconds',
    TDKT_WORKFLOW_BUNDLE: bundleFile,
  };
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
