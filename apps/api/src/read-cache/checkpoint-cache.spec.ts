import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKPOINTS_DDL, CHECKPOINTS_TABLE, SqliteReadModelDb } from '@tdkt/projections';
import { CheckpointCache } from './checkpoint-cache';

let dir: string;
let db: SqliteReadModelDb;

const advance = (position: number) =>
  db.run(`UPDATE ${CHECKPOINTS_TABLE} SET position = ? WHERE name = 'statistics'`, [position]);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tdkt-cache-'));
  db = SqliteReadModelDb.open(join(dir, 'read-models.sqlite'));
  for (const sql of CHECKPOINTS_DDL) await db.run(sql);
  await db.run(
    `INSERT INTO ${CHECKPOINTS_TABLE} (name, position, version, updated_at) VALUES ('statistics', 7, 2, '')`,
  );
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CheckpointCache', () => {
  it('answers a repeated query from memory while the checkpoint stays, and recomputes once it moves', async () => {
    const cache = new CheckpointCache<{ n: number }>(db, 'statistics');
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    const first = await cache.get('a', compute);
    expect(await cache.get('a', compute)).toBe(first);
    expect(await cache.get('b', compute)).toEqual({ n: 2 });
    expect(computed).toBe(2);
    await advance(8);
    expect(await cache.get('a', compute)).toEqual({ n: 3 });
    expect(cache.size).toBe(1);
  });

  it('does not keep an answer computed while another request saw a newer checkpoint', async () => {
    const cache = new CheckpointCache<string>(db, 'statistics');
    let release!: () => void;
    const slow = cache.get('a', () => new Promise<string>((r) => (release = () => r('old'))));
    await new Promise((r) => setImmediate(r));
    await advance(9);
    expect(await cache.get('b', async () => 'new')).toBe('new');
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('a', async () => 'fresh')).toBe('fresh');
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const cache = new CheckpointCache<number>(db, 'statistics', 2);
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => 1);
    expect(cache.size).toBe(2);
    let recomputed = false;
    await cache.get('a', async () => ((recomputed = true), 1));
    expect(recomputed).toBe(true);
  });
});
