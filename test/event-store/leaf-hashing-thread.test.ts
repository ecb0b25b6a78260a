import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LEAF_SALT_BYTES, LeafSalts, saltedLeafHash, SqliteEventStore, type StoredEnvelope } from '@tdkt/event-store';
import { LeafHashingThread } from '@tdkt/event-store/audit/leaf-hasher';

const key = Buffer.alloc(32, 3);
// Text a leaf must hash byte for byte: diacritics, an astral character, escapes, a quote in an id.
const texts = ['Nguyễn Thị Ánh Tuyết', 'Đoàn 𝔗hanh niên', 'dòng\nmới "trích" \\ \u2028', ''];

describe('Leaf hashing thread', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-leaf-thread-'));
    file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename: file, audit: false });
    for (let s = 0; s < 5; s++)
      await store.append(
        `nomination-"${s}"`,
        Array.from({ length: 30 }, (_, i) => ({
          id: `00000000-0000-4000-8000-${(s * 100 + i).toString(16).padStart(12, '0')}`,
          type: 'NominationDrafted',
          data: { nominee: texts[i % texts.length], note: 'x'.repeat(i * 97), n: i },
          metadata: {
            actorId: `unit "officer" ${s}`,
            actorRole: 'UNIT_OFFICER',
            occurredAt: '2026-12-02T07:00:00.000Z',
            correlationId: `c-${s}`,
            schemaVersion: 1,
          },
        })),
        'no_stream',
      );
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Each row's leaf as leaf.ts computes it from the stored text. */
  function expected(): string[] {
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Record<string, string & number>[];
    db.close();
    const salts = new LeafSalts(key).of(1, rows.length);
    return rows.map((r, i) => {
      const envelope: StoredEnvelope = {
        id: r.event_id,
        stream: r.stream,
        revision: r.revision,
        position: r.position,
        type: r.type,
        data: r.data,
        metadata: r.metadata,
      };
      return saltedLeafHash(envelope, salts.subarray(i * LEAF_SALT_BYTES, (i + 1) * LEAF_SALT_BYTES)).toString('hex');
    });
  }

  /** Asks the thread for the rows up to each position in turn; the leaves it posts, in order. */
  async function hashedBy(
    requests: number[],
    count: number,
    settleMs = 0,
  ): Promise<{ first: number; hashes: string[] }> {
    const got: { first: number; hashes: string[] } = { first: 0, hashes: [] };
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const thread = new LeafHashingThread({
      filename: file,
      key,
      from: 0,
      onLeaves: (first, hashes) => {
        if (got.hashes.length === 0) got.first = first;
        for (let i = 0; i < hashes.length; i += 32) got.hashes.push(hashes.toString('hex', i, i + 32));
        if (got.hashes.length >= count) done();
      },
    });
    try {
      for (const position of requests) expect(thread.request(position)).toBe(true);
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await new Promise((resolve) => setTimeout(resolve, settleMs)); // what else comes
      return got;
    } finally {
      await thread.close();
      expect(thread.request(1)).toBe(false);
    }
  }

  it('hashes every committed row to the leaf the log computes from the same stored text, requests in any order', async () => {
    const got = await hashedBy([40, 10, 150, 90], 150);
    expect(got.first).toBe(1);
    expect(got.hashes).toEqual(expected());
  });

  it('stops before a missing position: the leaves after it are left to the log, which names the gap', async () => {
    const db = new Database(file);
    db.prepare('DELETE FROM events WHERE position = 61').run();
    db.close();
    const got = await hashedBy([150], 60, 300);
    expect(got.hashes).toEqual(expected().slice(0, 60));
  });
});
