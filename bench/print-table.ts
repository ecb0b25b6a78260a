/** Prints the table of a results file as Markdown (for bench/README.md): `bench/print-table.ts [file]`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './lib/paths';
import { table, type Row } from './lib/report';

const file = process.argv[2] ?? join(RESULTS_DIR, 'latest.json');
const r = JSON.parse(readFileSync(file, 'utf8')) as {
  when: string;
  mode: string;
  elapsedS: number;
  machine: Record<string, unknown>;
  rows: Row[];
};
const m = r.machine;
console.log(
  `Run: ${r.when} (${r.mode}, ${Math.round(r.elapsedS / 60)} min) on ${m.nproc} vCPU (${m.cpu}), ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}.\n`,
);
// A row with no figure at all (a NaN written as null: e.g. activity timings of a run whose histories hold
// no activity task, which the bench no longer writes) says nothing in the README.
const shown = r.rows.filter((row) => typeof row.ours === 'number' || typeof row.baseline === 'number');
console.log(table(shown));
