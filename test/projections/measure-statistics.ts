/**
 * Statistics query latency over a large province (issue 18's target: p99 < 50 ms over 100,000
 * awards). A measurement, not a test: it prints percentiles, asserts nothing.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     test/projections/measure-statistics.ts [awards=100000] [queries=2000]
 *
 * The bench generator's nomination streams (registry mix) go through the statistics projection
 * alone, in batches as the runner would hand them; then random filters and groupings are queried.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@tdkt/event-store';
import {
  ddlFor,
  queryStatistics,
  SqliteReadModelDb,
  StatisticsProjection,
  STATISTICS_GROUPINGS,
  type StatisticsQuery,
} from '@tdkt/projections';
import { NominationGenerator, REGISTRY_MIX } from '../../bench/seed/nomination-generator';
import { loadBaseSalarySchedule } from '@tdkt/config';

const AWARDS = Number(process.argv[2] ?? 100_000);
const QUERIES = Number(process.argv[3] ?? 2000);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-stats-'));
  const db = SqliteReadModelDb.open({ filename: join(dir, 'read-models.sqlite') });
  const projection = new StatisticsProjection();
  for (const sql of ddlFor(projection, db.dialect)) await db.run(sql);
  const generator = new NominationGenerator({ expectedEvents: AWARDS * 14, mix: REGISTRY_MIX, idPrefix: 'm' });
  const revisions = new Map<string, number>();
  let position = 0;
  let batch: RecordedEvent[] = [];
  const started = Date.now();
  const flush = async () => {
    const events = batch;
    batch = [];
    await db.transaction((tx) => projection.applyBatch(tx, events));
  };
  while (generator.stats.awards < AWARDS) {
    const a = generator.next();
    for (const e of a.events) {
      const revision = (revisions.get(a.stream) ?? -1) + 1;
      revisions.set(a.stream, revision);
      if (!a.stream.startsWith('nomination-')) continue;
      batch.push({ ...e, stream: a.stream, revision, position: ++position, recordedAt: a.at });
      if (batch.length >= 5000) await flush();
    }
  }
  await flush();
  const cells = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stat_cells');
  console.log(
    `${generator.stats.awards} awards, ${generator.stats.nominations} nominations, ${cells?.n} cells; projected in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const baseSalary = loadBaseSalarySchedule(join(__dirname, '..', '..', 'config', 'base-salary.json'));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];
  const times: number[] = [];
  // The first queries warm the page cache and the JIT: measured apart.
  const WARMUP = 200;
  for (let i = -WARMUP; i < QUERIES; i++) {
    const q: StatisticsQuery = { scope: { all: true }, baseSalary, groupBy: pick(STATISTICS_GROUPINGS) };
    if (i % 2 === 0) q.year = 2019 + Math.floor(Math.random() * 8);
    if (i % 3 === 0) q.awardCode = pick(['BANG_KHEN_TINH', 'TAP_THE_LDXS', 'CO_THI_DUA_TINH']);
    if (i % 5 === 0) q.unitId = pick(['donvi1', 'donvi3']);
    if (i % 7 === 0) q.recipientKind = pick(['individual', 'collective'] as const);
    const t = process.hrtime.bigint();
    await queryStatistics(db, q);
    if (i >= 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  console.log(
    `SQLite, ${QUERIES} queries after ${WARMUP} to warm up: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
  );
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
