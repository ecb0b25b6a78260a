import type { Hash } from './hashing';
import type { PerfectSubtrees } from './tree';

/** The roots of the perfect subtrees that cover the first `size` leaves, largest (leftmost) first. */
export function frontierOf(tree: PerfectSubtrees, size: number): Hash[] {
  const out: Hash[] = [];
  let start = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (Math.floor(size / width) % 2 === 1) {
      out.push(tree.perfect(level, start / width));
      start += width;
    }
  }
  return out;
}

/** The sizes of those subtrees, in the same order. */
export function frontierWidths(size: number): number[] {
  const out: number[] = [];
  for (let level = 52; level >= 0; level--) if (Math.floor(size / 2 ** level) % 2 === 1) out.push(2 ** level);
  return out;
}
