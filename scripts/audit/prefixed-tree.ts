// The Merkle modules alone, not the store's index: the worker thread of the verifier loads this file.
import { frontierWidths } from '@tdkt/event-store/audit/merkle/frontier';
import { nodeHash, type Hash } from '@tdkt/event-store/audit/merkle/hashing';
import { MemoryTree } from '@tdkt/event-store/audit/merkle/memory-tree';
import type { PerfectSubtrees } from '@tdkt/event-store/audit/merkle/tree';

/**
 * The tree of an export that starts at leaf `fromIndex`: the leaves before it are known only by the
 * roots of the perfect subtrees that cover them (the prefix), the rest by their leaves. Any perfect
 * subtree the RFC's algorithms ask for is one of those roots or is computed (once) from the leaves.
 */
export class PrefixedTree implements PerfectSubtrees {
  private readonly prefix = new Map<string, Hash>();
  private readonly cache = new Map<string, Hash>();
  readonly leaves = new MemoryTree();

  constructor(
    readonly fromIndex: number,
    prefixHashes: Hash[],
  ) {
    let start = 0;
    frontierWidths(fromIndex).forEach((width, i) => {
      this.prefix.set(`${Math.log2(width)}:${start / width}`, prefixHashes[i]);
      start += width;
    });
  }

  get size(): number {
    return this.fromIndex + this.leaves.size;
  }

  perfect(level: number, index: number): Hash {
    if (this.fromIndex === 0) return this.leaves.perfect(level, index);
    const key = `${level}:${index}`;
    const known = this.prefix.get(key) ?? this.cache.get(key);
    if (known) return known;
    const width = 2 ** level;
    const start = index * width;
    if (start >= this.fromIndex && level === 0) return this.leaves.leaf(start - this.fromIndex);
    if (start + width <= this.fromIndex && level === 0)
      throw new RangeError(`Leaf ${start} is before the exported range and not a subtree root of its prefix`);
    const hash = nodeHash(this.perfect(level - 1, index * 2), this.perfect(level - 1, index * 2 + 1));
    this.cache.set(key, hash);
    return hash;
  }
}
