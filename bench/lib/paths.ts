import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (bench/lib → ../..; also from dist/bench/lib). */
const here = resolve(__dirname, '..', '..');
export const REPO_ROOT = here.endsWith('dist') ? resolve(here, '..') : here;

/** Cached seed stores and scratch files: outside git (bench/.data is ignored), on the same disk as the repo. */
export const DATA_DIR = process.env.TDKT_BENCH_DATA_DIR ?? join(REPO_ROOT, 'bench', '.data');
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

/** A fresh scratch directory under bench/.data/tmp (not /tmp: it may be a RAM disk, where fsync is free). */
export function scratchDir(prefix: string): { dir: string; remove(): void } {
  const base = join(DATA_DIR, 'tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
