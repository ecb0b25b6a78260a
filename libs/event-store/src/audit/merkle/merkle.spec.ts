import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { EMPTY_ROOT, Hash, leafHash, nodeHash, splitPoint } from './hashing';
import { MemoryTree } from './memory-tree';
import { consistencyProof, inclusionProof, rootHash } from './tree';
import { verifyConsistency, verifyInclusion } from './verify';

/** The Certificate Transparency reference inputs d0..d7 (RFC 6962 / 9162 test suites). */
const VECTOR_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const VECTOR_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const hex = (hashes: Hash[]) => hashes.map((h) => h.toString('hex'));
const vectorTree = (n: number) => new MemoryTree(VECTOR_LEAVES.slice(0, n).map((l) => leafHash(Buffer.from(l, 'hex'))));

/** MTH exactly as RFC 9162 §2.1.1 defines it, recursively over leaf hashes: the reference for the rest. */
function referenceRoot(leaves: Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0];
  const k = splitPoint(leaves.length);
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}
const leavesOf = (n: number, salt = 0) =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${salt}:${i}`)));

describe('Merkle tree (RFC 9162)', () => {
  describe('the Certificate Transparency test vectors', () => {
    it('hashes the empty tree to SHA-256 of nothing', () => {
      expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      expect(rootHash(new MemoryTree(), 0)).toEqual(EMPTY_ROOT);
    });

    it.each(VECTOR_ROOTS.map((root, i) => [i + 1, root]))('gives the published root for %i leaves', (n, root) => {
      const tree = vectorTree(n as number);
      expect(rootHash(tree, n as number).toString('hex')).toBe(root);
      expect(tree.root().toString('hex')).toBe(root);
    });

    it('gives the published inclusion proofs of leaves 0 and 5 in the tree of 8', () => {
      const tree = vectorTree(8);
      expect(hex(inclusionProof(tree, 0, 8))).toEqual([
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ]);
      expect(hex(inclusionProof(tree, 5, 8))).toEqual([
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ]);
    });

    it('gives the published consistency proofs 1→8, 6→8 and 2→5', () => {
      const tree = vectorTree(8);
      expect(hex(consistencyProof(tree, 1, 8))).toEqual([
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ]);
      expect(hex(consistencyProof(tree, 6, 8))).toEqual([
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ]);
      expect(hex(consistencyProof(tree, 2, 5))).toEqual([
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ]);
    });
  });

  describe('proofs from the log verify with the independent verifier', () => {
    it('every leaf of every tree up to 40 leaves proves its inclusion in the reference root', () => {
      for (let n = 1; n <= 40; n++) {
        const leaves = leavesOf(n);
        const tree = new MemoryTree(leaves);
        const root = referenceRoot(leaves);
        expect(rootHash(tree, n)).toEqual(root);
        for (let i = 0; i < n; i++)
          expect(verifyInclusion(leaves[i], i, n, inclusionProof(tree, i, n), root)).toBe(true);
      }
    });

    it('every older tree up to 40 leaves proves consistency with every newer one', () => {
      const leaves = leavesOf(40);
      const tree = new MemoryTree(leaves);
      for (let m = 0; m <= 40; m++)
        for (let n = m; n <= 40; n++) {
          const proof = consistencyProof(tree, m, n);
          const ok = verifyConsistency(
            m,
            n,
            proof,
            referenceRoot(leaves.slice(0, m)),
            referenceRoot(leaves.slice(0, n)),
          );
          expect({ m, n, ok }).toEqual({ m, n, ok: true });
        }
    });

    it('refuses an inclusion proof for another leaf, another index or with a changed node', () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), fc.nat(), (n, a, b) => {
          const leaves = leavesOf(n, n);
          const tree = new MemoryTree(leaves);
          const root = tree.root();
          const [i, j] = [a % n, b % n];
          const proof = inclusionProof(tree, i, n);
          expect(verifyInclusion(leaves[i], i, n, proof, root)).toBe(true);
          if (i !== j) expect(verifyInclusion(leaves[j], i, n, proof, root)).toBe(false);
          if (i !== j) expect(verifyInclusion(leaves[i], j, n, proof, root)).toBe(false);
          const changed = proof.map((h, k) => (k === a % proof.length ? nodeHash(h, h) : h));
          expect(verifyInclusion(leaves[i], i, n, changed, root)).toBe(false);
        }),
        { numRuns: 60 },
      );
    });

    it('refuses a consistency proof when the older tree was rewritten (a changed, removed or swapped leaf)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 200 }), fc.nat(), fc.nat(), (n, a, b) => {
          const leaves = leavesOf(n, n + 7);
          const m = 1 + (a % (n - 1));
          const honest = new MemoryTree(leaves);
          const proof = consistencyProof(honest, m, n);
          const oldRoot = referenceRoot(leaves.slice(0, m));
          expect(verifyConsistency(m, n, proof, oldRoot, honest.root())).toBe(true);
          // The log shown today differs from the one signed then in one leaf before m.
          const rewritten = [...leaves];
          rewritten[b % m] = leafHash(Buffer.from('forged'));
          const forged = new MemoryTree(rewritten);
          expect(verifyConsistency(m, n, consistencyProof(forged, m, n), oldRoot, forged.root())).toBe(false);
          expect(verifyConsistency(m, n, proof, oldRoot, forged.root())).toBe(false);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('canonical JSON (RFC 8785)', () => {
    it('sorts keys at every depth and drops whitespace, so key order does not change the bytes', () => {
      expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'é"\n' } })).toBe(
        '{"a":{"c":"é\\"\\n","d":[3,{"y":null,"z":true}]},"b":1}',
      );
      expect(canonicalJson(JSON.parse('{"x":1,"a":2}'))).toBe(canonicalJson({ a: 2, x: 1 }));
    });

    it('writes numbers as ECMAScript does (RFC 8785 §3.2.2.3)', () => {
      expect(canonicalJson([1e21, 0.1, -0, 100, 1.5e-7])).toBe('[1e+21,0.1,0,100,1.5e-7]');
    });

    it('gives a value the same bytes as the JSON it is stored as, read back (dates, undefined, NaN)', () => {
      const value = {
        at: new Date('2026-03-01T01:02:03.000Z'),
        gone: undefined,
        list: [undefined, Number.NaN, 1],
        z: -Infinity,
      };
      expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
      fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJson(v) === canonicalJson(JSON.parse(JSON.stringify(v)))));
    });

    it('hashes like the reference tree for a leaf of known bytes', () => {
      const sha = createHash('sha256')
        .update(Buffer.from([0]))
        .update('abc')
        .digest();
      expect(leafHash(Buffer.from('abc'))).toEqual(sha);
    });
  });
});
