import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LeafCheck, type CheckpointRoot, type LeafCheckResult } from './leaf-check';
import type { FromLeafWorker, ToLeafWorker } from './leaf-check.worker';

/** Where the log half of a verification runs: inline, or in a worker thread beside the main thread's parsing. */
export interface LeafCheckRunner {
  /** Complete lines; may wait while the worker is behind (at most MAX_IN_FLIGHT chunks queued: the main thread reads on while the worker starts). */
  add(chunk: Buffer): Promise<void>;
  finish(checkpoints: CheckpointRoot[]): Promise<LeafCheckResult>;
  close(): Promise<void>;
}

export function inlineLeafCheck(): LeafCheckRunner {
  const check = new LeafCheck();
  return {
    add: async (chunk) => check.addLines(chunk),
    finish: async (checkpoints) => check.finish(checkpoints),
    close: async () => undefined,
  };
}

/** Chunks posted and not yet hashed: bounds the memory a slow worker can make the main thread hold. */
const MAX_IN_FLIGHT = 32;

/**
 * The LeafCheck in a worker thread. From the TypeScript sources (ts-node, jest) the worker registers
 * ts-node itself; from the build (dist) it loads the compiled file.
 */
export function workerLeafCheck(): LeafCheckRunner {
  const source = __filename.endsWith('.ts');
  const worker = new Worker(join(__dirname, `leaf-check.worker.${source ? 'ts' : 'js'}`), {
    execArgv: source ? ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] : [],
  });
  let inFlight = 0;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  let finished: ((result: LeafCheckResult) => void) | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    wake?.();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`Luồng kiểm lá dừng bất thường (mã ${code})`)));
  worker.on('message', (message: FromLeafWorker) => {
    if ('ack' in message) {
      inFlight--;
      wake?.();
    } else if ('result' in message) finished?.(message.result);
    else fail(new Error(message.error));
  });
  const post = (message: ToLeafWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  const waitUntil = async (done: () => boolean) => {
    while (!done() && !failed) await new Promise<void>((resolve) => (wake = resolve));
    if (failed) throw failed;
  };
  return {
    async add(chunk) {
      if (failed) throw failed;
      // A copy the worker owns (transferred, not cloned); the main thread keeps reading its own.
      const copy = new ArrayBuffer(chunk.length);
      new Uint8Array(copy).set(chunk);
      inFlight++;
      post({ chunk: copy }, [copy]);
      await waitUntil(() => inFlight < MAX_IN_FLIGHT);
    },
    async finish(checkpoints) {
      let result: LeafCheckResult | undefined;
      finished = (r) => {
        result = r;
        wake?.();
      };
      post({ finish: checkpoints });
      await waitUntil(() => result !== undefined);
      return result!;
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
