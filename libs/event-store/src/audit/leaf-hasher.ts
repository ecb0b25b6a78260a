import { Worker } from 'node:worker_threads';

/**
 * The helper: on each request (a committed position) it reads the rows it has not hashed yet from its
 * own connection to the store's file, in position order, and posts their leaf hashes back. It stops at
 * a missing position (the log's own reads name it). Plain JavaScript (no module of ours): it starts in
 * a few milliseconds. The leaf input is leaf.ts's v2 `writeSaltedLeafInput` over the stored bytes —
 * data and metadata read as BLOBs, the very UTF-8 the store wrote — with leaf.ts's derived salts; the
 * spec holds the two to the same hashes.
 */
const HELPER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash, createCipheriv } = require('node:crypto');
const Database = require(workerData.sqlite);
const db = new Database(workerData.filename, { timeout: 10000, fileMustExist: true });
db.pragma('query_only = true');
db.pragma('cache_size = -512'); // it reads each row once, just written: the OS's page cache has it
const rows = db.prepare(
  'SELECT position, event_id, stream, revision, type, CAST(data AS BLOB) AS data, CAST(metadata AS BLOB) AS metadata ' +
  'FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT 512');
const key = Buffer.from(workerData.key);
let done = workerData.from;
let wanted = done;
let queued = false;
let input = Buffer.allocUnsafe(64 * 1024);
parentPort.on('message', (through) => {
  if (through > wanted) wanted = through;
  if (!queued) { queued = true; setImmediate(work); }
});
function work() {
  queued = false;
  while (done < wanted) {
    const page = rows.all(done, wanted);
    let n = 0;
    while (n < page.length && page[n].position === done + 1 + n) n++;
    if (n === 0) { wanted = done; return; }
    const counter = Buffer.alloc(16);
    counter.writeBigUInt64BE(BigInt(done + 1), 8);
    const salts = createCipheriv('aes-256-ctr', key, counter).update(Buffer.alloc(16 * n));
    const out = new Uint8Array(32 * n);
    for (let i = 0; i < n; i++) {
      const r = page[i];
      const id = ',"id":' + JSON.stringify(r.event_id) + ',"metadata":';
      const tail = ',"position":' + r.position + ',"revision":' + r.revision + ',"stream":' + JSON.stringify(r.stream) +
        ',"type":' + JSON.stringify(r.type) + '}';
      const need = 25 + r.data.length + r.metadata.length + 3 * (id.length + tail.length);
      if (need > input.length) input = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(need)));
      let at = 0;
      input[at++] = 0;
      at += salts.copy(input, at, 16 * i, 16 * i + 16);
      at += input.write('{"data":', at, 'latin1');
      at += r.data.copy(input, at);
      at += input.write(id, at);
      at += r.metadata.copy(input, at);
      at += input.write(tail, at);
      out.set(hash('sha256', input.subarray(0, at), 'buffer'), 32 * i);
    }
    done += n;
    parentPort.postMessage({ first: done - n + 1, hashes: out }, [out.buffer]);
    if (n < page.length) { wanted = done; return; }
  }
}
`;

export interface LeafHashingThreadOptions {
  /** The store's file (an in-memory store has no thread: no other connection sees it). */
  filename: string;
  /** The log's salt key (leaf.ts `LeafSalts`). */
  key: Buffer;
  /** The last position already in the log when the thread starts: it hashes the rows after it. */
  from: number;
  /** Leaf hashes of positions first, first + 1, …: 32 bytes each, in order. */
  onLeaves(firstPosition: number, hashes: Buffer): void;
}

/**
 * Hashes the leaves of committed events on a second thread, so that an append writes nothing the
 * store without its log would not (see SqliteAuditLog). The hashes are a pure function of the rows:
 * if the thread cannot start or dies, the log computes the same ones itself from the same rows.
 */
export class LeafHashingThread {
  private worker?: Worker;
  private failed = false;

  constructor(private readonly options: LeafHashingThreadOptions) {}

  /** Asks for the leaves of every row up to `position` (committed). False when the thread cannot help. */
  request(position: number): boolean {
    if (!this.started()) return false;
    this.worker!.postMessage(position);
    return true;
  }

  /** Whether leaves asked for will come back (the thread is running). */
  get running(): boolean {
    return this.worker !== undefined && !this.failed;
  }

  /** Stops the thread; leaves asked for and not yet posted are the log's to compute. */
  async close(): Promise<void> {
    this.failed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.removeAllListeners('message');
    await worker.terminate();
  }

  private started(): boolean {
    if (this.failed) return false;
    if (this.worker) return true;
    try {
      this.worker = new Worker(HELPER_SOURCE, {
        eval: true,
        workerData: {
          sqlite: require.resolve('better-sqlite3'),
          filename: this.options.filename,
          key: this.options.key,
          from: this.options.from,
        },
        // Not the parent's flags (a ts-node loader would load TypeScript into this small isolate).
        execArgv: [],
        // A small isolate: one page of rows (≤ 512) at a time.
        resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
      });
      this.worker.unref();
      this.worker.on('message', (m: { first: number; hashes: Uint8Array }) =>
        this.options.onLeaves(m.first, Buffer.from(m.hashes.buffer, m.hashes.byteOffset, m.hashes.byteLength)),
      );
      this.worker.on('error', () => (this.failed = true));
      this.worker.on('exit', () => (this.failed = true));
      return true;
    } catch {
      this.failed = true;
      return false;
    }
  }
}
