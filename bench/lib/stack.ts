/** The embedded stack (`npm start`'s launcher) as a child process on a scratch data directory. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { resolveTemporalCli, startTemporalDevServerWith } from '@tdkt/temporal';
import { forkTs, nextMessage, stopChild } from './child';
import { REPO_ROOT, scratchDir } from './paths';
import { freePort } from './proc';

function temporalCliEnv(): NodeJS.ProcessEnv {
  if (process.env.TEMPORAL_CLI) return {};
  const cached = join(homedir(), '.cache', 'tdkt', 'temporal-cli-1.5.1', 'temporal');
  return existsSync(cached) ? { TEMPORAL_CLI: cached } : {};
}

export interface Stack {
  topology: 'embedded' | 'split';
  dataDir: string;
  url: string;
  temporalAddress: string;
  /** embedded: one Node process (API + worker + projections); split: `api` and `worker` processes. */
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
  };
  // `npm run bench -- --profile`: a V8 CPU profile of the stack's Node process (written when it stops).
  const profileDir = process.env.TDKT_BENCH_PROFILE_DIR;
  const child = forkTs(
    'stack/embedded-main.ts',
    [bundle],
    env,
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  try {
    const ready = await nextMessage<{ type: 'ready'; url: string; temporalAddress: string; temporalPid?: number }>(
      child,
      'ready',
      180_000,
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

/**
 * The production topology on the embedded stores: a Temporal dev server, the worker app and the API
 * app (apps/api/src/main.ts, unchanged) as three processes sharing one data directory (SQLite event
 * store and read models). The API's projections then see the worker's appends by polling.
 */
export async function startSplitStack(bundle: string): Promise<Stack> {
  const scratch = scratchDir('split');
  const cliEnv = { ...process.env, ...temporalCliEnv() };
  const temporal = await startTemporalDevServerWith(await resolveTemporalCli({ env: cliEnv }), {
    dbFile: join(scratch.dir, 'temporal.sqlite'),
    port: await freePort(),
    uiPort: await freePort(),
    headless: true,
    logLevel: 'error',
  });
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
  const worker = forkTs('stack/worker-main.ts', [bundle], env, prof);
  const api = fork(join(REPO_ROOT, 'apps', 'api', 'src', 'main.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: [...prof, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = async () => {
    await stopChild(api, 20_000);
    await stopChild(worker, 20_000);
    await temporal.stop();
    scratch.remove();
  };
  try {
    await nextMessage(worker, 'ready', 180_000);
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
