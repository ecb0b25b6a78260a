/**
 * The verifier's worker thread: runs a LeafCheck over the chunks of lines the main thread posts
 * (acknowledging each, so the main thread never queues more than a few), then its result.
 */
import { parentPort } from 'node:worker_threads';
import { LeafCheck, type CheckpointRoot } from './leaf-check';

export type ToLeafWorker = { chunk: ArrayBuffer } | { finish: CheckpointRoot[] };
export type FromLeafWorker = { ack: true } | { result: ReturnType<LeafCheck['finish']> } | { error: string };

const check = new LeafCheck();
parentPort!.on('message', (message: ToLeafWorker) => {
  try {
    if ('chunk' in message) {
      check.addLines(Buffer.from(message.chunk));
      parentPort!.postMessage({ ack: true } satisfies FromLeafWorker);
    } else parentPort!.postMessage({ result: check.finish(message.finish) } satisfies FromLeafWorker);
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) } satisfies FromLeafWorker);
  }
});
