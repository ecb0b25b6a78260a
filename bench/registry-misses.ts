/**
 * Registry searches nobody made before, timed in SQL one at a time (no HTTP, no kept pages): the
 * count + page statements of `searchRegistry`, over a copy of a projected read model (the api-reads
 * scenario's cache in bench/.data). The searches are the scenario's unrepeated ones, every `stride`-th.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/registry-misses.ts \
 *     <read-models.sqlite> [stride=10] [--explain]
 *
 * Prints p50/p90/p99/max in ms of wall and of CPU time, the slowest searches (by CPU), and with --explain the query plans of the
 * slowest one's two statements.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelQueries, registrySearchStatements, SqliteReadModelDb } from '@tdkt/projections';
import type { SearchRegistryQuery } from '@tdkt/projections';
import { unrepeatedSearches } from './scenarios/api-reads';
import { percentile, round } from './lib/stats';

/** This thread's CPU milliseconds (user + system). */
function threadCpu(): number {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}

async function main() {
  const [file, strideArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const explain = process.argv.includes('--explain');
  if (!file || !existsSync(file)) throw new Error(`no read-model file: ${file}`);
  const stride = Number(strideArg ?? 10);
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-registry-misses-'));
  const copy = join(dir, 'read-models.sqlite');
  copyFileSync(file, copy);
  const db = SqliteReadModelDb.open(copy);
  try {
    const queries = new ReadModelQueries(db);
    // As the API asks (SearchRegistryHandler): revoked awards included, flagged.
    const searches: SearchRegistryQuery[] = unrepeatedSearches()
      .filter((_, i) => i % stride === 0)
      .map((s) => ({ includeRevoked: true, ...s }));
    for (const s of searches.slice(0, 20)) await queries.searchRegistry(s); // warm the page cache
    const timed: { ms: number; cpu: number; total: number; query: SearchRegistryQuery }[] = [];
    const load = loadavg()[0];
    for (const query of searches) {
      const t0 = performance.now();
      const c0 = threadCpu();
      const page = await queries.searchRegistry(query);
      timed.push({ ms: performance.now() - t0, cpu: threadCpu() - c0, total: page.total, query });
    }
    console.log(`${searches.length} searches, one at a time, load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
    // CPU time of this thread (SQLite runs on it): what a search costs, whatever the machine's load.
    for (const [label, values] of [
      ['wall', timed.map((t) => t.ms)],
      ['CPU', timed.map((t) => t.cpu)],
    ] as const)
      console.log(
        `  ${label.padEnd(4)} ms: p50 ${round(percentile(values, 50), 2)}, p90 ${round(percentile(values, 90), 2)}, ` +
          `p99 ${round(percentile(values, 99), 2)}, max ${round(Math.max(...values), 2)}, ` +
          `mean ${round(values.reduce((a, b) => a + b, 0) / values.length, 2)}`,
      );
    const slowest = [...timed].sort((a, b) => b.cpu - a.cpu).slice(0, 12);
    for (const t of slowest)
      console.log(
        `  ${t.cpu.toFixed(1).padStart(7)} ms CPU ${t.ms.toFixed(1).padStart(7)} ms wall ${String(t.total).padStart(6)} found  ${JSON.stringify(t.query)}`,
      );
    if (explain) {
      const { count, rows } = registrySearchStatements('sqlite', slowest[0].query);
      for (const st of [count, rows]) {
        console.log(`\n${st.sql}\n${JSON.stringify(st.params)}`);
        for (const r of await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${st.sql}`, st.params))
          console.log(`  ${r.detail}`);
      }
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
