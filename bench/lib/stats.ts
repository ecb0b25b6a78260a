/** Small statistics for noisy machines: medians of repetitions and latency percentiles. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort();
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarise(samplesMs: readonly number[]): LatencySummary {
  return {
    count: samplesMs.length,
    p50: round(percentile(samplesMs, 50), 2),
    p99: round(percentile(samplesMs, 99), 2),
    // A loop, not Math.max(...samples): a spread of some 10^5 arguments overflows the stack.
    max: round(samplesMs.length ? samplesMs.reduce((m, v) => (v > m ? v : m), -Infinity) : NaN, 2),
  };
}

export const round = (v: number, digits = 0) => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v);

/** Monotonic milliseconds. */
export const now = () => performance.now();

/** Wall-clock milliseconds with sub-ms resolution, comparable between processes on one machine. */
export const wallMs = () => performance.timeOrigin + performance.now();

/**
 * Runs `a` and `b` alternately `reps` times (A B B A A B ...), so drift on a shared machine
 * hits both sides alike, and returns every measurement of each.
 */
export async function alternate<T>(
  reps: number,
  a: (rep: number) => Promise<T>,
  b: (rep: number) => Promise<T>,
): Promise<{ a: T[]; b: T[] }> {
  const out = { a: [] as T[], b: [] as T[] };
  for (let rep = 0; rep < reps; rep++) {
    if (rep % 2 === 0) {
      out.a.push(await a(rep));
      out.b.push(await b(rep));
    } else {
      out.b.push(await b(rep));
      out.a.push(await a(rep));
    }
  }
  return out;
}

/** Deterministic PRNG (mulberry32): the seed data is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  // After a failure no new item starts, and the ones running are waited for before it is thrown: a
  // caller that then closes its connection must not leave calls (and their gRPC retries) behind it.
  let failed: { error: unknown } | undefined;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (error) {
        failed ??= { error };
      }
    }
  });
  await Promise.all(workers);
  if (failed) throw failed.error;
  return results;
}
