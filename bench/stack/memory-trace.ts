/**
 * `TDKT_BENCH_MEMORY_TRACE=<file>`: the stack process appends one JSON line of its memory every 2 s
 * (RSS split as the kernel sees it, the main isolate's heap spaces, buffers outside the heap) and,
 * with `TDKT_BENCH_HEAP_SNAPSHOT_DIR`, writes a heap snapshot of the main isolate on SIGUSR2 — to see
 * what holds the peak before changing anything.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
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

export function startMemoryTrace(): void {
  const file = process.env.TDKT_BENCH_MEMORY_TRACE;
  if (file) {
    const t0 = Date.now();
    setInterval(() => {
      const m = process.memoryUsage();
      const spaces = Object.fromEntries(
        getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ''), mib(s.space_size)]),
      );
      appendFileSync(
        file,
        JSON.stringify({
          s: Math.round((Date.now() - t0) / 1000),
          rss: mib(m.rss),
          heapTotal: mib(m.heapTotal),
          heapUsed: mib(m.heapUsed),
          external: mib(m.external),
          arrayBuffers: mib(m.arrayBuffers),
          smaps: smapsRollup(),
          spaces,
        }) + '\n',
      );
    }, 2000).unref();
  }
  const dir = process.env.TDKT_BENCH_HEAP_SNAPSHOT_DIR;
  if (dir) process.on('SIGUSR2', () => writeHeapSnapshot(join(dir, `embedded-${Date.now()}.heapsnapshot`)));
}
