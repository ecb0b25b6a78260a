import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { CheckpointSigner, verifyCheckpointSignature } from './checkpoint-signer';
import { Checkpointer } from './checkpointer';
import { loadCheckpointSigner } from './signing-key';

const event = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'NominationDrafted',
  data: { n },
  metadata: {
    actorId: 'a',
    actorRole: 'UNIT_OFFICER',
    occurredAt: '2026-01-01T00:00:00.000Z',
    correlationId: 'c',
    schemaVersion: 1,
  },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms`);
    await sleep(5);
  }
}

describe('Checkpointer', () => {
  let store: SqliteEventStore;
  let checkpointer: Checkpointer;

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    checkpointer = new Checkpointer(store.auditLog(), CheckpointSigner.generate(), { intervalMs: 20 });
  });
  afterEach(async () => {
    await checkpointer.stop();
    await store.close();
  });

  it('signs on its interval while events are written, and nothing while none are', async () => {
    checkpointer.start();
    await sleep(80);
    expect(await store.auditLog().checkpoints()).toEqual([]);

    await store.append('nomination-1', [event(1), event(2)], 'no_stream');
    await until(async () => (await store.auditLog().checkpoints()).length === 1);
    await store.append('nomination-1', [event(3)], 1);
    await until(async () => (await store.auditLog().checkpoints()).length === 2);
    const signed = await store.auditLog().checkpoints();
    expect(signed.map((c) => c.treeSize)).toEqual([2, 3]);

    await sleep(80);
    expect(await store.auditLog().checkpoints()).toHaveLength(2);
    for (const c of signed) expect(verifyCheckpointSignature(c, checkpointer.signer.publicKey)).toBe(true);
  });

  it('signs on demand, once per tree size', async () => {
    expect(await checkpointer.issue()).toBeUndefined(); // an empty log has nothing to sign
    await store.append('nomination-1', [event(1)], 'no_stream');
    const [a, b] = await Promise.all([checkpointer.issue(), checkpointer.issue()]);
    expect(a).toEqual(b);
    expect(await checkpointer.issue()).toEqual(a);
    expect(await store.auditLog().checkpoints()).toHaveLength(1);
  });
});

describe('the audit signing key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tdkt-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once into the data dir when embedded (owner-only), and the same key is loaded again', () => {
    const file = join(dir, 'audit-signing-key.pem');
    const first = loadCheckpointSigner(file, { create: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadCheckpointSigner(file, { create: true }).keyId).toBe(first.keyId);
  });

  it('must be provisioned in production', () => {
    expect(() => loadCheckpointSigner(join(dir, 'missing.pem'), { create: false })).toThrow(
      /TDKT_AUDIT_SIGNING_KEY_FILE/,
    );
  });
});
