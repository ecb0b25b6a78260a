import { EMPTY_ROOT, Hash, nodeHash } from './hashing';
import { frontierOf } from './frontier';
import type { PerfectSubtrees } from './tree';

/**
 * One level of the tree packed in one growing buffer, 32 bytes a hash: a million leaves are a few
 * dozen buffers for the garbage collector, not two million small objects.
 */
class PackedLevel {
  private bytes = Buffer.allocUnsafe(32 * 1024);
  count = 0;

  push(hash: Hash): void {
    if ((this.count + 1) * 32 > this.bytes.length) {
      const grown = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(grown, 0, 0, this.count * 32);
      this.bytes = grown;
    }
    hash.copy(this.bytes, this.count * 32);
    this.count++;
  }

  /** A view of hash i (never rewritten: a level only grows). */
  get(index: number): Hash | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    return this.bytes.subarray(index * 32, index * 32 + 32);
  }
}

/**
 * A log held in memory, level by level: level l, index i is the perfect subtree of level l at index i,
 * filled in as leaves are appended (each append completes at most one node per level). Used by the
 * offline verifier, the EventStoreDB log follower and the specs.
 */
export class MemoryTree implements PerfectSubtrees {
  private readonly levels: PackedLevel[] = [new PackedLevel()];

  constructor(leaves: Iterable<Hash> = []) {
    for (const leaf of leaves) this.append(leaf);
  }

  get size(): number {
    return this.levels[0].count;
  }

  append(leaf: Hash): void {
    this.levels[0].push(leaf);
    let index = this.levels[0].count - 1;
    for (let level = 0; index % 2 === 1; level++) {
      const row = this.levels[level];
      const parent = nodeHash(row.get(index - 1)!, row.get(index)!);
      (this.levels[level + 1] ??= new PackedLevel()).push(parent);
      index = (index - 1) / 2;
    }
  }

  leaf(index: number): Hash {
    return this.perfect(0, index);
  }

  perfect(level: number, index: number): Hash {
    const hash = this.levels[level]?.get(index);
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
