import { EMPTY_ROOT, Hash, nodeHash, splitPoint } from './hashing';

/**
 * Hashes of the perfect subtrees of a log: `perfect(level, index)` is the root of the 2^level leaves
 * starting at leaf index × 2^level (level 0: the leaf hash itself). Only subtrees that lie wholly
 * inside the log are ever asked for. Stores implement it however suits them (a table, an array).
 */
export interface PerfectSubtrees {
  perfect(level: number, index: number): Hash;
}

/**
 * MTH(D[start:end]) for a range the RFC's recursion produces: `start` is a multiple of the largest
 * power of two not above end − start (true for every range met while splitting [0, n)).
 */
export function rangeHash(tree: PerfectSubtrees, start: number, end: number): Hash {
  const size = end - start;
  if (size <= 0) return EMPTY_ROOT;
  if ((size & (size - 1)) === 0) return tree.perfect(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(tree.perfect(Math.log2(k), start / k), rangeHash(tree, start + k, end));
}

/** The root hash of the first `size` leaves. */
export function rootHash(tree: PerfectSubtrees, size: number): Hash {
  return rangeHash(tree, 0, size);
}

/** RFC 9162 §2.1.3.1: PATH(m, D[n]), the inclusion proof of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(tree: PerfectSubtrees, index: number, size: number): Hash[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`Leaf ${index} is not in a tree of ${size} leaves`);
  const path: Hash[] = [];
  let start = 0;
  let end = size;
  // Walk down from the root; each step records the sibling subtree, appended leaf-first at the end.
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      path.push(rangeHash(tree, start + k, end));
      end = start + k;
    } else {
      path.push(rangeHash(tree, start, start + k));
      start += k;
    }
  }
  return path.reverse();
}

/**
 * The leaf ranges [start, end) whose subtree hashes make up the inclusion proof of leaf `index` in
 * the tree of `size` leaves, in the proof's order (leaf side first).
 */
export function inclusionPathRanges(index: number, size: number): [number, number][] {
  if (!(index >= 0 && index < size)) throw new RangeError(`Leaf ${index} is not in a tree of ${size} leaves`);
  const ranges: [number, number][] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      ranges.push([start + k, end]);
      end = start + k;
    } else {
      ranges.push([start, start + k]);
      start += k;
    }
  }
  return ranges.reverse();
}

/**
 * Whether the inclusion proof of leaf `index` in a tree of `size` leaves shows only salted material:
 * the leaf is salted and no hash of the path covers v1 (unsalted) leaves alone — such a hash, over
 * leaves anyone can recompute from events they partly see, would let them test guesses of the rest.
 */
export function inclusionProofIsSalted(index: number, size: number, unsaltedLeaves: number): boolean {
  return index >= unsaltedLeaves && inclusionPathRanges(index, size).every(([, end]) => end > unsaltedLeaves);
}

/** RFC 9162 §2.1.4.1: PROOF(m, D[n]), the consistency proof between the trees of `from` and `to` leaves. */
export function consistencyProof(tree: PerfectSubtrees, from: number, to: number): Hash[] {
  if (!(from >= 0 && from <= to)) throw new RangeError(`No consistency proof from ${from} to ${to}`);
  if (from === 0 || from === to) return [];
  return subproof(tree, from, 0, to, true);
}

/** SUBPROOF(m, D[start:end], b) with m counted from `start`. */
function subproof(tree: PerfectSubtrees, m: number, start: number, end: number, known: boolean): Hash[] {
  const n = end - start;
  if (m === n) return known ? [] : [rangeHash(tree, start, end)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(tree, m, start, start + k, known), rangeHash(tree, start + k, end)];
  return [...subproof(tree, m - k, start + k, end, false), rangeHash(tree, start, start + k)];
}
