/**
 * Dossiers and the office's check over HTTP, on the embedded system (real Temporal dev server,
 * SQLite event store, documents in the data directory): documents checked by content, stored by
 * SHA-256, verified on download; the office's check; list commands sent twice change nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { startStack, type Stack } from './support/stack';

let stack: Stack;
const MAX = 64 * 1024;

beforeAll(async () => {
  stack = await startStack({ env: { TDKT_DOCUMENT_MAX_BYTES: String(MAX) } });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The bytes of a Windows executable: "MZ", the DOS stub, whatever the file is called. */
const EXE = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
  Buffer.from('This program cannot be run in DOS mode.'),
]);
const person = (name: string) => ({ nominee: { kind: 'individual', name } });

describe('Dossier documents', () => {
  let id: string;
  beforeAll(async () => {
    id = await stack.draft(person('Đặng Thùy Trâm'));
  });

  it('a renamed .exe sent as .pdf is refused by its content, and nothing is recorded', async () => {
    const head = await stack.head();
    const res = await stack.upload('canbo.donvi1', id, 'TO_TRINH', EXE, 'to-trinh.pdf');
    expect([res.status, res.body.code]).toEqual([400, 'DOCUMENT_CONTENT_NOT_ALLOWED']);
    expect(res.body.message).toContain('PDF, DOCX, JPEG hoặc PNG');
    expect(await stack.head()).toBe(head);
  });

  it('a PDF is stored by its SHA-256; the event records type, hash, size and uploader; the same bytes again change nothing', async () => {
    const bytes = pdf('to trinh so 12');
    const res = await stack.upload('canbo.donvi1', id, 'TO_TRINH', bytes, 'Tờ trình 12.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      hash: sha256(bytes),
      size: bytes.length,
      mediaType: 'application/pdf',
      added: true,
    });
    const [event] = await stack.system.store.readStream(`dossier-${id}`);
    expect(event).toMatchObject({
      type: 'DossierDocumentAdded',
      data: {
        documentType: 'TO_TRINH',
        hash: sha256(bytes),
        size: bytes.length,
        fileName: 'Tờ trình 12.pdf',
        by: { userId: 'canbo.donvi1', role: 'UNIT_OFFICER', unitId: 'donvi1' },
      },
    });
    const head = await stack.head();
    const again = await stack.upload('canbo.donvi1', id, 'TO_TRINH', bytes, 'Tờ trình 12.pdf');
    expect([again.status, again.body.added]).toEqual([201, false]);
    expect(await stack.head()).toBe(head);

    const download = await (await stack.as('truongcum.cum1')).get(`/api/nominations/${id}/documents/${sha256(bytes)}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(download.body).equals(bytes)).toBe(true);
  });

  it('replacing a document keeps the old one, listed as replaced and still downloadable', async () => {
    const first = pdf('to trinh so 12');
    const second = pdf('to trinh so 12 (sua)');
    expect((await stack.upload('thutruong.donvi1', id, 'TO_TRINH', second, 'to-trinh-sua.pdf')).status).toBe(201);
    const view = (await (await stack.as('thuky')).get(`/api/nominations/${id}/documents`)).body;
    expect(view.documents.map((d: any) => [d.hash, d.current, d.replacedBy ?? null])).toEqual([
      [sha256(first), false, sha256(second)],
      [sha256(second), true, null],
    ]);
    expect(view.missing).toEqual(['BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH']);
    expect(view.required.map((r: any) => r.code)).toEqual(['TO_TRINH', 'BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH']);
    const old = await (await stack.as('canbo.donvi1')).get(`/api/nominations/${id}/documents/${sha256(first)}`);
    expect(Buffer.from(old.body).equals(first)).toBe(true);
  });

  it('each upload is in the nomination’s audit trail: who, in which role, when, which type and file, its hash', async () => {
    const first = pdf('to trinh so 12');
    const second = pdf('to trinh so 12 (sua)');
    let trail: any[] = [];
    for (let i = 0; i < 50 && trail.filter((e) => e.eventType === 'DossierDocumentAdded').length < 2; i++) {
      if (i) await new Promise((r) => setTimeout(r, 200));
      trail = (await (await stack.as('thanhtra')).get(`/api/nominations/${id}/audit`)).body;
    }
    const uploads = trail.filter((e) => e.eventType === 'DossierDocumentAdded');
    expect(trail[0].eventType).toBe('NominationDrafted');
    expect(uploads.map((e) => [e.stream, e.actorId, e.actorRole, e.actorUnitId, e.data.hash, e.data.fileName])).toEqual(
      [
        [`dossier-${id}`, 'canbo.donvi1', 'UNIT_OFFICER', 'donvi1', sha256(first), 'Tờ trình 12.pdf'],
        [`dossier-${id}`, 'thutruong.donvi1', 'UNIT_HEAD', 'donvi1', sha256(second), 'to-trinh-sua.pdf'],
      ],
    );
    expect(uploads[0].summary).toBe(
      'Cán bộ thi đua đơn vị nộp tài liệu «Tờ trình đề nghị khen thưởng của đơn vị» (Tờ trình 12.pdf)',
    );
    expect(uploads[1].summary).toContain('nộp tài liệu thay thế');
    expect(uploads[1]).toMatchObject({ actorName: expect.any(String), occurredAt: expect.any(String) });
    // The trail as it stood after the first upload (time travel) holds it, and not the second.
    const asOf = (
      await (
        await stack.as('thanhtra')
      ).get(`/api/nominations/${id}/audit?asOf=${encodeURIComponent(uploads[0].occurredAt)}`)
    ).body;
    expect(asOf.filter((e: any) => e.eventType === 'DossierDocumentAdded').map((e: any) => e.data.hash)).toEqual([
      sha256(first),
    ]);
  });

  it('a stored document whose bytes changed on disk is refused on download, with a clear error', async () => {
    const bytes = pdf('bao cao thanh tich');
    await stack.upload('canbo.donvi1', id, 'BAO_CAO_THANH_TICH', bytes, 'bao-cao.pdf');
    const hash = sha256(bytes);
    writeFileSync(join(stack.dataDir, 'documents', hash.slice(0, 2), hash), pdf('bao cao thanh tich DA SUA'));
    const res = await (await stack.as('thuky')).get(`/api/nominations/${id}/documents/${hash}`);
    expect([res.status, res.body.code]).toEqual([409, 'DOCUMENT_INTEGRITY']);
    expect(res.body.message).toContain('mã băm không khớp');
  });

  it('a file over the limit, an unknown type, another unit and a closed dossier are refused', async () => {
    const big = Buffer.concat([pdf('x'), Buffer.alloc(MAX)]);
    const tooBig = await stack.upload('canbo.donvi1', id, 'MINH_CHUNG_SANG_KIEN', big);
    expect([tooBig.status, tooBig.body.code]).toEqual([400, 'DOCUMENT_TOO_LARGE']);
    const unknown = await stack.upload('canbo.donvi1', id, 'ANH_THE', pdf('anh'));
    expect([unknown.status, unknown.body.code]).toEqual([400, 'DOCUMENT_TYPE']);
    const other = await stack.upload('canbo.donvi3', id, 'TO_TRINH', pdf('khac'));
    expect(other.status).toBe(404); // out of scope: as if it did not exist
    const submitted = await stack.draft(person('Võ Thị Sáu'));
    await stack.command('thutruong.donvi1', `/api/nominations/${submitted}/submit`);
    const closed = await stack.upload('canbo.donvi1', submitted, 'TO_TRINH', pdf('muon'));
    expect([closed.status, closed.body.code]).toEqual([409, 'DOSSIER_CLOSED']);
    const notMultipart = await (await stack.as('canbo.donvi1')).post(`/api/nominations/${id}/documents`, { file: 'x' });
    expect(notMultipart.status).toBe(400);
  });

  it('a download is a read of personal data: the access log records who read which document', async () => {
    const bytes = pdf('bien ban hop xet');
    await stack.upload('canbo.donvi1', id, 'BIEN_BAN_HOP_XET', bytes);
    await (await stack.as('hoidong2')).get(`/api/nominations/${id}/documents/${sha256(bytes)}`).expect(200);
    const log = (await (await stack.as('thanhtra')).get(`/api/audit/access-log?nominationId=${id}&actorId=hoidong2`))
      .body;
    expect(JSON.stringify(log)).toContain('dossier-document');
  });
});

describe('The office’s check (thẩm định)', () => {
  it('incomplete returns the dossier to the unit with the missing items; resubmitted, it comes back; complete → council', async () => {
    const id = await stack.draft(person('Nguyễn Thị Minh Khai'));
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    expect(
      await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' }),
    ).toMatchObject({ status: 'OFFICE_CHECK' });
    const noItems = await (
      await stack.as('thuky')
    ).post(`/api/nominations/${id}/office-check`, { result: 'incomplete' });
    expect([noItems.status, noItems.body.code]).toEqual([400, 'REQUIRED']);
    const returned = await stack.command('thuky', `/api/nominations/${id}/office-check`, {
      result: 'incomplete',
      missing: ['BIEN_BAN_HOP_XET'],
      comment: 'Biên bản chưa có chữ ký',
    });
    expect(returned.status).toBe('RETURNED');
    const event = (await stack.stream(id)).find((e) => e.type === 'OfficeCheckReturned');
    expect(event?.data).toMatchObject({
      missing: ['BIEN_BAN_HOP_XET'],
      by: { userId: 'thuky', role: 'COUNCIL_SECRETARY' },
    });
    // The unit adds the missing document and resubmits: through the cluster and the office again.
    expect((await stack.upload('canbo.donvi1', id, 'BIEN_BAN_HOP_XET', pdf('bien ban ky'))).status).toBe(201);
    expect(await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`)).toMatchObject({
      status: 'CLUSTER_REVIEW',
    });
    await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
    expect(await stack.officeCheck(id)).toMatchObject({ status: 'COUNCIL_VOTING' });
  });

  it('only the office checks, and only a dossier waiting for it', async () => {
    const id = await stack.draft(person('Trần Phú'));
    const early = await (await stack.as('thuky')).post(`/api/nominations/${id}/office-check`, { result: 'complete' });
    expect([early.status, early.body.code]).toEqual([409, 'WRONG_STAGE']);
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
    const leader = await (
      await stack.as('truongcum.cum1')
    ).post(`/api/nominations/${id}/office-check`, {
      result: 'complete',
    });
    expect([leader.status, leader.body.code]).toEqual([403, 'ROLE_REQUIRED']);
  });
});

describe('Lists, as the work arrives', () => {
  it('a submission (tờ trình) submits each listed nomination with its number and date; sent twice, nothing changes', async () => {
    const a = await stack.draft(person('Lê Hồng Phong'));
    const b = await stack.draft(person('Hà Huy Tập'));
    const foreign = await stack.draft(person('Ngô Gia Tự'), 'canbo.donvi3');
    const body = { number: '125/TTr-SGDĐT', date: '2026-11-02', nominationIds: [a, b, foreign] };
    const first = await stack.command('thutruong.donvi1', '/api/submissions', body);
    expect(first).toMatchObject({
      accepted: 2,
      refused: 1,
      items: [
        { nominationId: a, outcome: 'accepted', status: 'CLUSTER_REVIEW' },
        { nominationId: b, outcome: 'accepted', status: 'CLUSTER_REVIEW' },
        { nominationId: foreign, outcome: 'refused', code: 'OUT_OF_SCOPE' },
      ],
    });
    expect(first.items[2].message).toContain('đơn vị');
    const submitted = (await stack.stream(a)).find((e) => e.type === 'NominationSubmitted');
    expect(submitted?.data).toMatchObject({ submission: { number: '125/TTr-SGDĐT', date: '2026-11-02' } });

    const head = await stack.head();
    const second = await stack.command('thutruong.donvi1', '/api/submissions', body);
    expect(await stack.head()).toBe(head);
    // The same Updates (same ids): Temporal answers each with its first outcome.
    expect(second).toEqual(first);
    expect((await stack.stream(a)).filter((e) => e.type === 'NominationSubmitted')).toHaveLength(1);

    // The cluster leader endorses both at once, the office checks both at once; each list sent twice.
    const reviews = { items: [a, b].map((nominationId) => ({ nominationId, decision: 'endorse' })) };
    expect(await stack.command('truongcum.cum1', '/api/cluster-reviews', reviews)).toMatchObject({ accepted: 2 });
    const afterReviews = await stack.head();
    await stack.command('truongcum.cum1', '/api/cluster-reviews', reviews);
    expect(await stack.head()).toBe(afterReviews);

    const checks = {
      items: [
        { nominationId: a, decision: 'complete' },
        { nominationId: b, decision: 'incomplete', comment: 'Thiếu báo cáo thành tích có xác nhận' },
      ],
    };
    expect(await stack.command('thuky', '/api/office-checks', checks)).toMatchObject({
      accepted: 2,
      items: [
        { nominationId: a, status: 'COUNCIL_VOTING' },
        { nominationId: b, status: 'RETURNED' },
      ],
    });
    const afterChecks = await stack.head();
    await stack.command('thuky', '/api/office-checks', checks);
    expect(await stack.head()).toBe(afterChecks);
    const returned = (await stack.stream(b)).filter((e) => e.type === 'OfficeCheckReturned');
    expect(returned.map((e) => (e.data as { missing: string[] }).missing)).toEqual([
      ['Thiếu báo cáo thành tích có xác nhận'],
    ]);
  });

  it('a list is checked whole before any item runs: a duplicate or an empty list is refused (400)', async () => {
    const a = await stack.draft(person('Nguyễn Văn Cừ'));
    const head = await stack.head();
    const dup = await (
      await stack.as('thutruong.donvi1')
    ).post('/api/submissions', {
      number: '1/TTr',
      date: '2026-11-02',
      nominationIds: [a, a],
    });
    expect([dup.status, dup.body.code]).toEqual([400, 'DUPLICATE_ITEM']);
    const empty = await (await stack.as('thuky')).post('/api/office-checks', { items: [] });
    expect(empty.status).toBe(400);
    expect(await stack.head()).toBe(head);
  });
});
