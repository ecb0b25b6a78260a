/**
 * One rebuild of every default read model beside a raw read of the same store, with the load average:
 * the quick loop for rebuild work (the bench's scenario 2 is the record).
 * `node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/rebuild-once.ts [events] [batchSize] [names]`
 * (add --cpu-prof to node's flags for a CPU profile). `names`: a comma-separated subset of the default
 * projections (e.g. `status-board,audit-trail,award-registry,inbox`: the four read models issue 15's
 * rebuild target was set against, before eight more were added).
 */
import Database from 'better-sqlite3';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@tdkt/event-store';
import { defaultProjections, NOMINATION_STREAM_PREFIX, rebuild, SqliteReadModelDb } from '@tdkt/projections';
import { ensureSeededStore } from './seed/seed-store';
import { scratchDir } from './lib/paths';
import { now } from './lib/stats';

/** Events per second of wall time and of this process's CPU time (steadier on a shared machine). */
interface Rate {
  wall: number;
  cpu: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

function rawRead(file: string): Rate {
  const db = new Database(file, { readonly: true });
  try {
    const t0 = now();
    const c0 = process.cpuUsage();
    let events = 0;
    const rows = db
      .prepare('SELECT * FROM events WHERE position > 0 AND instr(stream, ?) = 1 ORDER BY position')
      .iterate(NOMINATION_STREAM_PREFIX);
    for (const r of rows as Iterable<{ data: string; metadata: string }>) {
      if (JSON.parse(r.data) && JSON.parse(r.metadata)) events++;
    }
    return { wall: events / ((now() - t0) / 1000), cpu: events / cpuSeconds(c0) };
  } finally {
    db.close();
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main() {
  const events = Number(process.argv[2] ?? 1_000_000);
  const batchSize = process.argv[3] ? Number(process.argv[3]) : undefined;
  const names = process.argv[4]?.split(',');
  const projections = names && defaultProjections().filter((p) => names.includes(p.name));
  if (names && projections?.length !== names.length)
    throw new Error(`unknown projection among ${names.join(', ')}: ${defaultProjections().map((p) => p.name)}`);
  const seeded = await ensureSeededStore({ kind: 'realistic', events }, console.log);
  const before = rawRead(seeded.file);
  const scratch = scratchDir('rebuild-once');
  const store = new SqliteEventStore({ filename: seeded.file });
  const db = SqliteReadModelDb.open(join(scratch.dir, 'rm.sqlite'));
  const loadBefore = load();
  const c0 = process.cpuUsage();
  const r = await rebuild(db, store, { batchSize, projections });
  const rate = r.events / (r.elapsedMs / 1000);
  const cpuRate = r.events / cpuSeconds(c0);
  const loadAfter = load();
  await db.close();
  await store.close();
  scratch.remove();
  const after = rawRead(seeded.file);
  const raw = (before.wall + after.wall) / 2;
  const rawCpu = (before.cpu + after.cpu) / 2;
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  console.log(
    `rebuild ${fmt(rate)} ev/s (${fmt(r.events)} events, ${r.elapsedMs} ms), raw ${fmt(raw)} ev/s, ratio ${(rate / raw).toFixed(3)}; ` +
      `per CPU second: rebuild ${fmt(cpuRate)}, raw ${fmt(rawCpu)}, ratio ${(cpuRate / rawCpu).toFixed(3)}; ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; load ${loadBefore} → ${loadAfter}; ` +
      `${projections ? projections.length : defaultProjections().length} read models`,
  );
  console.log(JSON.stringify(r.counts));
}
main();
