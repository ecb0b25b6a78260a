/**
 * Award decisions over HTTP on the whole embedded system: the office drafts a decision from
 * nominations the council approved, takes one off, the Chairman signs it once, every recipient is
 * AWARDED under its number; the decision and certificate PDFs hold the Vietnamese text and render
 * the same bytes twice; the certificate's QR decodes to the public verification page, which shows
 * the award valid, and revoked after a revocation decision (with its own number).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { startStack, type Stack } from './support/stack';

// pngjs ships no types: the one call used here.
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(bytes: Buffer): { width: number; height: number; data: Buffer } } };
};

jest.setTimeout(300_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { TDKT_PUBLIC_URL: 'https://tdkt.bentre.example' } });
});
afterAll(async () => {
  await stack?.stop();
});

const pdfOf = async (path: string, username?: string) => {
  const req = username ? (await stack.as(username)).get(path) : stack.http.get(path);
  const res = await req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('application/pdf');
  return res.body as Buffer;
};

const textOf = (pdf: Buffer, name: string) => {
  const file = join(stack.dataDir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};

/** The QR code of a PDF's first page: rendered by poppler, decoded by jsQR. */
const qrOf = (pdf: Buffer, name: string) => {
  const file = join(stack.dataDir, name);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(stack.dataDir, `${name}-page`)]);
  const png = PNG.sync.read(readFileSync(join(stack.dataDir, `${name}-page.png`)));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
};

const person = (name: string) => ({ nominee: { kind: 'individual', name, position: 'Giáo viên' } });

test('draft, remove, sign once: every recipient AWARDED; documents, QR, verification, revocation', async () => {
  const names = ['Nguyễn Thị Hồng Nhung', 'Trần Văn Đức', 'Lê Hoàng Yến'];
  const ids: string[] = [];
  for (const n of names) ids.push(await stack.toAwaitingSignature(person(n)));
  const notApproved = await stack.toCouncilVoting(person('Phạm Văn Khải'));

  // Refusals: wrong role, a nomination the council has not approved (which one, why).
  const title = 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh';
  const forbidden = await (await stack.as('canbo.donvi1')).post('/api/decisions', { title, nominationIds: ids });
  expect(forbidden.status).toBe(403);
  const refused = await (
    await stack.as('thuky')
  ).post('/api/decisions', { title, nominationIds: [ids[0], notApproved] });
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ code: 'NOT_AWAITING_DECISION', errors: [{ field: 'nominationIds[1]' }] });
  expect(refused.body.message).toContain(notApproved);

  const { id } = await stack.command('thuky', '/api/decisions', { title, nominationIds: ids }, 201);
  const twice = await (await stack.as('thuky')).post('/api/decisions', { title, nominationIds: [ids[1]] });
  expect(twice.status).toBe(409);
  expect(twice.body.code).toBe('ON_ANOTHER_DECISION');

  // A draft is read by the council's circle only; the public does not learn it exists.
  expect((await stack.http.get(`/api/decisions/${id}`)).status).toBe(404);
  const draftView = (await (await stack.as('thuky')).get(`/api/decisions/${id}`)).body;
  expect(draftView).toMatchObject({ status: 'DRAFT', recipients: 3, decisionNumber: null, numbering: 'register' });
  expect(draftView.recipientList.map((r: any) => r.nomineeName)).toEqual(names);
  expect(draftView.recipientList[0]).toMatchObject({ amount: 2_340_000, cashMultiple: 1 });
  expect(JSON.stringify(draftView)).not.toContain('verificationCode');
  const draftText = textOf(await pdfOf(`/api/decisions/${id}/document.pdf`, 'thuky'), 'draft.pdf');
  expect(draftText).toContain('DỰ THẢO');

  await stack.command('thuky', `/api/decisions/${id}/recipients/${ids[2]}/removal`, {
    reason: 'Đang xác minh đơn phản ánh',
  });
  const signed = await stack.command('chutich', `/api/decisions/${id}/signature`, { decision: 'sign' });
  expect(signed.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
  const year = new Date(Date.parse(signed.signedAt) + 7 * 3600_000).getUTCFullYear();
  expect(signed.year).toBe(year);

  // Applied by the decision's workflow: each listed nomination AWARDED under its number, the removed one still waits.
  let view: any;
  for (let i = 0; i < 100; i++) {
    view = (await stack.http.get(`/api/decisions/${id}`)).body;
    if (view.status === 'APPLIED') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(view).toMatchObject({ status: 'APPLIED', decisionNumber: signed.decisionNumber, recipients: 2 });
  for (const n of ids.slice(0, 2)) {
    const nomination = (await (await stack.as('thuky')).get(`/api/nominations/${n}`)).body;
    expect(nomination).toMatchObject({ status: 'AWARDED', decisionNumber: signed.decisionNumber });
  }
  expect((await (await stack.as('thuky')).get(`/api/nominations/${ids[2]}`)).body.status).toBe('AWAITING_SIGNATURE');
  const listed = (await stack.http.get(`/api/decisions?year=${year}&authority=UBND&status=APPLIED`)).body;
  expect(listed.map((d: any) => d.id)).toContain(id);

  // The signed decision: the same bytes twice, the Vietnamese text, the number, the appendix.
  const doc = await pdfOf(`/api/decisions/${id}/document.pdf`);
  expect((await pdfOf(`/api/decisions/${id}/document.pdf`)).equals(doc)).toBe(true);
  const text = textOf(doc, 'decision.pdf');
  for (const s of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'ỦY BAN NHÂN DÂN TỈNH BẾN TRE',
    `Số: ${signed.decisionNumber}`,
    'QUYẾT ĐỊNH',
    title,
    'Căn cứ Luật Thi đua, khen thưởng',
    'DANH SÁCH',
    names[0],
    names[1],
    '2.340.000',
    'Nơi nhận',
  ])
    expect(text).toContain(s);
  expect(text).not.toContain(names[2]);
  expect(text).not.toContain('DỰ THẢO');

  // The certificate: its QR is the public verification page of this award.
  const cert = await pdfOf(`/api/decisions/${id}/recipients/${ids[0]}/certificate.pdf`);
  expect((await pdfOf(`/api/decisions/${id}/recipients/${ids[0]}/certificate.pdf`)).equals(cert)).toBe(true);
  expect(textOf(cert, 'cert.pdf')).toContain(names[0]);
  const url = qrOf(cert, 'cert.pdf');
  expect(url).toMatch(/^https:\/\/tdkt\.bentre\.example\/verify\/[A-Za-z0-9_-]{22}$/);
  const path = new URL(url!).pathname;
  expect(path).not.toContain(ids[0]);
  const page = await stack.http.get(path);
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  for (const s of [names[0], 'Bằng khen', signed.decisionNumber, 'CÒN HIỆU LỰC']) expect(page.text).toContain(s);
  const json = (await stack.http.get(`/api${path}`)).body;
  expect(json).toMatchObject({ status: 'VALID', recipient: names[0], decisionNumber: signed.decisionNumber, year });
  expect(json.documentSha256).toBe(createHash('sha256').update(doc).digest('hex'));
  expect((await stack.http.get('/verify/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);

  // Revoking is a decision with its own number from the same register; the registry shows both.
  const revoked = await stack.command('chutich', `/api/nominations/${ids[0]}/revocation`, {
    ground: 'CRITERIA_NOT_MET',
    reason: 'Thanh tra kết luận không đạt tiêu chuẩn',
  });
  expect(revoked.revocationDecisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
  expect(revoked.revocationDecisionNumber).not.toBe(signed.decisionNumber);
  const after = await stack.http.get(path);
  for (const s of ['ĐÃ BỊ HỦY BỎ', revoked.revocationDecisionNumber, 'Không đạt tiêu chuẩn'])
    expect(after.text).toContain(s);
  const registry = (await stack.http.get(`/api/registry/${encodeURIComponent(signed.decisionNumber)}?year=${year}`))
    .body;
  expect(registry).toMatchObject({ kind: 'AWARD', decisionNumber: signed.decisionNumber, year, decisionId: id });
  expect(registry.awards.map((a: any) => a.nominationId).sort()).toEqual(ids.slice(0, 2).sort());
  expect(registry.awards.find((a: any) => a.nominationId === ids[0])).toMatchObject({
    revoked: true,
    revocationDecisionNumber: revoked.revocationDecisionNumber,
    signingYear: year,
  });
  const revocation = (
    await stack.http.get(`/api/registry/${encodeURIComponent(revoked.revocationDecisionNumber)}?year=${year}`)
  ).body;
  expect(revocation).toMatchObject({ kind: 'REVOCATION', decisionNumber: revoked.revocationDecisionNumber });
  expect(revocation.awards.map((a: any) => a.nominationId)).toEqual([ids[0]]);
  expect(revocation.awards[0].decisionNumber).toBe(signed.decisionNumber);

  // The revocation decision is a decision: its view and its document (Decree 30) name the revoked one.
  expect(revoked.revocationDecisionId).toEqual(expect.any(String));
  const hb = (await stack.http.get(`/api/decisions/${revoked.revocationDecisionId}`)).body;
  expect(hb).toMatchObject({ kind: 'REVOCATION', status: 'APPLIED', decisionNumber: revoked.revocationDecisionNumber });
  const hbPdf = await pdfOf(`/api/decisions/${revoked.revocationDecisionId}/document.pdf`);
  expect((await pdfOf(`/api/decisions/${revoked.revocationDecisionId}/document.pdf`)).equals(hbPdf)).toBe(true);
  const hbText = textOf(hbPdf, 'revocation.pdf');
  for (const s of [
    `Số: ${revoked.revocationDecisionNumber}`,
    'QUYẾT ĐỊNH',
    'Về việc thu hồi',
    names[0],
    `Quyết định số ${signed.decisionNumber}`,
    'không đủ tiêu chuẩn khen thưởng',
    'Thanh tra kết luận không đạt tiêu chuẩn',
  ])
    expect(hbText).toContain(s);
  // Revoked once: a second revocation is refused (409), and takes no number.
  await stack.command(
    'chutich',
    `/api/nominations/${ids[0]}/revocation`,
    { ground: 'CRITERIA_NOT_MET', reason: 'Lần hai' },
    409,
  );
});

test('the Chairman declines with a reason: the nominations wait for another decision', async () => {
  const n = await stack.toAwaitingSignature(person('Võ Thị Sáu'));
  const { id } = await stack.command(
    'thuky',
    '/api/decisions',
    { title: 'Về việc tặng Bằng khen', nominationIds: [n] },
    201,
  );
  const noReason = await (await stack.as('chutich')).post(`/api/decisions/${id}/signature`, { decision: 'decline' });
  expect(noReason.status).toBe(400);
  const declined = await stack.command('chutich', `/api/decisions/${id}/signature`, {
    decision: 'decline',
    comment: 'Đề nghị bổ sung căn cứ',
  });
  expect(declined).toMatchObject({ status: 'DECLINED', decisionNumber: null });
  const again = await stack.command(
    'thuky',
    '/api/decisions',
    { title: 'Về việc tặng Bằng khen', nominationIds: [n] },
    201,
  );
  expect(again.id).not.toBe(id);
  const number = await (
    await stack.as('chutich')
  ).post(`/api/decisions/${again.id}/signature`, {
    decision: 'sign',
    number: '99/QĐ-UBND',
  });
  expect(number.status).toBe(400); // this authority's numbers come from the register
  expect(number.body.code).toBe('NUMBERING_MODE');
});

test('a one-recipient signature is a decision: its certificate, its document and the hash on the verification page', async () => {
  const name = 'Đặng Thị Thu Hà';
  const n = await stack.toAwaitingSignature(person(name));
  // This authority's numbers come from the register: a number given with the signature is refused.
  const numbered = await (
    await stack.as('chutich')
  ).post(`/api/nominations/${n}/signature`, { decision: 'sign', number: '99/QĐ-UBND' });
  expect(numbered.status).toBe(400);
  expect(numbered.body).toMatchObject({ code: 'NUMBERING_MODE', errors: [{ field: 'number' }] });
  const signed = await stack.command('chutich', `/api/nominations/${n}/signature`, { decision: 'sign' });
  expect(signed.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear(); // the signing year, Vietnam time
  const entry = (await stack.http.get(`/api/registry/${encodeURIComponent(signed.decisionNumber)}?year=${year}`)).body;
  const decisionId = entry.decisionId as string;
  expect(decisionId).toEqual(expect.any(String));

  const view = (await stack.http.get(`/api/decisions/${decisionId}`)).body;
  expect(view).toMatchObject({
    kind: 'AWARD',
    status: 'APPLIED',
    decisionNumber: signed.decisionNumber,
    recipients: 1,
  });
  const doc = await pdfOf(`/api/decisions/${decisionId}/document.pdf`);
  expect(textOf(doc, 'single.pdf')).toContain(name);
  const cert = await pdfOf(`/api/decisions/${decisionId}/recipients/${n}/certificate.pdf`);
  const url = qrOf(cert, 'single-cert.pdf');
  expect(url).toMatch(/^https:\/\/tdkt\.bentre\.example\/verify\/[A-Za-z0-9_-]{22}$/);
  const json = (await stack.http.get(`/api${new URL(url!).pathname}`)).body;
  expect(json).toMatchObject({ status: 'VALID', recipient: name, decisionNumber: signed.decisionNumber, decisionId });
  expect(json.documentSha256).toBe(createHash('sha256').update(doc).digest('hex'));
});
