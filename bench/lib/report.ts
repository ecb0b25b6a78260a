/** The table `npm run bench` prints and bench/results/latest.json carries. */
import { round } from './stats';

export interface Row {
  scenario: string;
  metric: string;
  unit: string;
  /** Median over repetitions (or the single measurement, see `reps`). */
  ours: number;
  baseline?: number;
  baselineName?: string;
  /** ours / baseline. For rates, below 1 means slower than the baseline; for latencies and memory, above 1 means slower/bigger. */
  ratio?: number;
  reps: number;
  note?: string;
}

export function row(r: Omit<Row, 'ratio'>): Row {
  const ratio =
    r.baseline !== undefined && r.baseline !== 0 && Number.isFinite(r.baseline)
      ? Number((r.ours / r.baseline).toPrecision(3))
      : undefined;
  return {
    ...r,
    ours: tidy(r.ours),
    ...(r.baseline !== undefined ? { baseline: tidy(r.baseline) } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
  };
}

const tidy = (v: number) => (Math.abs(v) >= 100 ? round(v, 0) : round(v, 2));

// null: a NaN read back from a results file (JSON has no NaN).
const fmt = (v: number | null | undefined) =>
  v === undefined || v === null || Number.isNaN(v) ? '' : v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Two significant digits, so 0.0021 does not print as 0. */
const fmtRatio = (v: number | null | undefined) =>
  v === undefined || v === null || Number.isNaN(v)
    ? ''
    : Math.abs(v) >= 10
      ? fmt(Math.round(v))
      : String(Number(v.toPrecision(2)));

/** A Markdown table (also readable in a terminal). */
export function table(rows: readonly Row[]): string {
  const header = ['scenario', 'metric', 'ours', 'baseline', 'ratio', 'unit', 'reps', 'baseline is'];
  const lines = rows.map((r) => [
    r.scenario,
    r.metric,
    fmt(r.ours),
    fmt(r.baseline),
    fmtRatio(r.ratio),
    r.unit,
    String(r.reps),
    r.baselineName ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i >= 2 && i <= 4 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
    ...lines.map(line),
  ].join('\n');
}
