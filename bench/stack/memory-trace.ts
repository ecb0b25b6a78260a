/**
 * `TDKT_BENCH_MEMORY_TRACE=<file>`: the stack process appends one JSON line of its memory every 2 s
 * (RSS split as the kernel sees it, the main isolate's heap spaces, buffers outside the heap) and,
 * with `TDKT_BENCH_HEAP_SNAPSHOT_DIR`, writes a heap snapshot of the main isolate on SIGUSR2 — to see
 * what holds the peak before changing anything.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { getHeapSpaceStatistics, getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import workerThreads from 'node:worker_threads';
import { join } from 'node:path';

const MiB = 1024 * 1024;
const mib = (n: number) => Math.round((n / MiB) * 10) / 10;

function smapsRollup(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync('/proc/self/smaps_rollup', 'utf8').split('\n')) {
    const m = /^(\w+):\s+(\d+) kB/.exec(line);
    if (m && ['Rss', 'Anonymous', 'Private_Dirty', 'Shared_Clean'].includes(m[1]))
      out[m[1]] = Math.round(Number(m[2]) / 102.4) / 10;
  }
  return out;
}

/**
 * The threads this process starts (the Temporal workflow thread, the audit log's hasher…), so the trace
 * can read each one's isolate: the SDK creates its thread with `new worker_threads.Worker(…)`, looked up
 * when called, so a subclass put in its place before the worker starts sees it. Trace only.
 */
const threads: { name: string; worker: workerThreads.Worker; heap?: Record<string, number> }[] = [];
function watchThreads(): void {
  const Original = workerThreads.Worker;
  workerThreads.Worker = class extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      const name = String(args[0]).replace(/^.*[\\/]/, '');
      threads.push({ name, worker: this });
      this.once('exit', () =>
        threads.splice(
          threads.findIndex((t) => t.worker === this),
          1,
        ),
      );
    }
  };
}
function sampleThreads(): void {
  for (const t of threads)
    t.worker.getHeapStatistics().then(
      (h) => {
        t.heap = {
          total: mib(h.total_heap_size),
          used: mib(h.used_heap_size),
          physical: mib(h.total_physical_size),
          malloced: mib(h.malloced_memory),
          external: mib(h.external_memory),
        };
      },
      () => undefined,
    );
}

export function startMemoryTrace(): void {
  const file = process.env.TDKT_BENCH_MEMORY_TRACE;
  if (file) {
    watchThreads();
    const t0 = Date.now();
    setInterval(() => {
      sampleThreads(); // read at the next tick (asynchronous): each line has the previous sample
      const m = process.memoryUsage();
      const spaces = Object.fromEntries(
        getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ''), mib(s.space_size)]),
      );
      appendFileSync(
        file,
        JSON.stringify({
          s: Math.round((Date.now() - t0) / 1000),
          cpu: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1e5) / 10, // s: the work done so far
          rss: mib(m.rss),
          heapTotal: mib(m.heapTotal),
          heapUsed: mib(m.heapUsed),
          external: mib(m.external),
          arrayBuffers: mib(m.arrayBuffers),
          malloced: mib(getHeapStatistics().malloced_memory), // V8's own mallocs (the main isolate)
          smaps: smapsRollup(),
          spaces,
          threads: Object.fromEntries(threads.map((t, i) => [`${i}:${t.name}`, t.heap])),
        }) + '\n',
      );
    }, 2000).unref();
  }
  const dir = process.env.TDKT_BENCH_HEAP_SNAPSHOT_DIR;
  if (dir) process.on('SIGUSR2', () => writeHeapSnapshot(join(dir, `embedded-${Date.now()}.heapsnapshot`)));
}
