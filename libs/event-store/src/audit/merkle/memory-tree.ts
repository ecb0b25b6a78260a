import { EMPTY_ROOT, Hash, nodeHash } from './hashing';
import { frontierOf } from './frontier';
import type { PerfectSubtrees } from './tree';

/**
 * A log held in memory, level by level: `levels[l][i]` is the perfect subtree of level l at index i,
 * filled in as leaves are appended (each append completes at most one node per level). Used by the
 * offline verifier, the EventStoreDB log follower and the specs.
 */
export class MemoryTree implements PerfectSubtrees {
  private readonly levels: Hash[][] = [[]];

  constructor(leaves: Iterable<Hash> = []) {
    for (const leaf of leaves) this.append(leaf);
  }

  get size(): number {
    return this.levels[0].length;
  }

  append(leaf: Hash): void {
    this.levels[0].push(leaf);
    let index = this.levels[0].length - 1;
    for (let level = 0; index % 2 === 1; level++) {
      const row = this.levels[level];
      const parent = nodeHash(row[index - 1], row[index]);
      (this.levels[level + 1] ??= []).push(parent);
      index = (index - 1) / 2;
    }
  }

  leaf(index: number): Hash {
    return this.perfect(0, index);
  }

  perfect(level: number, index: number): Hash {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`No complete subtree at level ${level}, index ${index} in a log of ${this.size}`);
    return hash;
  }

  /** The frontier of the log: the roots of its perfect subtrees, largest (leftmost) first. */
  frontier(): Hash[] {
    return frontierOf(this, this.size);
  }

  /** Root of the whole log (rangeHash would give the same; this is the frontier folded right to left). */
  root(): Hash {
    const f = this.frontier();
    if (f.length === 0) return EMPTY_ROOT;
    return f.reduceRight((right, left) => nodeHash(left, right));
  }
}
