/**
 * Statistics, their .xlsx exports, the year-end report and exemplary models over HTTP, against the
 * real stack: the workbook opens with exceljs and its totals row equals the API's totals; the report
 * is a deterministic PDF that says what the statistics say; a story is published only with the
 * person's consent, found without diacritics, and unpublishing keeps it and its history.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exemplaryModelStreamName } from '@tdkt/domain';
import { startStack, type Stack } from './support/stack';

let stack: Stack;
const awarded: { id: string; decisionNumber: string }[] = [];

beforeAll(async () => {
  stack = await startStack();
  awarded.push(
    await stack.toAwarded({ nominee: { kind: 'individual', name: 'Nguyễn Thị Hạnh', position: 'Giáo viên' } }),
  );
  awarded.push(
    await stack.toAwarded({ nominee: { kind: 'individual', name: 'Trần Văn Đức', position: 'Trưởng phòng' } }),
  );
  await stack.toVotingOpen();
  await stack.system.runtime.runner.waitForPosition(await stack.head());
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

const binary = async (user: string, path: string) => {
  const res = await (await stack.as(user)).get(path).responseType('blob');
  return res;
};

async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const cellNumber = (v: ExcelJS.CellValue): number => Number(v);

describe('statistics', () => {
  it('count the province’s nominations and awards for the office, and the awards only for the public', async () => {
    const office = (await (await stack.as('thuky')).get('/api/statistics?groupBy=award')).body;
    expect(office.coverage).toBe('province');
    expect(office.total.nominations).toMatchObject({ total: 3, awarded: 2, inProgress: 1 });
    expect(office.total.awards).toMatchObject({ total: 2, individuals: 2 });
    expect(office.total.amountPaidVnd).toBeGreaterThan(0);
    expect(office.total.timeliness.submissionToDecision.count).toBe(2);
    expect(office.groups.map((g: { label: string }) => g.label)).toContain('Bằng khen của Chủ tịch UBND tỉnh');
    const pub = (await stack.http.get('/api/statistics')).body;
    expect(pub).toMatchObject({ coverage: 'public', total: { nominations: null, timeliness: null } });
    expect(pub.total.awards.total).toBe(2);
  });

  it('refuse a grouping that does not exist with the field and a Vietnamese reason', async () => {
    const res = await stack.http.get('/api/statistics?groupBy=gender');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('groupBy');
  });

  it('export to .xlsx: the workbook opens with exceljs, A4, and its totals row equals the API’s totals', async () => {
    const api = (await (await stack.as('thuky')).get('/api/statistics?groupBy=unit')).body;
    const res = await binary('thuky', '/api/statistics.xlsx?groupBy=unit');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = await openWorkbook(res.body);
    expect(ws.pageSetup.paperSize).toBe(9);
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(header).toContain('Được khen thưởng');
    const totals = ws.getRow(ws.rowCount);
    expect(totals.getCell(2).value).toBe('Tổng cộng');
    const col = (name: string) => header.indexOf(name) + 1;
    expect(cellNumber(totals.getCell(col('Hồ sơ đề nghị')).value)).toBe(api.total.nominations.total);
    expect(cellNumber(totals.getCell(col('Được khen thưởng')).value)).toBe(api.total.awards.total);
    expect(cellNumber(totals.getCell(col('Nữ')).value)).toBe(api.total.women.count);
    expect(totals.getCell(col('Tỷ lệ nữ')).value ?? null).toBe(api.total.women.share);
    expect(cellNumber(totals.getCell(col('Tiền thưởng (đồng)')).value)).toBe(api.total.amountPaidVnd);
    // One row per unit between the header and the totals; their awards add up to the total.
    const rows = Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(4 + i));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(api.groups.map((g: { label: string }) => g.label));
    expect(rows.reduce((s, r) => s + cellNumber(r.getCell(col('Được khen thưởng')).value), 0)).toBe(
      api.total.awards.total,
    );
  });

  it('export the registry to .xlsx: one row per award and the amounts of the valid ones in the totals row', async () => {
    const registry = (await stack.http.get('/api/registry?pageSize=200')).body;
    const ws = await openWorkbook((await binary('thuky', '/api/registry.xlsx')).body);
    expect(ws.rowCount).toBe(3 + registry.total + 1);
    const names = Array.from({ length: registry.total }, (_, i) => ws.getRow(4 + i).getCell(2).value);
    expect(names.sort()).toEqual(registry.items.map((a: { nomineeName: string }) => a.nomineeName).sort());
    const stats = (await stack.http.get('/api/statistics')).body;
    expect(cellNumber(ws.getRow(ws.rowCount).getCell(10).value)).toBe(stats.total.amountPaidVnd);
  });

  it('the year-end report is a PDF with the year against the year before, the same bytes every time', async () => {
    const year = (await (await stack.as('thuky')).get(`/api/registry/${encodeURIComponent(awarded[0].decisionNumber)}`))
      .body.year;
    const first = await binary('thuky', `/api/reports/annual/${year}.pdf`);
    const again = await binary('chutich', `/api/reports/annual/${year}.pdf`);
    expect(first.status).toBe(200);
    expect(first.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(first.body, again.body)).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.pdf');
    writeFileSync(file, first.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(`năm ${year}`);
    expect(text).toContain(`Năm ${year - 1}`);
    expect(text).toMatch(/Được khen thưởng\s+0\s+2/);
    expect((await binary('canbo.donvi1', `/api/reports/annual/${year}.pdf`)).status).toBe(403);
    expect((await binary('thuky', '/api/reports/annual/20x6.pdf')).status).toBe(400);
  });

  // Last in this block: its draft changes the counts the tests above check.
  it('a user who just acted sees the new figures at once, though the same query was answered before (kept answers end when the projection moves on)', async () => {
    const officer = await stack.as('canbo.donvi1');
    const path = '/api/statistics?groupBy=award';
    const before = (await officer.get(path)).body;
    expect((await officer.get(path)).body).toEqual(before);
    await stack.draft();
    const after = (await officer.get(path)).body;
    expect(after.total.nominations.total).toBe(before.total.nominations.total + 1);
    expect(after.total.nominations.draft).toBe(before.total.nominations.draft + 1);
    const office = (await (await stack.as('thuky')).get(path)).body;
    expect(office.total.nominations.draft).toBeGreaterThanOrEqual(after.total.nominations.draft);
  });
});

describe('exemplary models (gương điển hình tiên tiến)', () => {
  it('publishing needs the person’s consent; the public then finds the story without diacritics', async () => {
    const office = await stack.as('thuky');
    const created = await office.post('/api/exemplary-models').send({
      nominationId: awarded[0].id,
      title: 'Cô giáo Hạnh và lớp học tình thương',
      text: 'Mười năm dạy lớp học tình thương ở xã Phú Túc.',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const stream = exemplaryModelStreamName(id);
    const before = (await stack.system.store.readStream(stream)).length;
    const refused = await office.post(`/api/exemplary-models/${id}/publish`);
    expect([refused.status, refused.body.code]).toEqual([409, 'CONSENT_REQUIRED']);
    expect(await stack.system.store.readStream(stream)).toHaveLength(before);
    expect((await stack.http.get(`/api/exemplary-models/${id}`)).status).toBe(404);

    await stack.command('thuky', `/api/exemplary-models/${id}/consent`, {
      givenBy: 'Nguyễn Thị Hạnh',
      givenOn: '2026-12-18',
      evidence: 'Phiếu đồng ý số 3',
    });
    const published = await stack.command('thuky', `/api/exemplary-models/${id}/publish`);
    expect(published.status).toBe('PUBLISHED');
    const found = (await stack.http.get('/api/exemplary-models?q=co%20giao%20hanh')).body;
    expect(found.items.map((m: { id: string }) => m.id)).toEqual([id]);
    expect(found.items[0].consent).toBeUndefined();
    expect(found.items[0].award.decisionNumber).toBe(awarded[0].decisionNumber);
    expect((await stack.http.get('/api/exemplary-models?q=phu%20tuc%20xyz')).body.total).toBe(0);
  });

  it('unpublishing takes the story off the public site and keeps it with its history; a unit officer may not publish', async () => {
    const created = await stack.command(
      'thuky',
      '/api/exemplary-models',
      { nominationId: awarded[1].id, title: 'Trưởng phòng tận tụy', text: 'Câu chuyện.' },
      201,
    );
    const denied = await (await stack.as('canbo.donvi1')).post(`/api/exemplary-models/${created.id}/publish`);
    expect([denied.status, denied.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    await stack.command('thuky', `/api/exemplary-models/${created.id}/consent`, {
      givenBy: 'Trần Văn Đức',
      givenOn: '2026-12-18',
      evidence: 'Phiếu đồng ý số 4',
    });
    await stack.command('thuky', `/api/exemplary-models/${created.id}/publish`);
    const off = await stack.command('thuky', `/api/exemplary-models/${created.id}/unpublish`, { reason: 'Hết đợt' });
    expect(off.status).toBe('UNPUBLISHED');
    expect(off.history.map((h: { type: string }) => h.type)).toEqual([
      'ExemplaryModelCreated',
      'ExemplaryModelConsentRecorded',
      'ExemplaryModelPublished',
      'ExemplaryModelUnpublished',
    ]);
    expect((await stack.http.get(`/api/exemplary-models/${created.id}`)).status).toBe(404);
    const missing = await (await stack.as('thuky')).post('/api/exemplary-models').send({
      nominationId: 'khong-co-ho-so-nay',
      title: 'x',
      text: 'y',
    });
    expect([missing.status, missing.body.code]).toEqual([400, 'AWARD_NOT_IN_REGISTRY']);
  });
});
