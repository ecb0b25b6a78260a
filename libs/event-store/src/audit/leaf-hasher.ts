import { Worker } from 'node:worker_threads';
import { saltedLeafHash, saltedLeafInputBound, writeSaltedLeafInput, type StoredEnvelope } from './leaf';
import { Hash, sha256 } from './merkle/hashing';

/** A batch's leaf hashes, read in order by the append as it inserts each row. */
export interface BatchLeaves {
  /** Leaf i's hash: the helper thread's when it got there first, else computed now. */
  hash(i: number): Hash;
}

/** Batches smaller than this hash on the appending thread (a helper's wake-up costs more than a few hashes). */
export const HELPER_MIN_BATCH = 16;
/** The shared input area: a batch whose hash inputs need more hashes on the appending thread alone. */
const INPUT_BYTES = 4 * 1024 * 1024;
const MAX_LEAVES = 4_096;

// control: [sequence of the batch published (> 0; −2 while the next is written, −1: stop), its leaf count]
const SEQ = 0;
const COUNT = 1;

/**
 * The helper: waits for a batch, hashes its leaves 1, 2, … (leaf 0 is the appender's while the helper
 * wakes) and marks each done with the batch's sequence number; it leaves a batch as soon as a newer one
 * is published. A leaf hashed from bytes the appender was overwriting is marked with the old sequence,
 * so the appender never reads it. Plain JavaScript (no module of ours): it starts in a few milliseconds.
 */
const HELPER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const control = new Int32Array(workerData.control);
const offsets = new Int32Array(workerData.offsets);
const status = new Int32Array(workerData.status);
const input = new Uint8Array(workerData.input);
const output = new Uint8Array(workerData.output);
let seen = 0;
for (;;) {
  Atomics.wait(control, ${SEQ}, seen);
  const seq = Atomics.load(control, ${SEQ});
  if (seq === -1) break;
  seen = seq;
  if (seq < 0) continue;
  const count = Atomics.load(control, ${COUNT});
  for (let i = 1; i < count && Atomics.load(control, ${SEQ}) === seq; i++) {
    if (Atomics.load(status, i) === seq) continue;
    output.set(hash('sha256', input.subarray(offsets[i], offsets[i + 1]), 'buffer'), i * 32);
    Atomics.store(status, i, seq);
  }
}
`;

/**
 * Hashes an append's leaves on a second thread while the appending thread inserts the rows: the
 * appender writes every leaf's input (0x00 || salt || envelope) into shared memory, publishes the
 * batch, and takes each hash the helper has finished — computing it itself, from the same bytes, when
 * the helper has not (it never waits). The hashes are the same whoever computes them, so the log
 * does not depend on the helper: if it fails to start or dies, every hash is computed inline.
 */
export class LeafHasher {
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly offsets = new Int32Array(new SharedArrayBuffer(4 * (MAX_LEAVES + 1)));
  private readonly status = new Int32Array(new SharedArrayBuffer(4 * MAX_LEAVES));
  private readonly input = Buffer.from(new SharedArrayBuffer(INPUT_BYTES));
  private readonly output = Buffer.from(new SharedArrayBuffer(32 * MAX_LEAVES));
  private worker?: Worker;
  private failed = false;
  private seq = 0;
  /** Leaves of helped batches hashed by each thread (what the bench reports; tests check the helper helps). */
  readonly counts = { helper: 0, appender: 0 };

  /** The batch's leaves: their inputs written now, their hashes read (or computed) by index. */
  batch(envelopes: readonly StoredEnvelope[], salts: readonly Uint8Array[]): BatchLeaves {
    const n = envelopes.length;
    let bound = 0;
    for (let i = 0; i < n; i++) bound += saltedLeafInputBound(envelopes[i], salts[i]);
    if (n < HELPER_MIN_BATCH || n > MAX_LEAVES || bound > INPUT_BYTES || !this.started())
      return inlineLeaves(envelopes, salts);
    // A new sequence first: the helper leaves the last batch before these bytes change under it.
    this.seq = this.seq >= 0x7fffffff ? 1 : this.seq + 1;
    Atomics.store(this.control, SEQ, -2);
    let at = 0;
    for (let i = 0; i < n; i++) {
      this.offsets[i] = at;
      at += writeSaltedLeafInput(envelopes[i], salts[i], this.input, at);
    }
    this.offsets[n] = at;
    Atomics.store(this.control, COUNT, n);
    Atomics.store(this.control, SEQ, this.seq);
    Atomics.notify(this.control, SEQ, 1);
    const seq = this.seq;
    return {
      hash: (i) => {
        if (Atomics.load(this.status, i) === seq) {
          this.counts.helper++;
          return Buffer.from(this.output.subarray(i * 32, i * 32 + 32));
        }
        this.counts.appender++;
        return sha256(this.input.subarray(this.offsets[i], this.offsets[i + 1]));
      },
    };
  }

  /** Stops the helper (an append after this hashes inline). */
  async close(): Promise<void> {
    this.failed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    Atomics.store(this.control, SEQ, -1);
    Atomics.notify(this.control, SEQ, 1);
    await worker.terminate();
  }

  /** Starts the helper on the first batch big enough; false while it cannot help. */
  private started(): boolean {
    if (this.failed) return false;
    if (this.worker) return true;
    try {
      this.worker = new Worker(HELPER_SOURCE, {
        eval: true,
        workerData: {
          control: this.control.buffer,
          offsets: this.offsets.buffer,
          status: this.status.buffer,
          input: this.input.buffer,
          output: this.output.buffer,
        },
        // Not the parent's flags (a ts-node loader would load TypeScript into this small isolate).
        execArgv: [],
        // A small isolate: it holds one digest at a time.
        resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
      });
      this.worker.unref();
      this.worker.on('error', () => (this.failed = true));
      this.worker.on('exit', () => (this.failed = true));
      return true;
    } catch {
      this.failed = true;
      return false;
    }
  }
}

/** A batch's leaves hashed on the appending thread, each when it is read. */
export function inlineLeaves(envelopes: readonly StoredEnvelope[], salts: readonly Uint8Array[]): BatchLeaves {
  return { hash: (i) => saltedLeafHash(envelopes[i], salts[i]) };
}
