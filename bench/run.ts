/**
 * `npm run bench` — runs every scenario of issue 5, prints one table (ours beside its baseline,
 * ratio = ours / baseline, medians of repetitions) and writes bench/results/latest.json.
 *
 *   npm run bench                      full sizes (1M-event store, 200 and 2,000 flows, 100k awards)
 *   npm run bench -- --quick           small sizes, under two minutes
 *   npm run bench -- --only=append,rebuild
 *   npm run bench -- --only=audit --quick        (audit log: append overhead, proofs, audit:verify)
 *   npm run bench -- --out=bench/results/other.json
 *   npm run bench -- --only=e2e --e2e-sizes=200,1000 --split-sizes=200
 *   npm run bench -- --only=e2e --e2e-topology=embedded,production --production-sizes=200
 *   npm run bench -- --only=e2e --e2e-topology=embedded --e2e-sizes=600 --split-sizes= --e2e-baselines=false   (our flows only: an A/B of memory flags)
 *   npm run bench -- --only=e2e --e2e-topology=embedded --e2e-sizes=500 --e2e-diagnostic=false --profile
 *   npm run bench -- --only=api-reads --quick --profile   (CPU profile of the stack process)
 *   npm run bench -- --only=api-reads --api-reads-kinds=statistics,nomination   (some request kinds only)
 *   npm run bench -- --only=council-session --session-items=500
 *   npm run bench -- --only=award-history --history-rows=10000
 *   npm run bench -- --only=web --quick              (web app: initial JS, inbox paint, detail)
 *   npm run bench -- --only=decisions --decision-recipients=1000 [--seed-concurrency=8]   (nominations seeded in flight, default 16)
 *   npm run bench -- --only=per-click --per-click-flows=20   (one request in flight, p50/p99 per command)
 *   npm run bench -- --only=year-end --year-end-sizes=1300,13000   (a province's year-end round)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DATA_DIR, RESULTS_DIR } from './lib/paths';
import { table, type Row } from './lib/report';
import type { Scenario, ScenarioResult } from './lib/scenario';
import { appendScenario } from './scenarios/append';
import { rebuildScenario } from './scenarios/rebuild';
import { e2eScenario } from './scenarios/e2e';
import { apiReadsScenario } from './scenarios/api-reads';
import { auditScenario } from './scenarios/audit';
import { councilSessionScenario } from './scenarios/council-session';
import { awardHistoryImportScenario } from './scenarios/award-history-import';
import { webScenario } from './scenarios/web';
import { decisionsScenario } from './scenarios/decisions';
import { perClickScenario } from './scenarios/per-click';
import { yearEndScenario } from './scenarios/year-end';

const SCENARIOS: Scenario[] = [
  appendScenario,
  rebuildScenario,
  e2eScenario,
  apiReadsScenario,
  auditScenario,
  councilSessionScenario,
  awardHistoryImportScenario,
  webScenario,
  decisionsScenario,
  perClickScenario,
  yearEndScenario,
];

function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
}

export function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

async function main() {
  const quick = arg('quick') === 'true';
  const options = Object.fromEntries(
    process.argv
      .filter((a) => a.startsWith('--') && a.includes('='))
      .map((a) => [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]),
  );
  const only = arg('only')
    ?.split(',')
    .map((s) => s.trim());
  const out = resolve(arg('out') ?? join(RESULTS_DIR, quick ? 'latest-quick.json' : 'latest.json'));
  if (arg('profile') === 'true') {
    process.env.TDKT_BENCH_PROFILE_DIR = join(DATA_DIR, 'profiles');
    console.log(
      `CPU profiles of the stack process go to ${process.env.TDKT_BENCH_PROFILE_DIR} (summary: bench/profile-summary.ts)`,
    );
  }
  const started = Date.now();
  const log = (line: string) => console.log(line);
  const m = machine();
  log(`TĐKT bench (${quick ? 'quick' : 'full'}) — ${m.nproc} CPU (${m.cpu}), ${m.memoryGiB} GiB, node ${m.node}`);
  const rows: Row[] = [];
  const results: Record<string, ScenarioResult | { error: string }> = {};
  for (const scenario of SCENARIOS) {
    if (only && !only.includes(scenario.id)) continue;
    log(`\n${scenario.title}`);
    const t0 = Date.now();
    try {
      const result = await scenario.run({ quick, log, options });
      rows.push(...result.rows);
      results[scenario.id] = result;
      log(table(result.rows));
      log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      results[scenario.id] = { error: message };
      process.exitCode = 1;
      log(`  FAILED: ${message}`);
    }
  }
  const elapsedS = Math.round((Date.now() - started) / 100) / 10;
  log(`\nAll scenarios (${quick ? 'quick' : 'full'}, ${elapsedS} s; ratio = ours / baseline)\n`);
  log(table(rows));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      { when: new Date().toISOString(), mode: quick ? 'quick' : 'full', elapsedS, machine: m, rows, results },
      null,
      2,
    ) + '\n',
  );
  log(`\nwritten ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
