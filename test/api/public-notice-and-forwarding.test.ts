/**
 * Public notice (công khai) and forwarding to central level, over HTTP against the whole embedded
 * system. Stage limits run in seconds (`TDKT_STAGE_TIME_UNIT=seconds`, as the notifications suite
 * does), so a notice of 10 working days lasts 10 seconds here: the gate is the same rule
 * (libs/domain/src/public-notice), only the unit differs. Nominations are driven through the
 * stack's helpers (toCouncilVoting publishes an already-ended notice unless told not to).
 */
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  // The test client is the trusted proxy: X-Forwarded-For gives each test's comments their own address.
  stack = await startStack({ env: { TDKT_STAGE_TIME_UNIT: 'seconds' }, api: { trustProxy: 'loopback' } });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

/** The demo nominee whose history holds three consecutive CSTD_CO_SO years (demo organisation priorAwards). */
const toan = { kind: 'individual', name: 'Phạm Văn Toàn', position: 'Giáo viên', nomineeId: 'cccd-083090001234' };
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Both council paths, refused with the same code: the written vote and a session's agenda. Nothing is appended. */
async function councilRefuses(id: string, code: string) {
  const before = (await stack.stream(id)).length;
  const open = await (await stack.as('thuky')).post(`/api/nominations/${id}/voting/open`);
  expect([open.status, open.body.code]).toEqual([409, code]);
  const convene = await (
    await stack.as('thuky')
  ).post('/api/council-sessions', {
    title: 'Phiên họp xét Chiến sĩ thi đua cấp tỉnh',
    scheduledAt: '2026-12-15T08:00:00+07:00',
    nominationIds: [id],
  });
  expect([convene.status, convene.body.code]).toEqual([409, code]);
  expect(convene.body.errors?.[0]?.field).toBe('nominationIds[0]');
  expect((await stack.stream(id)).length).toBe(before);
}

test('public notice blocks the council until its days have passed and its comments are resolved', async () => {
  const id = await stack.toCouncilVoting(
    { awardCode: 'CSTD_TINH', nominee: toan, achievements: 'Sáng kiến "Lớp học số" áp dụng toàn tỉnh' },
    { publicNotice: 'none' },
  );
  // Not published: the provincial fighter is made public before the council (catalog publicNotice).
  await councilRefuses(id, 'PUBLIC_NOTICE_REQUIRED');

  // Only the office publishes; a date ahead is refused.
  const byUnit = await (
    await stack.as('thutruong.donvi1')
  ).post('/api/public-notices', {
    title: 'Danh sách',
    nominationIds: [id],
  });
  expect([byUnit.status, byUnit.body.code]).toEqual([403, 'ROLE_REQUIRED']);
  const ahead = await (
    await stack.as('thuky')
  ).post('/api/public-notices', {
    title: 'Danh sách',
    nominationIds: [id],
    startDate: '2099-01-01',
  });
  expect([ahead.status, ahead.body.code, ahead.body.errors[0].field]).toEqual([400, 'START_DATE', 'startDate']);

  const published = await stack.publishNotice([id]);
  const endsAt = Date.parse(published.endsAt);
  expect(endsAt - Date.now()).toBeGreaterThan(5_000); // 10 "working days" of a second each

  // The list is public: anyone sees it, with the nominee's name and award, never an identifier.
  const board = await stack.http.get('/api/public-notices');
  const listed = board.body.find((n: any) => n.id === published.id);
  expect(listed).toMatchObject({ items: [{ nominationId: id, nomineeName: 'Phạm Văn Toàn', awardCode: 'CSTD_TINH' }] });
  expect(JSON.stringify(listed)).not.toContain(toan.nomineeId);

  // Anyone comments, without signing in.
  const comment = await stack.http.post(`/api/public-notices/${published.id}/comments`).send({
    nominationId: id,
    name: 'Trần Thị Bình',
    contact: '0912 345 678',
    text: 'Sáng kiến là của cả tổ chuyên môn, đề nghị xác minh',
  });
  expect(comment.status).toBe(201);
  const { commentId } = comment.body;
  await councilRefuses(id, 'PUBLIC_NOTICE_RUNNING');

  // The days pass: comments close; the open comment still holds the council back.
  await new Promise((r) => setTimeout(r, Math.max(0, endsAt - Date.now()) + 200));
  const late = await stack.http
    .post(`/api/public-notices/${published.id}/comments`)
    .send({ nominationId: id, name: 'Lê Văn C', contact: 'c@example.vn', text: 'Góp ý muộn' });
  expect([late.status, late.body.code]).toEqual([409, 'NOTICE_CLOSED']);
  await councilRefuses(id, 'PUBLIC_COMMENTS_UNRESOLVED');

  // The office resolves it: a member may not; a reason is required.
  const resolution = `/api/nominations/${id}/comments/${commentId}/resolution`;
  const byMember = await (await stack.as('hoidong2')).post(resolution, { resolution: 'dismissed', reason: 'x' });
  expect([byMember.status, byMember.body.code]).toEqual([403, 'ROLE_REQUIRED']);
  const noReason = await (await stack.as('thuky')).post(resolution, { resolution: 'dismissed', reason: '' });
  expect(noReason.status).toBe(400);
  const dismissed = await stack.command('thuky', resolution, {
    resolution: 'dismissed',
    reason: 'Đã xác minh: cá nhân chủ trì sáng kiến, có quyết định công nhận',
  });
  expect(dismissed).toMatchObject({ commentId, noticeId: published.id, resolution: 'DISMISSED' });
  const again = await (await stack.as('thuky')).post(resolution, { resolution: 'dismissed', reason: 'Lần hai' });
  expect([again.status, again.body.code]).toEqual([409, 'COMMENT_ALREADY_RESOLVED']);

  // The office sees the contact; a council member reads the comment without it.
  const forOffice = await (await stack.as('thuky')).get(`/api/public-notices/${published.id}/comments`);
  expect(forOffice.body.comments).toEqual([
    expect.objectContaining({
      commentId,
      contact: '0912 345 678',
      resolution: expect.objectContaining({ kind: 'DISMISSED' }),
    }),
  ]);
  const forMember = await (await stack.as('hoidong2')).get(`/api/public-notices/${published.id}/comments`);
  expect(forMember.body.comments[0].contact).toBeUndefined();
  expect(JSON.stringify(forMember.body)).not.toContain('0912 345 678');

  // Cleared: the council may vote now.
  expect(await stack.command('thuky', `/api/nominations/${id}/voting/open`)).toMatchObject({
    status: 'COUNCIL_VOTING',
  });
  // The comments are events of the notice's stream, the contact among them.
  const events = await stack.system.store.readStream(`public-notice-${published.id}`);
  expect(events.map((e) => e.type)).toEqual([
    'PublicNoticePublished',
    'PublicCommentReceived',
    'PublicCommentResolved',
  ]);
}, 120_000);

test('a comment resolved as "held" puts the nomination on hold: the council waits for its release', async () => {
  const id = await stack.toCouncilVoting(
    {
      awardCode: 'BANG_KHEN_THU_TUONG',
      nominee: { kind: 'collective', name: 'Trường THPT Chuyên Bến Tre', nomineeId: 'unit-thpt-chuyen' },
    },
    { publicNotice: 'none' },
  );
  const published = await stack.publishNotice([id]);
  const { commentId } = (
    await stack.http
      .post(`/api/public-notices/${published.id}/comments`)
      .set('X-Forwarded-For', '203.0.113.7')
      .send({ nominationId: id, name: 'Phụ huynh', contact: 'ph@example.vn', text: 'Đơn vị đang bị thanh tra' })
  ).body;
  const held = await stack.command('thuky', `/api/nominations/${id}/comments/${commentId}/resolution`, {
    resolution: 'held',
    reason: 'Tạm dừng để xác minh nội dung thanh tra',
  });
  expect(held.resolution).toBe('HELD');
  expect((await (await stack.as('thuky')).get(`/api/nominations/${id}`)).body.onHold).toBe(true);
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(published.endsAt) - Date.now()) + 200));
  const open = await (await stack.as('thuky')).post(`/api/nominations/${id}/voting/open`);
  expect([open.status, open.body.code]).toEqual([409, 'ON_HOLD']);
  await stack.command('thuky', `/api/nominations/${id}/release`, { comment: 'Đã xác minh, không có vi phạm' });
  expect(await stack.command('thuky', `/api/nominations/${id}/voting/open`)).toMatchObject({
    status: 'COUNCIL_VOTING',
  });
}, 120_000);

test('public comments are limited per address (429, Retry-After); another address is not', async () => {
  const id = await stack.toCouncilVoting(
    {
      awardCode: 'BANG_KHEN_THU_TUONG',
      nominee: { kind: 'individual', name: 'Ngô Thị Hoa', nomineeId: 'cccd-083090008888' },
    },
    { publicNotice: 'none' },
  );
  const published = await stack.publishNotice([id]);
  const send = (address: string) =>
    stack.http
      .post(`/api/public-notices/${published.id}/comments`)
      .set('X-Forwarded-For', address)
      .send({ nominationId: id, name: 'Người góp ý', contact: 'a@example.vn', text: 'Ý kiến' });
  for (let i = 0; i < 5; i++) expect((await send('198.51.100.9')).status).toBe(201);
  const refused = await send('198.51.100.9');
  expect([refused.status, refused.body.code]).toEqual([429, 'TOO_MANY_COMMENTS']);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect((await send('198.51.100.10')).status).toBe(201);
}, 120_000);

test('a forwarded nomination ends AWARDED by the central decision, in the registry under that authority', async () => {
  const nominee = { kind: 'individual', name: 'Đặng Văn Quang', nomineeId: 'cccd-083090009999' };
  const id = await stack.toAwaitingSignature({ awardCode: 'BANG_KHEN_THU_TUONG', nominee });
  // The Chairman does not sign it as a provincial decision: it is decided at central level.
  const sign = await (await stack.as('chutich')).post(`/api/nominations/${id}/signature`, { decision: 'sign' });
  expect([sign.status, sign.body.code]).toEqual([409, 'CENTRAL_AWARD']);
  // Only the Chairman forwards; the submission needs its number and date.
  const byOffice = await (
    await stack.as('thuky')
  ).post(`/api/nominations/${id}/forwarding`, {
    submissionNumber: '245/TTr-UBND',
    submissionDate: today(),
  });
  expect([byOffice.status, byOffice.body.code]).toEqual([403, 'ROLE_REQUIRED']);
  const noNumber = await (
    await stack.as('chutich')
  ).post(`/api/nominations/${id}/forwarding`, { submissionDate: today() });
  expect(noNumber.status).toBe(400);

  const forwarded = await stack.command('chutich', `/api/nominations/${id}/forwarding`, {
    submissionNumber: '245/TTr-UBND',
    submissionDate: today(),
  });
  expect(forwarded).toMatchObject({ status: 'FORWARDED' });
  const waiting = (await (await stack.as('thuky')).get(`/api/nominations/${id}`)).body;
  expect(waiting.status).toBe('FORWARDED');

  const awarded = await stack.command('thuky', `/api/nominations/${id}/central-decision`, {
    approved: true,
    decisionNumber: '88/QĐ-TTg',
    decisionDate: today(),
    authority: 'Thủ tướng Chính phủ',
  });
  expect(awarded).toMatchObject({ status: 'AWARDED', decisionNumber: '88/QĐ-TTg' });
  const registry = await stack.http.get('/api/registry').query({ q: 'dang van quang' });
  expect(registry.body.items).toEqual([
    expect.objectContaining({
      nominationId: id,
      awardCode: 'BANG_KHEN_THU_TUONG',
      decisionNumber: '88/QĐ-TTg',
      authority: 'Thủ tướng Chính phủ',
    }),
  ]);
  const trail = (await (await stack.as('thanhtra')).get(`/api/nominations/${id}/audit`)).body.map(
    (e: any) => e.eventType,
  );
  expect(trail.slice(-2)).toEqual(['NominationForwarded', 'CentralAwardDecided']);
}, 120_000);

test('not approved at central level: REJECTED with the reason, not in the registry', async () => {
  const nominee = { kind: 'individual', name: 'Bùi Thị Lan', nomineeId: 'cccd-083090001010' };
  const id = await stack.toAwaitingSignature({ awardCode: 'HUAN_CHUONG_LAO_DONG_HANG_BA', nominee });
  await stack.command('chutich', `/api/nominations/${id}/forwarding`, {
    submissionNumber: '246/TTr-UBND',
    submissionDate: today(),
  });
  const noReason = await (await stack.as('thuky')).post(`/api/nominations/${id}/central-decision`, { approved: false });
  expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'reason']);
  const rejected = await stack.command('thuky', `/api/nominations/${id}/central-decision`, {
    approved: false,
    reason: 'Chưa đủ thời gian công tác theo tiêu chuẩn Huân chương',
  });
  expect(rejected).toMatchObject({ status: 'REJECTED' });
  const registry = await stack.http.get('/api/registry').query({ q: 'bui thi lan' });
  expect(registry.body.items).toEqual([]);
}, 120_000);

test('returned after its notice and resubmitted: the notice still covers it if its dossier is unchanged, a changed dossier needs a new notice', async () => {
  const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
  /** Drafted, endorsed, published (posted 30 days ago: ended), returned by the office's check. */
  async function publishedThenReturned(name: string): Promise<string> {
    const id = await stack.draft({
      awardCode: 'BANG_KHEN_THU_TUONG',
      nominee: { kind: 'individual', name, nomineeId: `test-${name}` },
    });
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
    await stack.publishNotice([id], new Date(Date.now() - 30 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10));
    const returned = await stack.command('thuky', `/api/nominations/${id}/office-check`, {
      result: 'incomplete',
      missing: ['BIEN_BAN_HOP_XET'],
    });
    expect(returned.status).toBe('RETURNED');
    return id;
  }
  async function resubmitToCouncil(id: string) {
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
    expect(await stack.officeCheck(id)).toMatchObject({ status: 'COUNCIL_VOTING' });
  }

  // Resubmitted as it was: the notice it was published on still clears it for the council.
  const same = await publishedThenReturned('Hồ Văn Nguyên');
  await resubmitToCouncil(same);
  const again = await (
    await stack.as('thuky')
  ).post('/api/public-notices', { title: 'Danh sách lần nữa', nominationIds: [same] });
  expect([again.status, again.body.code]).toEqual([409, 'ALREADY_ON_NOTICE']);
  expect((await (await stack.as('thuky')).post(`/api/nominations/${same}/voting/open`)).status).toBe(200);

  // A document added while it was back at the unit: the public saw another dossier — a new notice first.
  const changed = await publishedThenReturned('Đỗ Thị Thay');
  expect((await stack.upload('canbo.donvi1', changed, 'BIEN_BAN_HOP_XET', pdf('bien ban bo sung'))).status).toBe(201);
  await resubmitToCouncil(changed);
  await councilRefuses(changed, 'PUBLIC_NOTICE_OUTDATED');
  // The office lists it on a new notice (the first no longer holds it); once that one has ended, the council may vote.
  await stack.publishNotice(
    [changed],
    new Date(Date.now() - 30 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10),
  );
  expect((await (await stack.as('thuky')).post(`/api/nominations/${changed}/voting/open`)).status).toBe(200);
});
