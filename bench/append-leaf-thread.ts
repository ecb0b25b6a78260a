/**
 * What the audit log's leaf-hashing thread costs an append, and buys: the same appends (scenario 1's
 * generator events, one transaction each) on four stores — without the audit log; with it and its
 * hashing thread asked after every commit; with no thread (the follower hashes the leaves from the rows
 * on the appending thread); with the thread for commits of 32 events or more (the default) —
 * alternated, each on a fresh file, for single-event appends and 100-event batches. Prints events/s,
 * this process's CPU per event (every thread) and the append's latency.
 * `node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/append-leaf-thread.ts [appends=10000] [rounds=2]`
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventToAppend, type SqliteEventStoreOptions } from '@tdkt/event-store';
import { NominationGenerator } from './seed/nomination-generator';
import { scratchDir } from './lib/paths';
import { now, percentile } from './lib/stats';

const VARIANTS: { name: string; options: Partial<SqliteEventStoreOptions> }[] = [
  { name: 'no audit log', options: { audit: false } },
  { name: 'audit log, thread: every commit', options: { leafHashingThread: 1 } },
  { name: 'audit log, no thread', options: { leafHashingThread: false } },
  { name: 'audit log, thread: ≥ 32 events (default)', options: {} },
];

function sampleEvents(count: number): EventToAppend[] {
  const g = new NominationGenerator({ expectedEvents: count, seed: 7 });
  const out: EventToAppend[] = [];
  while (out.length < count) for (const e of g.next().events) out.push(e);
  return out.slice(0, count);
}

const uuidOf = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

async function measure(options: Partial<SqliteEventStoreOptions>, events: EventToAppend[], batch: number) {
  const scratch = scratchDir('append-leaf-thread');
  const store = new SqliteEventStore({ filename: join(scratch.dir, 'events.sqlite'), ...options });
  const latencies: number[] = [];
  try {
    const cpu0 = process.cpuUsage();
    const t0 = now();
    for (let i = 0; i < events.length; i += batch) {
      const slice = events.slice(i, i + batch).map((e, j) => ({ ...e, id: uuidOf(i + j) }));
      const started = now();
      await store.append(`nomination-${i}`, slice, 'no_stream');
      latencies.push(now() - started);
    }
    const ms = now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return {
      perSecond: events.length / (ms / 1000),
      cpuMicrosPerEvent: (cpu.user + cpu.system) / events.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      p999: percentile(latencies, 99.9),
    };
  } finally {
    await store.close();
    scratch.remove();
  }
}

async function main() {
  const appends = Number(process.argv[2] ?? 10_000);
  const rounds = Number(process.argv[3] ?? 2);
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${appends} appends a run, ${rounds} rounds`,
  );
  for (const batch of [1, 100]) {
    const events = sampleEvents(appends * batch > 200_000 ? 200_000 : appends * batch);
    console.log(`\n${batch === 1 ? 'single-event appends' : `${batch}-event batches`} (${events.length} events a run)`);
    for (let round = 1; round <= rounds; round++)
      for (const v of VARIANTS) {
        const r = await measure(v.options, events, batch);
        console.log(
          `  ${v.name.padEnd(40)} ${r.perSecond.toFixed(0).padStart(7)} events/s  CPU ${r.cpuMicrosPerEvent.toFixed(1).padStart(6)} µs/event  ` +
            `append ms p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} p99.9 ${r.p999.toFixed(2)}`,
        );
      }
  }
  console.log(
    `\nload ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
