import { newLeafSalt, saltedLeafHash, type StoredEnvelope } from './leaf';
import { HELPER_MIN_BATCH, LeafHasher } from './leaf-hasher';

function envelopes(count: number, from = 1, text = 'Nguyễn Văn An'): StoredEnvelope[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${(from + i).toString(16).padStart(12, '0')}`,
    stream: `nomination-${i % 7}`,
    revision: i,
    position: from + i,
    type: 'NominationDrafted',
    data: JSON.stringify({ nominee: `${text} ${i}`, note: 'x'.repeat(i * 37) }),
    metadata: JSON.stringify({ actor: 'unit-officer', at: '2026-12-02T07:00:00.000Z' }),
  }));
}

const inlineHashes = (events: StoredEnvelope[], salts: Buffer[]) =>
  events.map((e, i) => saltedLeafHash(e, salts[i]).toString('hex'));

describe('LeafHasher', () => {
  let hasher: LeafHasher;
  beforeEach(() => (hasher = new LeafHasher()));
  afterEach(() => hasher.close());

  it('gives every leaf of a big batch the hash the appending thread would compute, in any reading order', async () => {
    const events = envelopes(400);
    const salts = events.map(() => newLeafSalt());
    const leaves = hasher.batch(events, salts);
    // Let the helper get ahead, then read backwards: helper's and appender's hashes mixed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const read = events
      .map((_, i) => i)
      .reverse()
      .map((i) => leaves.hash(i).toString('hex'))
      .reverse();
    expect(read).toEqual(inlineHashes(events, salts));
  });

  it('hashes on its helper thread once the thread has started', async () => {
    // A thread starts in tens of milliseconds, more on a busy machine: batches until it helps (≤ 10 s).
    for (let round = 0; round < 200 && hasher.counts.helper === 0; round++) {
      const events = envelopes(200, round * 1000 + 1);
      const salts = events.map(() => newLeafSalt());
      const leaves = hasher.batch(events, salts);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events.map((_, i) => leaves.hash(i).toString('hex'))).toEqual(inlineHashes(events, salts));
    }
    expect(hasher.counts.helper).toBeGreaterThan(0);
  });

  it('keeps batches apart: a batch published while the helper is on the last one reads only its own hashes', () => {
    for (let round = 0; round < 50; round++) {
      const events = envelopes(HELPER_MIN_BATCH + round * 3, round * 1000 + 1, `vòng ${round}`);
      const salts = events.map(() => newLeafSalt());
      const leaves = hasher.batch(events, salts);
      // Read only part of each batch before the next one overwrites the shared input.
      const upTo = round % 2 ? events.length : Math.floor(events.length / 2);
      for (let i = 0; i < upTo; i++)
        expect(leaves.hash(i).toString('hex')).toBe(saltedLeafHash(events[i], salts[i]).toString('hex'));
    }
  });

  it('hashes small batches, batches beyond its shared memory, and batches after it closed on the appending thread', async () => {
    const small = envelopes(HELPER_MIN_BATCH - 1);
    const huge = envelopes(20, 1, 'đ'.repeat(100_000));
    for (const events of [small, huge]) {
      const salts = events.map(() => newLeafSalt());
      const leaves = hasher.batch(events, salts);
      expect(events.map((_, i) => leaves.hash(i).toString('hex'))).toEqual(inlineHashes(events, salts));
    }
    expect(hasher.counts).toEqual({ helper: 0, appender: 0 });
    await hasher.close();
    const events = envelopes(100);
    const salts = events.map(() => newLeafSalt());
    const leaves = hasher.batch(events, salts);
    expect(events.map((_, i) => leaves.hash(i).toString('hex'))).toEqual(inlineHashes(events, salts));
  });
});
