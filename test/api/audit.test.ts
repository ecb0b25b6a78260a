/**
 * Issue 13 over the whole embedded system: the signed, tamper-evident audit log (checkpoints, public
 * key, inclusion and consistency proofs, a nomination's proofs), time travel (a nomination and the
 * registry as they stood), the access log of personal-data reads, and the offline export verifier
 * catching each kind of tampering.
 */
import { execFile } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CheckpointSigner,
  eventLeafHash,
  leafHashOf,
  loadCheckpointSigner,
  SqliteEventStore,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyInclusion,
  type SignedCheckpoint,
} from '@tdkt/event-store';
import { exportBundle } from '../../scripts/audit/export-bundle';
import { verifyBundle } from '../../scripts/audit/verify-bundle';
import { startStack, type Stack } from './support/stack';

const REPO = join(__dirname, '..', '..');
const MARKER = 'sáng kiến KT13MARK';
let stack: Stack;
let awarded: { id: string; decisionNumber: string };
let beforeRevocation: string;
let work: string;

const hash = (hex: string) => Buffer.from(hex, 'hex');

beforeAll(async () => {
  stack = await startStack();
  work = mkdtempSync(join(tmpdir(), 'tdkt-audit-'));
  awarded = await stack.toAwarded({ achievements: `Hoàn thành xuất sắc nhiệm vụ; ${MARKER}` });
  await new Promise((r) => setTimeout(r, 20));
  beforeRevocation = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  await stack.command('chutich', `/api/nominations/${awarded.id}/revocation`, {
    ground: 'CRITERIA_NOT_MET',
    reason: 'Thanh tra kết luận không đủ tiêu chuẩn',
  });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the signed audit log over HTTP', () => {
  it('publishes the Ed25519 public key and checkpoints anyone can verify with it', async () => {
    const key = await stack.http.get('/api/audit/public-key');
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const publicKey = createPublicKey(key.body.publicKeyPem);

    const issued = await (await stack.as('thanhtra')).post('/api/audit/checkpoints');
    expect(issued.status).toBe(200);
    expect(issued.body.treeSize).toBe(await stack.head());
    const latest = await stack.http.get('/api/audit/checkpoints/latest');
    expect(latest.body).toMatchObject({ treeSize: issued.body.treeSize, rootHash: issued.body.rootHash });
    expect(latest.body.signedText).toBe(
      `tdkt-audit-checkpoint/v1\n${latest.body.treeSize}\n${latest.body.rootHash}\n${latest.body.issuedAt}\n`,
    );
    const all = await stack.http.get('/api/audit/checkpoints');
    expect(all.status).toBe(200);
    for (const c of all.body as SignedCheckpoint[]) expect(verifyCheckpointSignature(c, publicKey)).toBe(true);
  });

  it('proves every event of a nomination is in the signed log, to whoever may read the nomination, without its salts', async () => {
    const stream = await stack.stream(awarded.id);
    const publicKey = createPublicKey((await stack.http.get('/api/audit/public-key')).body.publicKeyPem);
    const log = (stack.system.store as SqliteEventStore).auditLog();
    // The inspector, the secretary, the nominating unit's officer, a council member, the cluster leader.
    for (const user of ['thanhtra', 'thuky', 'canbo.donvi1', 'hoidong2', 'truongcum.cum1']) {
      const res = await (await stack.as(user)).get(`/api/nominations/${awarded.id}/proofs`);
      expect([user, res.status]).toEqual([user, 200]);
      expect(res.body.events.map((e: { eventId: string }) => e.eventId)).toEqual(stream.map((e) => e.id));
      const { checkpoint } = res.body;
      expect(verifyCheckpointSignature(checkpoint, publicKey)).toBe(true);
      for (const e of res.body.events)
        expect(
          verifyInclusion(
            hash(e.leafHash),
            e.leafIndex,
            checkpoint.treeSize,
            e.inclusionProof.map(hash),
            hash(checkpoint.rootHash),
          ),
        ).toBe(true);
      // No salt anywhere in the answer: a reader cannot recompute a leaf, so cannot test a guess of a hidden field.
      expect(JSON.stringify(res.body)).not.toMatch(/salt/i);
    }
    // The leaf is salted: the event alone (even whole) does not hash to it; with the salt the log keeps, it does.
    for (const event of stream) {
      const logged = (await log.findEvent(event.id))!;
      const leaf = await log.leafHash(logged.index);
      expect(eventLeafHash(event)).not.toEqual(leaf);
      expect(leafHashOf(event, logged.salt)).toEqual(leaf);
    }

    // Out of the reader's scope: the same 404 as an unknown nomination (existence is not revealed).
    const outside = await (await stack.as('canbo.donvi3')).get(`/api/nominations/${awarded.id}/proofs`);
    const unknown = await (
      await stack.as('canbo.donvi3')
    ).get('/api/nominations/00000000-0000-4000-8000-000000000000/proofs');
    expect([outside.status, outside.body]).toEqual([404, unknown.body]);
    expect((await stack.http.get(`/api/nominations/${awarded.id}/proofs`)).status).toBe(401);
  });

  it('proves one event by id, at a chosen tree size, and refuses sizes the log does not have', async () => {
    const as = await stack.as('thanhtra');
    const [first] = await stack.stream(awarded.id);
    const res = await as.get(`/api/audit/events/${first.id}/proof`);
    expect(res.status).toBe(200);
    expect(
      verifyInclusion(
        hash(res.body.leafHash),
        res.body.leafIndex,
        res.body.treeSize,
        res.body.inclusionProof.map(hash),
        hash(res.body.checkpoint.rootHash),
      ),
    ).toBe(true);

    const atSize = await as.get(`/api/audit/events/${first.id}/proof?treeSize=${first.position}`);
    expect(atSize.status).toBe(200);
    expect(atSize.body.treeSize).toBe(first.position);

    const beyond = await as.get(`/api/audit/events/${first.id}/proof?treeSize=999999999`);
    expect(beyond.status).toBe(400);
    expect(beyond.body.code).toBe('TREE_SIZE');
    expect((await as.get(`/api/audit/events/${first.id}/proof?treeSize=abc`)).status).toBe(400);
    const unknown = await as.get('/api/audit/events/00000000-0000-4000-8000-000000000000/proof');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('AUDIT_EVENT_NOT_FOUND');

    // Salted leaves: the nominating unit proves its own event; a unit out of scope is told it does not exist.
    const own = await (await stack.as('canbo.donvi1')).get(`/api/audit/events/${first.id}/proof`);
    expect([own.status, own.body.leafHash]).toEqual([200, res.body.leafHash]);
    expect(JSON.stringify(own.body)).not.toMatch(/salt/i);
    const outside = await (await stack.as('canbo.donvi3')).get(`/api/audit/events/${first.id}/proof`);
    expect([outside.status, outside.body.code]).toEqual([404, 'AUDIT_EVENT_NOT_FOUND']);
    // An event of no nomination (a decision number, a record of the access log): the inspector's and the secretary's only.
    const accessRead = (await stack.system.store.readAll()).find((e) => !e.stream.startsWith('nomination-'))!;
    expect(accessRead).toBeDefined();
    expect((await (await stack.as('thuky')).get(`/api/audit/events/${accessRead.id}/proof`)).status).toBe(200);
    const other = await (await stack.as('hoidong2')).get(`/api/audit/events/${accessRead.id}/proof`);
    expect([other.status, other.body.code]).toEqual([404, 'AUDIT_EVENT_NOT_FOUND']);
  });

  it('proves two checkpoints consistent (the older log is a prefix of the newer)', async () => {
    const as = await stack.as('thanhtra');
    const older = (await as.post('/api/audit/checkpoints')).body;
    await as.get(`/api/nominations/${awarded.id}`); // a recorded read: the log grows
    const newer = (await as.post('/api/audit/checkpoints')).body;
    expect(newer.treeSize).toBeGreaterThan(older.treeSize);

    const res = await as.get(`/api/audit/consistency?from=${older.treeSize}&to=${newer.treeSize}`);
    expect(res.status).toBe(200);
    expect(res.body.fromCheckpoint.rootHash).toBe(older.rootHash);
    expect(
      verifyConsistency(
        older.treeSize,
        newer.treeSize,
        res.body.consistencyProof.map(hash),
        hash(older.rootHash),
        hash(newer.rootHash),
      ),
    ).toBe(true);
    const backwards = await as.get(`/api/audit/consistency?from=${newer.treeSize}&to=${older.treeSize}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe('TREE_SIZE');
    const refused = await (
      await stack.as('hoidong2')
    ).get(`/api/audit/consistency?from=${older.treeSize}&to=${newer.treeSize}`);
    expect([refused.status, refused.body.code]).toEqual([403, 'PROOF_NOT_ALLOWED']);
  });
});

describe('time travel', () => {
  it('shows the nomination as it stood before its revocation, with its audit trail up to then', async () => {
    const as = await stack.as('thanhtra');
    const now = await as.get(`/api/nominations/${awarded.id}`);
    expect(now.body.status).toBe('REVOKED');

    const then = await as.get(`/api/nominations/${awarded.id}?asOf=${encodeURIComponent(beforeRevocation)}`);
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ id: awarded.id, status: 'AWARDED', decisionNumber: awarded.decisionNumber });
    const types = then.body.auditTrail.map((e: { eventType: string }) => e.eventType);
    expect(types[0]).toBe('NominationDrafted');
    expect(types).toContain('AwardDecisionSigned');
    expect(types).not.toContain('AwardRevoked');
    const trail = await as.get(`/api/nominations/${awarded.id}/audit?asOf=${encodeURIComponent(beforeRevocation)}`);
    expect(trail.body.map((e: { eventType: string }) => e.eventType)).toEqual(types);

    expect((await as.get(`/api/nominations/${awarded.id}?asOf=2000-01-01`)).status).toBe(404);
    const bad = await as.get(`/api/nominations/${awarded.id}?asOf=yesterday`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('asOf');
  });

  it('shows the registry as it stood: the award revoked later is valid then, with the same filters and search', async () => {
    const find = (body: { items: { nominationId: string }[] }) => body.items.find((a) => a.nominationId === awarded.id);
    const now = await stack.http.get('/api/registry?q=nguyen van an&pageSize=200');
    expect(find(now.body)).toMatchObject({ revoked: true, revocationGround: 'CRITERIA_NOT_MET' });

    const then = await stack.http.get(
      `/api/registry?q=nguyen van an&pageSize=200&asOf=${encodeURIComponent(beforeRevocation)}`,
    );
    expect(then.status).toBe(200);
    expect(find(then.body)).toMatchObject({ revoked: false, revokedAt: null, decisionNumber: awarded.decisionNumber });
    const valid = await stack.http.get(
      `/api/registry?includeRevoked=false&award=BANG_KHEN_TINH&pageSize=200&asOf=${encodeURIComponent(beforeRevocation)}`,
    );
    expect(find(valid.body)).toBeDefined();
    expect(find((await stack.http.get('/api/registry?includeRevoked=false&pageSize=200')).body)).toBeUndefined();
    expect(find((await stack.http.get('/api/registry?pageSize=200&asOf=2000-01-01')).body)).toBeUndefined();
  });
});

describe('the access log of personal-data reads', () => {
  it('records who read which nomination, when and from where; only the inspector lists it', async () => {
    const started = new Date().toISOString();
    expect((await (await stack.as('canbo.donvi1')).get(`/api/nominations/${awarded.id}`)).status).toBe(200);

    const res = await (
      await stack.as('thanhtra')
    ).get(`/api/audit/access-log?nominationId=${awarded.id}&actorId=canbo.donvi1`);
    expect(res.status).toBe(200);
    const [read] = res.body.items;
    expect(read).toMatchObject({
      actorId: 'canbo.donvi1',
      resource: 'nomination',
      nominationId: awarded.id,
      fields: expect.arrayContaining(['nominee.nomineeId']),
      address: expect.stringMatching(/127\.0\.0\.1|::1/),
    });
    expect(read.readAt >= started).toBe(true);

    // The read is an event of the log, so the signed checkpoints cover it.
    const proof = await (await stack.as('thanhtra')).get(`/api/audit/events/${read.eventId}/proof`);
    expect(proof.status).toBe(200);
    expect(
      verifyInclusion(
        hash(proof.body.leafHash),
        proof.body.leafIndex,
        proof.body.treeSize,
        proof.body.inclusionProof.map(hash),
        hash(proof.body.checkpoint.rootHash),
      ),
    ).toBe(true);

    const refused = await (await stack.as('chutich')).get('/api/audit/access-log');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCESS_LOG_NOT_ALLOWED');
  });
});

describe('the offline export and its verifier', () => {
  const signer = () => loadCheckpointSigner(join(stack.dataDir, 'audit-signing-key.pem'), { create: false });
  const eventsFile = () => stack.system.config.eventStoreFile;

  /** A consistent copy of the live event store, to tamper with. */
  async function copyOfStore(name: string): Promise<string> {
    const copy = join(work, `${name}.sqlite`);
    const source = new Database(eventsFile(), { readonly: true });
    await source.backup(copy);
    source.close();
    const db = new Database(copy);
    db.pragma('journal_mode = DELETE');
    db.close();
    return copy;
  }

  async function exportFrom(storeFile: string | undefined, out: string, range: { from?: string; to?: string } = {}) {
    await stack.system.runtime.runner.waitForPosition(await stack.head());
    const store = storeFile ? new SqliteEventStore({ filename: storeFile }) : undefined;
    try {
      return await exportBundle({
        log: (store ?? (stack.system.store as SqliteEventStore)).auditLog(),
        readDb: stack.system.runtime.readDb,
        signer: signer(),
        out: join(work, out),
        ...range,
      });
    } finally {
      await store?.close();
    }
  }

  /** Verifies inline and with the leaf check in a worker thread: the same report either way. */
  const verify = async (file: string) => {
    const inline = await verifyBundle(join(work, file), { threads: 0 });
    expect(await verifyBundle(join(work, file), { threads: 1 })).toEqual(inline);
    return inline;
  };
  const lines = (file: string) => readFileSync(join(work, file), 'utf8').trimEnd().split('\n');
  const writeLines = (file: string, l: string[]) => writeFileSync(join(work, file), l.join('\n') + '\n');

  it('verifies an untouched export: leaves, signatures, roots, consistency and the rebuilt registry', async () => {
    const result = await exportFrom(undefined, 'clean.jsonl');
    expect(result.events).toBe(result.treeSize);
    expect(result.registryRows).toBeGreaterThanOrEqual(1);

    const report = await verify('clean.jsonl');
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.passed.join('\n')).toMatch(/chữ ký Ed25519 hợp lệ/);
    expect(report.passed.join('\n')).toMatch(/Sổ khen thưởng dựng lại/);
  });

  it('gives auditors each leaf’s salt in the export, and names an event whose salt was removed or changed', async () => {
    const l = lines('clean.jsonl');
    const events = l.filter((x) => x.includes('"kind":"event"')).map((x) => JSON.parse(x));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.salt).toMatch(/^[0-9a-f]{32}$/);
    const i = l.findIndex((x) => x.includes('"kind":"event"'));
    const line = JSON.parse(l[i]);
    const stripped = [...l];
    stripped[i] = JSON.stringify({ ...line, salt: undefined });
    writeLines('salt-removed.jsonl', stripped);
    const changed = [...l];
    changed[i] = JSON.stringify({ ...line, salt: line.salt.replace(/^./, line.salt[0] === '0' ? '1' : '0') });
    writeLines('salt-changed.jsonl', changed);
    for (const file of ['salt-removed.jsonl', 'salt-changed.jsonl']) {
      const report = await verify(file);
      expect(report.ok).toBe(false);
      expect(report.failures.join('\n')).toContain(`${line.event.id} (${line.event.stream}@${line.event.revision}`);
    }
  });

  it('exports a part of the log (--from LEAF|ISO --to SIZE|ISO) that verifies on its own, from the prefix’s subtree roots', async () => {
    // As far as the registry read model has projected (an export goes no further).
    const head = (await exportFrom(undefined, 'whole.jsonl')).treeSize;
    const byIndex = await exportFrom(undefined, 'part.jsonl', { from: '3', to: String(head - 2) });
    expect(byIndex).toMatchObject({ fromIndex: 3, treeSize: head - 2, events: head - 5 });
    const part = lines('part.jsonl').map((x) => JSON.parse(x));
    expect(part[0]).toMatchObject({ kind: 'header', fromIndex: 3, treeSize: head - 2 });
    expect(part.find((x) => x.kind === 'prefix')).toMatchObject({ size: 3 });
    expect(part.filter((x) => x.kind === 'event').map((x) => x.index)).toEqual(
      Array.from({ length: head - 5 }, (_, k) => k + 3),
    );
    const report = await verify('part.jsonl');
    expect(report.failures).toEqual([]);

    // By instants: from the revocation's moment to the moment it was recorded (the revocation itself).
    const all = await stack.system.store.readAll();
    const revoked = (await stack.stream(awarded.id)).at(-1)!.recordedAt;
    const byTime = await exportFrom(undefined, 'part-time.jsonl', { from: beforeRevocation, to: revoked });
    expect(byTime.fromIndex).toBe(all.findIndex((e) => e.recordedAt >= beforeRevocation));
    expect(byTime.treeSize).toBe(all.filter((e) => e.recordedAt <= revoked).length);
    expect((await verify('part-time.jsonl')).failures).toEqual([]);

    // A part whose prefix roots were altered no longer matches the signed root.
    const tampered = lines('part.jsonl');
    const p = tampered.findIndex((x) => x.includes('"kind":"prefix"'));
    const prefix = JSON.parse(tampered[p]);
    prefix.hashes[0] = prefix.hashes[0].replace(/^./, prefix.hashes[0][0] === '0' ? '1' : '0');
    tampered[p] = JSON.stringify(prefix);
    writeLines('part-tampered.jsonl', tampered);
    const bad = await verify('part-tampered.jsonl');
    expect(bad.ok).toBe(false);
    expect(bad.failures.join('\n')).toMatch(new RegExp(`Điểm chốt kích thước ${head - 2}`));
  });

  it('runs as `npm run audit:verify -- FILE`: exit 0 when all holds, 1 naming what does not', async () => {
    const clean = await runVerify(join(work, 'clean.jsonl'));
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('HỢP LỆ');

    const l = lines('clean.jsonl');
    const i = l.findIndex((x) => x.includes('"kind":"registry"'));
    l[i] = l[i].replace('"nomineeName":"Nguyễn Văn An"', '"nomineeName":"Nguyễn Văn Ân"');
    writeLines('cli-edited.jsonl', l);
    const edited = await runVerify(join(work, 'cli-edited.jsonl'));
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('KHÔNG HỢP LỆ');
    expect(edited.stdout).toContain('nomineeName');
  }, 120_000);

  it('names the event whose bytes were changed in the SQLite file', async () => {
    const copy = await copyOfStore('byte-changed');
    const drafted = (await stack.stream(awarded.id))[0];
    // Free space in SQLite pages may keep stale copies of a row: change the byte of the live one.
    const original = readFileSync(copy);
    let changed = false;
    for (let at = original.indexOf('KT13MARK'); at >= 0 && !changed; at = original.indexOf('KT13MARK', at + 1)) {
      const bytes = Buffer.from(original);
      bytes[at + 7] = 'X'.charCodeAt(0); // KT13MARK → KT13MARX: one byte
      writeFileSync(copy, bytes);
      const db = new Database(copy, { readonly: true });
      const row = db.prepare('SELECT data FROM events WHERE position = ?').get(drafted.position) as { data: string };
      db.close();
      changed = row.data.includes('KT13MARX');
    }
    expect(changed).toBe(true);

    await exportFrom(copy, 'byte-changed.jsonl');
    const report = await verify('byte-changed.jsonl');

    expect(report.ok).toBe(false);
    expect(report.failures.join('\n')).toContain(
      `Sự kiện ${drafted.id} (nomination-${awarded.id}@0, vị trí ${drafted.position})`,
    );
    expect(report.failures.join('\n')).toContain('đã bị sửa sau khi ghi');
  });

  it('names the leaf of an event deleted from the store', async () => {
    const copy = await copyOfStore('deleted');
    const victim = (await stack.stream(awarded.id))[2];
    const db = new Database(copy);
    db.prepare('DELETE FROM events WHERE position = ?').run(victim.position);
    db.close();

    await exportFrom(copy, 'deleted.jsonl');
    const report = await verify('deleted.jsonl');

    expect(report.ok).toBe(false);
    expect(report.failures.join('\n')).toContain(`Thiếu sự kiện ở lá ${victim.position - 1}`);
    expect(report.failures.join('\n')).toMatch(/Tệp khai \d+ lá nhưng có \d+/);
    expect(report.failures.join('\n')).toMatch(/Điểm chốt kích thước \d+ .*không tính lại được gốc/);
  });

  it('names two events swapped in the store', async () => {
    const copy = await copyOfStore('swapped');
    const [, a, b] = await stack.stream(awarded.id);
    const db = new Database(copy);
    const swap = db.transaction(() => {
      const row = (p: number) =>
        db.prepare('SELECT event_id, type, data, metadata FROM events WHERE position = ?').get(p) as Record<
          string,
          string
        >;
      const [ra, rb] = [row(a.position), row(b.position)];
      const set = db.prepare('UPDATE events SET event_id = ?, type = ?, data = ?, metadata = ? WHERE position = ?');
      set.run('tmp', 'tmp', '{}', '{}', a.position);
      set.run(ra.event_id, ra.type, ra.data, ra.metadata, b.position);
      set.run(rb.event_id, rb.type, rb.data, rb.metadata, a.position);
    });
    swap();
    db.close();

    await exportFrom(copy, 'swapped.jsonl');
    const failures = (await verify('swapped.jsonl')).failures.join('\n');

    expect(failures).toContain(`Sự kiện ${b.id} (nomination-${awarded.id}@${a.revision}, vị trí ${a.position})`);
    expect(failures).toContain(`Sự kiện ${a.id} (nomination-${awarded.id}@${b.revision}, vị trí ${b.position})`);
  });

  it('names an event inserted into the export', async () => {
    const l = lines('clean.jsonl');
    const i = l.findIndex((x) => x.includes('"kind":"event"') && x.includes(`nomination-${awarded.id}`)) + 2;
    const forged = JSON.parse(l[i]);
    forged.event = {
      ...forged.event,
      id: '11111111-1111-4111-8111-111111111111',
      data: { ...forged.event.data, comment: 'chèn' },
    };
    l.splice(i, 0, JSON.stringify(forged));
    writeLines('inserted.jsonl', l);

    const failures = (await verify('inserted.jsonl')).failures.join('\n');

    expect(failures).toContain('Sự kiện 11111111-1111-4111-8111-111111111111');
    expect(failures).toMatch(/bị chèn thêm, lặp lại hoặc đổi chỗ/);
    expect(failures).toMatch(/Tệp khai \d+ lá nhưng có \d+/);
  });

  it('names a checkpoint re-signed with another key', async () => {
    const l = lines('clean.jsonl');
    const i = l.findIndex((x) => x.includes('"kind":"checkpoint"'));
    const original = JSON.parse(l[i]);
    const forged = CheckpointSigner.generate().sign(original.treeSize, hash(original.rootHash), original.issuedAt);
    l[i] = JSON.stringify({ kind: 'checkpoint', ...forged });
    writeLines('resigned.jsonl', l);

    const failures = (await verify('resigned.jsonl')).failures;

    expect(failures).toEqual([
      expect.stringContaining(
        `Điểm chốt kích thước ${original.treeSize} (ký lúc ${original.issuedAt}): chữ ký không hợp lệ`,
      ),
    ]);
    // Replacing the key in the file too is caught when the authority's key is given.
    const key = l.findIndex((x) => x.includes('"kind":"publicKey"'));
    const other = CheckpointSigner.generate();
    l[key] = JSON.stringify({
      kind: 'publicKey',
      algorithm: 'Ed25519',
      keyId: other.keyId,
      publicKeyPem: other.publicKeyPem(),
    });
    writeLines('rekeyed.jsonl', l);
    const rekeyed = await verifyBundle(join(work, 'rekeyed.jsonl'), { trustedPublicKeyPem: signer().publicKeyPem() });
    expect(rekeyed.failures.join('\n')).toContain(`không phải khóa của cơ quan (${signer().keyId})`);
  });

  it('names a registry row edited in the export, and the field', async () => {
    const l = lines('clean.jsonl');
    const i = l.findIndex((x) => x.includes('"kind":"registry"') && x.includes(awarded.id));
    l[i] = l[i].replace('"revoked":true', '"revoked":false');
    writeLines('registry-edited.jsonl', l);

    const failures = (await verify('registry-edited.jsonl')).failures;

    expect(failures).toEqual([
      `Sổ khen thưởng: hồ sơ ${awarded.id}, trường revoked: sổ xuất ghi false, dựng lại từ sự kiện được true`,
    ]);
  });
});

function runVerify(file: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'audit:verify', '--', file], { cwd: REPO }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}
