import { createCipheriv } from 'node:crypto';
import { counterBlock, LEAF_SALT_BYTES, LeafSalts } from './leaf';

const key = Buffer.alloc(32, 7);

describe('Derived leaf salts', () => {
  it('gives each position the same salt whether asked alone or in any run of positions', () => {
    const salts = new LeafSalts(key);
    const run = salts.of(250, 40);
    for (let i = 0; i < 40; i++)
      expect(run.subarray(i * LEAF_SALT_BYTES, (i + 1) * LEAF_SALT_BYTES)).toEqual(salts.of(250 + i, 1));
  });

  it('is AES-256 of the position as a 128-bit big-endian block (what an auditor may recompute)', () => {
    const block = Buffer.alloc(16);
    block.writeUInt32BE(0x01020304, 12);
    const cipher = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
    expect(new LeafSalts(key).of(0x01020304, 1)).toEqual(cipher.update(block));
    expect(counterBlock(0x01020304)).toEqual(block);
  });

  it('differs from position to position and from key to key', () => {
    const a = new LeafSalts(key).of(1, 1000);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(a.toString('hex', i * 16, (i + 1) * 16));
    expect(seen.size).toBe(1000);
    expect(new LeafSalts(Buffer.alloc(32, 8)).of(1, 1)).not.toEqual(a.subarray(0, 16));
  });

  it('refuses a key of the wrong size and a position that is not a whole number', () => {
    expect(() => new LeafSalts(Buffer.alloc(16))).toThrow(RangeError);
    expect(() => new LeafSalts(key).of(-1, 1)).toThrow(RangeError);
    expect(() => new LeafSalts(key).of(1.5, 1)).toThrow(RangeError);
  });
});
