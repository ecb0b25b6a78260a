/** The embedded stack (`npm start`'s launcher) as a child process on a scratch data directory. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { forkTs, nextMessage, stopChild } from './child';
import { scratchDir } from './paths';
import { freePort } from './proc';

function temporalCliEnv(): NodeJS.ProcessEnv {
  if (process.env.TEMPORAL_CLI) return {};
  const cached = join(homedir(), '.cache', 'tdkt', 'temporal-cli-1.5.1', 'temporal');
  return existsSync(cached) ? { TEMPORAL_CLI: cached } : {};
}

export interface Stack {
  dataDir: string;
  url: string;
  temporalAddress: string;
  pids: { embedded: number; temporal?: number };
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
  const child = forkTs('stack/embedded-main.ts', [bundle], env, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  try {
    const ready = await nextMessage<{ type: 'ready'; url: string; temporalAddress: string; temporalPid?: number }>(child, 'ready', 180_000);
    return {
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

