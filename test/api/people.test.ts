/**
 * People and their award history over HTTP on the whole embedded system (issue 12): the register
 * (namesakes are other people, a move keeps the history, the citizen ID sealed and masked), award
 * history recorded by the unit head and imported from an .xlsx list all or nothing, and eligibility
 * for the provincial emulation fighter (CSTD_TINH) read from that history at drafting.
 */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_COLUMNS } from '../../apps/api/src/people/award-history-xlsx';
import { startStack, TEST_CAMPAIGN, type Stack } from './support/stack';

jest.setTimeout(180_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

const YEAR = new Date().getUTCFullYear();

async function register(username: string, body: Record<string, unknown>): Promise<string> {
  return (await stack.command(username, '/api/people', body, 201)).id;
}

/** An .xlsx list in the template's layout: one row per entry. */
async function historyFile(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Quá trình khen thưởng');
  sheet.addRow(HISTORY_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const cstdCoSo = (personId: string, year: number, n: number) => [
  personId,
  '',
  '',
  'CSTD_CO_SO',
  '',
  year,
  `${n}/QĐ-SGDĐT`,
  `20/12/${year}`,
  'Giám đốc Sở Giáo dục và Đào tạo',
  '',
];

async function importFile(username: string, file: Buffer, dryRun = false) {
  return stack.http
    .post(`/api/imports/award-history${dryRun ? '?dryRun=true' : ''}`)
    .set('Authorization', `Bearer ${await stack.token(username)}`)
    .attach('file', file, 'qua-trinh-khen-thuong.xlsx');
}

const history = async (personId: string, username = 'thuky') =>
  (await (await stack.as(username)).get(`/api/people/${personId}`)).body.awards as { recordId: string }[];

describe('the person register', () => {
  it('a namesake in another unit is another person; each unit lists its own', async () => {
    const a = await register('canbo.donvi1', { fullName: 'Trần Văn Nam', position: 'Giáo viên', gender: 'male' });
    const b = await register('canbo.donvi3', { fullName: 'Trần Văn Nam', position: 'Công chức xã', gender: 'male' });
    expect(a).not.toBe(b);
    const ofDonvi1 = (await (await stack.as('canbo.donvi1')).get('/api/people?q=tran van nam')).body.items;
    expect(ofDonvi1.map((p: { id: string }) => p.id)).toEqual([a]);
    const all = (await (await stack.as('thuky')).get('/api/people?q=Trần Văn Nam')).body.items;
    expect(all.map((p: { id: string }) => p.id).sort()).toEqual([a, b].sort());
    expect((await (await stack.as('canbo.donvi3')).get(`/api/people/${a}`)).status).toBe(404);
  });

  it('a person who moves to another unit keeps their id and their award history; the new unit reads them', async () => {
    const id = await register('canbo.donvi1', { fullName: 'Võ Thị Mai', position: 'Giáo viên', gender: 'female' });
    const recorded = await stack.command(
      'thutruong.donvi1',
      `/api/people/${id}/awards`,
      {
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: YEAR - 1,
        decisionNumber: '61/QĐ-SGDĐT',
        decisionDate: `${YEAR - 1}-12-20`,
        authority: 'Giám đốc Sở Giáo dục và Đào tạo',
      },
      201,
    );
    expect(recorded.recorded).toBe(true);
    await stack.command('canbo.donvi1', `/api/people/${id}/move`, { toUnitId: 'donvi3', position: 'Chuyên viên' });
    const after = (await (await stack.as('canbo.donvi3')).get(`/api/people/${id}`)).body;
    expect(after).toMatchObject({ id, unitId: 'donvi3', position: 'Chuyên viên' });
    expect(after.units.map((u: { unitId: string; to?: string }) => [u.unitId, Boolean(u.to)])).toEqual([
      ['donvi1', true],
      ['donvi3', false],
    ]);
    expect(after.awards).toEqual([expect.objectContaining({ awardCode: 'LAO_DONG_TIEN_TIEN', year: YEAR - 1 })]);
    expect((await (await stack.as('canbo.donvi1')).get(`/api/people/${id}`)).status).toBe(404);
  });

  it('the citizen ID is stored sealed: found by its keyed hash, whole for the unit and the office, masked for the cluster', async () => {
    const id = await register('canbo.donvi1', { fullName: 'Đặng Văn Khoa', citizenId: '083 091 007 777' });
    const unit = (await (await stack.as('canbo.donvi1')).get(`/api/people/${id}`)).body;
    expect(unit.citizenId).toBe('083091007777');
    const cluster = (await (await stack.as('truongcum.cum1')).get(`/api/people/${id}`)).body;
    expect(cluster.citizenId).toMatch(/^•+777$/);
    const found = await stack.command('thuky', '/api/people/lookup', { citizenId: '083091007777' });
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([id]);
    // Another person with the same number is refused; the number is nowhere in the event store in clear.
    const again = await (
      await stack.as('canbo.donvi1')
    ).post('/api/people', { fullName: 'Khác', citizenId: '083091007777' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CITIZEN_ID_TAKEN');
    const events = await stack.system.store.readAll();
    expect(JSON.stringify(events)).not.toContain('083091007777');
    // The files as they lie on disk, with their write-ahead logs (recent pages live there until a checkpoint).
    for (const f of readdirSync(stack.dataDir).filter((f) => /\.sqlite(-wal)?$/.test(f)))
      expect(readFileSync(join(stack.dataDir, f)).includes('083091007777')).toBe(false);
    // Reading it is in the access log.
    const log = (await (await stack.as('thanhtra')).get('/api/audit/access-log?pageSize=200')).body.items;
    expect(log.some((r: { resource: string; route: string }) => r.resource === 'person' && r.route.includes(id))).toBe(
      true,
    );
  });
});

describe('award history and eligibility (CSTD_TINH needs three consecutive years of CSTĐ cơ sở)', () => {
  it('a provincial fighter passes eligibility from imported history; the same file twice imports once', async () => {
    const id = await register('canbo.donvi1', { fullName: 'Lý Thị Hạnh', position: 'Giáo viên', directWorker: true });
    const file = await historyFile([
      cstdCoSo(id, YEAR - 3, 11),
      cstdCoSo(id, YEAR - 2, 12),
      cstdCoSo(id, YEAR - 1, 13),
    ]);

    const dry = await importFile('thutruong.donvi1', file, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 3, imported: 3, errors: [] });
    expect(await history(id)).toEqual([]);

    const first = await importFile('thutruong.donvi1', file);
    expect(first.body).toMatchObject({ dryRun: false, rows: 3, imported: 3, alreadyRecorded: 0 });
    const second = await importFile('thutruong.donvi1', file);
    expect(second.body).toMatchObject({ rows: 3, imported: 0, alreadyRecorded: 3 });
    expect(await history(id)).toHaveLength(3);

    const nominationId = await stack.draft({
      campaignId: TEST_CAMPAIGN,
      awardCode: 'CSTD_TINH',
      nominee: { kind: 'individual', personId: id },
    });
    const view = (await (await stack.as('canbo.donvi1')).get(`/api/nominations/${nominationId}`)).body;
    expect(view).toMatchObject({ nomineeId: id, nomineeName: 'Lý Thị Hạnh' });
    expect(view.eligibility).toMatchObject({
      stage: 'DRAFT',
      reasons: [`Đạt: 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (${YEAR - 3}–${YEAR - 1})`],
    });
    const drafted = (await stack.stream(nominationId))[0].data as { nominee: Record<string, unknown> };
    expect(drafted.nominee).toMatchObject({ personId: id, directWorker: true });
  });

  it('with a year missing, the draft is refused and the reason says so', async () => {
    const id = await register('canbo.donvi1', { fullName: 'Mai Văn Tài' });
    await importFile('thutruong.donvi1', await historyFile([cstdCoSo(id, YEAR - 3, 21), cstdCoSo(id, YEAR - 1, 23)]));
    const res = await (
      await stack.as('canbo.donvi1')
    ).post('/api/nominations', {
      campaignId: TEST_CAMPAIGN,
      awardCode: 'CSTD_TINH',
      nominee: { kind: 'individual', personId: id },
      achievements: 'Sáng kiến được áp dụng toàn tỉnh',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NOT_ELIGIBLE');
    expect(res.body.message).toContain('mới có 1 năm liên tục');
  });

  it('an .xlsx with one bad row imports nothing and names the row', async () => {
    const id = await register('canbo.donvi1', { fullName: 'Hồ Văn Lực' });
    const bad = [...cstdCoSo(id, YEAR - 2, 32)];
    bad[7] = '31/02/2024';
    const res = await importFile(
      'thutruong.donvi1',
      await historyFile([cstdCoSo(id, YEAR - 3, 31), bad, cstdCoSo(id, YEAR - 1, 33)]),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_ROWS');
    expect(res.body.errors).toEqual([
      { field: 'rows[3].decisionDate', reasons: [expect.stringMatching(/^Dòng 3: Ngày quyết định/)] },
    ]);
    expect(await history(id)).toEqual([]);
  });

  it('one achievement, one award: the same kind for the same year is refused whatever the campaign', async () => {
    const id = await register('canbo.donvi1', { fullName: 'Tô Văn Hải' });
    await stack.command(
      'thutruong.donvi1',
      `/api/people/${id}/awards`,
      {
        awardCode: 'BANG_KHEN_TINH',
        year: YEAR,
        decisionNumber: '77/QĐ-UBND',
        decisionDate: new Date().toISOString().slice(0, 10),
        authority: 'Chủ tịch UBND tỉnh',
      },
      201,
    );
    const res = await (
      await stack.as('canbo.donvi1')
    ).post('/api/nominations', {
      campaignId: TEST_CAMPAIGN,
      awardCode: 'BANG_KHEN_TINH',
      nominee: { kind: 'individual', personId: id },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ONE_ACHIEVEMENT_ONE_AWARD');
  });

  it('twenty identical drafts are not twenty proposals: the second is refused while the first is in progress', async () => {
    const id = await register('canbo.donvi1', { fullName: 'Cao Thị Lan' });
    const body = {
      campaignId: TEST_CAMPAIGN,
      awardCode: 'BANG_KHEN_TINH',
      nominee: { kind: 'individual', personId: id },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ',
    };
    const first = await stack.draft(body);
    const second = await (await stack.as('canbo.donvi1')).post('/api/nominations', body);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ONE_ACHIEVEMENT_ONE_AWARD');
    expect(second.body.message).toContain(first);
    // Withdrawn, the first no longer counts.
    await stack.command('thutruong.donvi1', `/api/nominations/${first}/withdraw`, { comment: 'Lập nhầm' });
    expect((await (await stack.as('canbo.donvi1')).post('/api/nominations', body)).status).toBe(201);
  });

  it('the template downloads as an .xlsx whose first row is the Vietnamese header', async () => {
    const res = await (
      await stack.as('canbo.donvi1')
    )
      .get('/api/imports/award-history/template.xlsx')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe(HISTORY_COLUMNS[0].header);
  });

  it('the demo organisation’s people carry their history: Toàn is eligible for CSTD_TINH, Thành kept his across units', async () => {
    const toan = (await (await stack.as('thuky')).get('/api/people/p-demo-toan')).body;
    expect(toan.awards.filter((a: { awardCode: string }) => a.awardCode === 'CSTD_CO_SO')).toHaveLength(3);
    const thanh = (await (await stack.as('canbo.donvi1')).get('/api/people/p-demo-thanh')).body;
    expect(thanh).toMatchObject({ unitId: 'donvi1' });
    expect(thanh.units.map((u: { unitId: string }) => u.unitId)).toEqual(['donvi3', 'donvi1']);
    expect(thanh.awards).toHaveLength(3);
  });
});

describe('sub-units (phòng, tổ, khoa…) as collectives of their own', () => {
  const register = (username: string, unitId: string, body: object) =>
    stack.as(username).then((c) => c.post(`/api/units/${unitId}/sub-units`, body));
  const recordLdxs = (username: string, id: string, year: number, n: number) =>
    stack.as(username).then((c) =>
      c.post(`/api/people/${id}/awards`, {
        awardCode: 'TAP_THE_LDXS',
        year,
        decisionNumber: `${n}/QĐ-UBND`,
        // This year's decision: today at the latest (a date to come is refused).
        decisionDate: year === YEAR ? new Date().toISOString().slice(0, 10) : `${year}-12-28`,
        authority: 'Chủ tịch UBND tỉnh',
      }),
    );

  it('the unit registers a sub-unit once (sent again: the same one), another unit may not; it lists and reads with its history', async () => {
    const first = await register('thutruong.donvi1', 'donvi1', { name: 'Tổ Ngữ văn', kind: 'TO' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'collective', unitId: 'donvi1', name: 'Tổ Ngữ văn', subUnitKind: 'TO' });
    expect(first.body.id).toMatch(/^tt-donvi1-\d+$/);
    const head = await stack.head();
    const again = await register('canbo.donvi1', 'donvi1', { name: '  tổ ngữ văn ', kind: 'TO' });
    expect([again.status, again.body.id]).toEqual([201, first.body.id]);
    expect(await stack.head()).toBe(head);

    const other = await register('thutruong.donvi3', 'donvi1', { name: 'Tổ Sử', kind: 'TO' });
    expect([other.status, other.body.code]).toEqual([403, 'SUB_UNIT_NOT_ALLOWED']);
    const badKind = await register('thutruong.donvi1', 'donvi1', { name: 'Tổ Sử', kind: 'LOP' });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.body.errors)).toContain('kind');
    const unknownUnit = await register('thuky', 'khong-co', { name: 'Tổ Sử', kind: 'TO' });
    expect([unknownUnit.status, unknownUnit.body.code]).toEqual([400, 'UNKNOWN_UNIT']);
    expect(await stack.head()).toBe(head);

    // Its history: recorded by its unit's head, imported from the .xlsx by its id, refused to another unit's head.
    expect((await recordLdxs('thutruong.donvi1', first.body.id, YEAR - 2, 301)).status).toBe(201);
    expect((await recordLdxs('thutruong.donvi3', first.body.id, YEAR - 3, 302)).body.code).toBe(
      'AWARD_HISTORY_NOT_ALLOWED',
    );
    const row = [
      first.body.id,
      '',
      'Tổ Ngữ văn',
      'TAP_THE_LDXS',
      '',
      YEAR - 3,
      '303/QĐ-UBND',
      `28/12/${YEAR - 3}`,
      'Chủ tịch UBND tỉnh',
      '',
    ];
    const imported = await importFile('thutruong.donvi1', await historyFile([row]));
    expect(imported.body).toMatchObject({ rows: 1, imported: 1, errors: [] });
    const wrongName = await importFile(
      'thutruong.donvi1',
      await historyFile([[...row.slice(0, 2), 'Tổ Toán', ...row.slice(3)]]),
    );
    expect([wrongName.status, wrongName.body.code]).toEqual([400, 'IMPORT_ROWS']);
    expect(JSON.stringify(wrongName.body.errors)).toContain('không khớp với bộ phận');

    const list = (await (await stack.as('truongcum.cum1')).get('/api/units/donvi1/sub-units')).body.items;
    expect(list.map((s: { id: string }) => s.id)).toContain(first.body.id);
    const detail = (await (await stack.as('canbo.donvi1')).get(`/api/sub-units/${first.body.id}`)).body;
    expect(detail.awards.map((a: { year: number }) => a.year).sort()).toEqual([YEAR - 3, YEAR - 2]);
    expect((await (await stack.as('canbo.donvi3')).get(`/api/sub-units/${first.body.id}`)).status).toBe(404);
    expect((await (await stack.as('canbo.donvi3')).get('/api/units/donvi1/sub-units')).status).toBe(403);
  });

  it('a sub-unit is nominated as a collective by its own unit; its history, not its unit’s, is what “one achievement, one award” reads', async () => {
    const toan = (await register('thutruong.donvi1', 'donvi1', { name: 'Tổ Toán – Tin', kind: 'TO' })).body.id;
    const khoa = (await register('thuky', 'donvi1', { name: 'Khoa Tự nhiên', kind: 'KHOA' })).body.id;
    const draft = (username: string, subUnitId: string) =>
      stack.as(username).then((c) =>
        c.post('/api/nominations', {
          campaignId: TEST_CAMPAIGN,
          awardCode: 'TAP_THE_LDXS',
          nominee: { kind: 'collective', subUnitId },
          achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học',
        }),
      );
    const drafted = await draft('canbo.donvi1', toan);
    expect(drafted.status).toBe(201);
    const view = (await (await stack.as('canbo.donvi1')).get(`/api/nominations/${drafted.body.id}`)).body;
    expect(view).toMatchObject({ nomineeId: toan, nomineeName: 'Tổ Toán – Tin', nomineeKind: 'collective' });
    const event = (await stack.stream(drafted.body.id))[0].data as { nominee: Record<string, unknown> };
    expect(event.nominee).toMatchObject({ kind: 'collective', subUnitId: toan, nomineeId: toan });

    // Another unit may not propose donvi1's sub-unit; an unknown sub-unit is not found.
    expect((await draft('canbo.donvi3', toan)).body.code).toBe('SUB_UNIT_NOT_ALLOWED');
    expect((await draft('canbo.donvi1', 'tt-donvi1-999')).body.code).toBe('SUB_UNIT_NOT_FOUND');

    // The faculty already holds TAP_THE_LDXS for this year in its history: a proposal for it is refused…
    expect((await recordLdxs('thutruong.donvi1', khoa, YEAR, 311)).status).toBe(201);
    const twice = await draft('canbo.donvi1', khoa);
    expect([twice.status, twice.body.code]).toEqual([409, 'ONE_ACHIEVEMENT_ONE_AWARD']);
    // …while the unit itself, another collective, is not affected by its sub-unit's award.
    const unit = await (
      await stack.as('canbo.donvi1')
    ).post('/api/nominations', {
      campaignId: TEST_CAMPAIGN,
      awardCode: 'TAP_THE_LDXS',
      nominee: { kind: 'collective', name: 'Trường THPT Chuyên Bến Tre', nomineeId: 'donvi1' },
      achievements: 'Tập thể lao động xuất sắc',
    });
    expect(unit.status).toBe(201);
  });
});
