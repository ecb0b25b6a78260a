/**
 * Who may see what, over HTTP: every read endpoint × every demo user and the anonymous public, each
 * expected answer written out. The endpoints come from the OpenAPI document (as the fuzz suite's
 * do): a GET endpoint without a row in the table fails this test, so no new read ships without a
 * rule. Three nominations are seeded:
 *   A — donvi1 (cluster cum1), council voting OPEN on an open ballot: hoidong1 recused, hoidong2
 *       voted with a comment, the others have not voted yet;
 *   B — donvi3 (cluster cum2), a draft;
 *   C — donvi1 (cum1), voting CLOSED (open ballot, hoidong2's vote carries a comment) and signed;
 *   D — donvi4 (cum2, the cluster of donvi3), a draft by an officer added for this test (canbo.donvi4):
 *       the same cluster is not the same unit.
 *   E, S — donvi1, on council session SESSION (E by open ballot, S by secret ballot), opened and closed
 *       with no ballot cast.
 *   N — donvi1, a Prime Minister's certificate on a public notice NOTICE (posted today), with one
 *       public comment.
 * Time travel (`asOf`, a moment after the seeding) answers as the present does; the audit log's
 * checkpoints and key are public, an event's proof for whoever reads its nomination (salted leaves),
 * consistency proofs for the inspector and the secretary.
 * A vote's comment is in no audit trail, for anyone (it stays in the event store).
 * Each answer is summarised as text: the status, and what the body shows of each seeded nomination
 * (listed or not, the nominee identifier whole / masked / absent, vote choices and comments shown
 * or hidden). The policy itself: libs/domain/src/read-access/read-access.ts and the README.
 */
import { ALL_USERS, startStack, VOTERS_FOR_DONVI1, type Stack } from './support/stack';

type Reader = (typeof ALL_USERS)[number] | 'canbo.donvi4' | 'anonymous';
const READERS: Reader[] = ['anonymous', ...ALL_USERS, 'canbo.donvi4'];
type Label = 'A' | 'B' | 'C' | 'D';
type Expected = Record<Reader, string>;

let stack: Stack;
const seeded: Record<Label, { id: string; nomineeId: string }> = {} as never;
let decisionNumber = '';
/** A moment after the seeding (time travel to it shows what the present shows). */
let seededAt = '';
/** The size of the audit log's checkpoint signed after the seeding. */
let checkpointSize = 0;
/** The id of A's first event (proved by id). */
let firstEventOfA = '';
const DONVI1_SUB_UNITS = '200 [Phòng Giáo dục Trung học, Tổ Toán – Tin Trường THPT chuyên Bến Tre, Tổ Toán – Tin]';
/** A sub-unit of donvi1 (issue 12: sub-units as collectives). */
let subUnit = '';
/** A document of B's dossier (its SHA-256). */
let documentOfB = '';
/** The council session (closed) and its secret item. */
const session = { id: '', secretItem: '' };
/** An award decision signed and applied (its recipient and verification code), and a draft one. */
const decision = { id: '', nominationId: '', code: '', draftId: '' };
const COMMENT = 'Ý kiến riêng: thành tích cần minh chứng thêm';
/** The public notice (open) and the contact its commenter left. */
const notice = { id: '', contact: 'binh.tran@example.vn' };
/** Exemplary models about C: P published with consent, Q a draft. */
const stories = { P: '', Q: '' };

beforeAll(async () => {
  stack = await startStack({
    // The notification stream (SSE) never ends by itself: ended after 200 ms here, it answers like any route.
    api: { notifications: { streamMaxMs: 200 } },
    users: [
      {
        username: 'canbo.donvi4',
        displayName: 'Cán bộ TĐKT huyện Mỏ Cày Nam',
        roles: ['UNIT_OFFICER'],
        unitId: 'donvi4',
        clusterId: 'cum2',
      },
    ],
  });
  const person = (name: string, nomineeId: string) => ({ nominee: { kind: 'individual', name, nomineeId } });
  // A: voting open, one vote cast with a comment.
  const a = await stack.toVotingOpen(person('Nguyễn Văn Ánh', 'cccd-083090001111'));
  await stack.command('hoidong1', `/api/nominations/${a}/recusal`, { comment: 'Cùng đơn vị' });
  await stack.command('hoidong2', `/api/nominations/${a}/votes`, { choice: 'approve', comment: COMMENT }, 201);
  seeded.A = { id: a, nomineeId: 'cccd-083090001111' };
  // B: a draft of another unit and cluster.
  seeded.B = {
    id: await stack.draft(person('Trần Thị Bé', 'cccd-083090002222'), 'canbo.donvi3'),
    nomineeId: 'cccd-083090002222',
  };
  const uploaded = await stack.upload('canbo.donvi3', seeded.B.id, 'TO_TRINH', Buffer.from('%PDF-1.7\nto trinh\n'));
  documentOfB = uploaded.body.hash;
  // C: voting closed (every voter voted; hoidong2 with a comment), then signed.
  const c = await stack.toVotingOpen(person('Lê Văn Cường', 'cccd-083090003333'));
  await stack.command('hoidong1', `/api/nominations/${c}/recusal`);
  for (const m of VOTERS_FOR_DONVI1)
    await stack.command(
      m,
      `/api/nominations/${c}/votes`,
      m === 'hoidong2' ? { choice: 'approve', comment: COMMENT } : { choice: 'approve' },
      201,
    );
  decisionNumber = (await stack.command('chutich', `/api/nominations/${c}/signature`, { decision: 'sign' }))
    .decisionNumber;
  seeded.C = { id: c, nomineeId: 'cccd-083090003333' };
  seeded.D = {
    id: await stack.draft(person('Phạm Văn Dũng', 'cccd-083090004444'), 'canbo.donvi4'),
    nomineeId: 'cccd-083090004444',
  };
  // A council session of donvi1's E (open ballot) and S (secret ballot): opened, then closed without ballots.
  const e = await stack.toCouncilVoting(person('Võ Văn Em', 'cccd-083090005555'));
  const s = await stack.draft({ awardCode: 'CONG_DAN_DONG_KHOI', ...person('Đỗ Thị Sương', 'cccd-083090006666') });
  await stack.command('thutruong.donvi1', `/api/nominations/${s}/submit`);
  await stack.officeCheck(s);
  session.id = (
    await stack.command(
      'thuky',
      '/api/council-sessions',
      { title: 'Phiên họp thử quyền xem', scheduledAt: '2026-12-12T08:30:00+07:00', nominationIds: [e, s] },
      201,
    )
  ).id;
  session.secretItem = s;
  for (const m of VOTERS_FOR_DONVI1) await stack.command(m, `/api/council-sessions/${session.id}/check-in`);
  await stack.command('thuky', `/api/council-sessions/${session.id}/open`);
  await stack.command('thuky', `/api/council-sessions/${session.id}/close`);
  // An award decision of one recipient, signed and applied; another still a draft.
  decision.nominationId = await stack.toAwaitingSignature(person('Hồ Văn Phúc', 'cccd-083090007777'));
  decision.id = (
    await stack.command(
      'thuky',
      '/api/decisions',
      { title: 'Về việc tặng Bằng khen', nominationIds: [decision.nominationId] },
      201,
    )
  ).id;
  await stack.command('chutich', `/api/decisions/${decision.id}/signature`, { decision: 'sign' });
  const drafted = (await stack.system.store.readStream(`award-decision-${decision.id}`))[0].data as any;
  decision.code = drafted.recipients[0].verificationCode;
  for (let i = 0; i < 100 && (await stack.http.get(`/api/decisions/${decision.id}`)).body.status !== 'APPLIED'; i++)
    await new Promise((r) => setTimeout(r, 200));
  const waiting = await stack.toAwaitingSignature(person('Hồ Thị Quý', 'cccd-083090008888'));
  decision.draftId = (
    await stack.command('thuky', '/api/decisions', { title: 'Dự thảo', nominationIds: [waiting] }, 201)
  ).id;
  // N: on a public notice posted today, one comment from the public.
  const n = await stack.toCouncilVoting(
    { awardCode: 'BANG_KHEN_THU_TUONG', ...person('Huỳnh Văn Nam', 'cccd-083090007777') },
    { publicNotice: 'none' },
  );
  notice.id = (await stack.publishNotice([n])).id;
  const commented = await stack.http
    .post(`/api/public-notices/${notice.id}/comments`)
    .send({ nominationId: n, name: 'Trần Thị Bình', contact: notice.contact, text: 'Đề nghị xác minh thành tích' });
  expect(commented.status).toBe(201);
  // Exemplary models about C: P published (consent recorded), Q a draft.
  const story = { nominationId: c, title: 'Gương sáng', text: 'Câu chuyện của Lê Văn Cường' };
  stories.P = (await stack.command('thuky', '/api/exemplary-models', story, 201)).id;
  await stack.command('thuky', `/api/exemplary-models/${stories.P}/consent`, {
    givenBy: 'Lê Văn Cường',
    givenOn: '2026-12-18',
    evidence: 'Phiếu đồng ý số 1',
  });
  await stack.command('thuky', `/api/exemplary-models/${stories.P}/publish`);
  stories.Q = (await stack.command('thuky', '/api/exemplary-models', { ...story, title: 'Bản nháp' }, 201)).id;
  await stack.system.runtime.runner.waitForPosition(await stack.head());
  // Cluster cum1 scores its units in the demo campaign and agrees its ranking: donvi1 first.
  const scores = (v: number) => ({ NHIEM_VU: v, PHONG_TRAO: v, KHEN_THUONG: v, CUM_KHOI: v });
  for (const [unitId, v] of [
    ['donvi1', 95],
    ['donvi2', 85],
  ] as const)
    await stack.command(
      'truongcum.cum1',
      '/api/clusters/cum1/scorings',
      { campaignId: 'dong-khoi-moi-2026', unitId, scores: scores(v) },
      201,
    );
  await stack.command('truongcum.cum1', '/api/clusters/cum1/scorings/2026/ranking', {
    ranking: ['donvi1', 'donvi2'],
    leadingUnitIds: ['donvi1'],
    minutes: { number: '05/BB-CTĐ1', heldOn: '2026-12-05', summary: 'Cụm thống nhất xếp hạng' },
  });
  await new Promise((r) => setTimeout(r, 20));
  // A sub-unit of donvi1 (a collective of its own) with one award in its history.
  subUnit = (
    await stack.command('thutruong.donvi1', '/api/units/donvi1/sub-units', { name: 'Tổ Toán – Tin', kind: 'TO' }, 201)
  ).id;
  await stack.command(
    'thutruong.donvi1',
    `/api/people/${subUnit}/awards`,
    {
      awardCode: 'TAP_THE_LDXS',
      year: new Date().getUTCFullYear() - 1,
      decisionNumber: '12/QĐ-UBND',
      decisionDate: `${new Date().getUTCFullYear() - 1}-06-01`,
      authority: 'Chủ tịch UBND tỉnh',
    },
    201,
  );
  seededAt = new Date().toISOString();
  checkpointSize = (await stack.command('thanhtra', '/api/audit/checkpoints')).treeSize;
  firstEventOfA = (await stack.stream(seeded.A.id))[0].id;
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

// ------------------------------------------------------------------ what an answer shows

const labelOf = (id: string) => (Object.keys(seeded) as Label[]).find((k) => seeded[k].id === id) ?? '?';

/** The nominee identifier as shown: whole, masked (•••…), or absent from the body. */
function identifier(value: unknown, whole: string): string {
  if (value === undefined) return 'absent';
  if (value === whole) return 'whole';
  if (typeof value === 'string' && value.startsWith('•') && !value.includes(whole.slice(0, 8))) return 'masked';
  return `LEAK(${String(value)})`;
}

/** A list page: which seeded nominations it shows (in label order), its total, and their identifiers. */
function listSummary(body: any): string {
  const items = (body.items as any[]).filter((n) => labelOf(n.id) !== '?');
  const shown = items
    .map((n) => `${labelOf(n.id)}:${identifier(n.nomineeId, seeded[labelOf(n.id) as Label].nomineeId)}`)
    .sort();
  const total = body.total === body.items.length ? '' : ` total≠items(${body.total}/${body.items.length})`;
  return `[${shown.join(' ')}]${total}`;
}

/** An audit trail: the nominee id in the draft event, the vote choices and hoidong2's comment. */
function auditSummary(body: any[], label: 'A' | 'C'): string {
  const drafted = body.find((e) => e.eventType === 'NominationDrafted');
  const votes = body.filter((e) => e.eventType === 'CouncilVoteCast');
  const choicesShown = votes.every((v) => v.data.choice !== undefined && /đồng ý/.test(v.summary));
  const choicesHidden = votes.every((v) => v.data.choice === undefined && !/đồng ý/.test(v.summary));
  const commented = votes.find((v) => v.actorId === 'hoidong2');
  const commentShown = commented?.comment === COMMENT && commented?.data.comment === COMMENT;
  // Hidden means nowhere in the entry: not its comment, its data or its reason.
  const commentHidden = !!commented && !JSON.stringify(commented).includes(COMMENT);
  const leaks =
    JSON.stringify(body).includes(seeded[label].nomineeId) &&
    identifier(drafted?.data.nominee.nomineeId, seeded[label].nomineeId) !== 'whole';
  return [
    `nomineeId:${identifier(drafted?.data.nominee.nomineeId, seeded[label].nomineeId)}${leaks ? ' LEAK' : ''}`,
    `choices:${choicesShown ? 'shown' : choicesHidden ? 'hidden' : 'MIXED'}`,
    `comment:${commentShown ? 'shown' : commentHidden ? 'hidden' : 'MIXED'}`,
  ].join(' ');
}

/** A notification feed: the seeded nominations it tells the reader of; LEAK if a nominee identifier shows. */
function feedSummary(body: any): string {
  const labels = [...new Set((body.items as any[]).map((n) => labelOf(n.nominationId)))].filter((l) => l !== '?');
  const leak = (Object.keys(seeded) as Label[]).some((l) => JSON.stringify(body).includes(seeded[l].nomineeId));
  return `[${labels.sort().join(' ')}]${leak ? ' LEAK' : ''}`;
}

/** Registry awards: C's identifier as shown (the registry is public; the identifier is personal data). */
function registrySummary(awards: any[]): string {
  const c = awards.find((a) => a.nominationId === seeded.C.id);
  return c ? `C:${identifier(c.nomineeId, seeded.C.nomineeId)}` : 'no C';
}

// ---------------------------------------------------------------- the table, route by route

/** One request of a row: the concrete path and how its answer is summarised after the status. */
interface Probe {
  path: () => string;
  summary?: (body: any) => string;
  expected: Expected;
}

/** Every reader the same answer. */
const all = (answer: string): Expected => Object.fromEntries(READERS.map((r) => [r, answer])) as Expected;
/** Signed-in readers one answer, the anonymous public 401. */
const signedIn = (answer: string): Expected => ({ ...all(answer), anonymous: '401' });

const TABLE: Record<string, Probe[]> = {
  'GET /api': [{ path: () => '/api', expected: all('200') }],
  'GET /health': [{ path: () => '/health', expected: all('200') }],
  'GET /api/catalog': [{ path: () => '/api/catalog', expected: all('200') }],
  'GET /api/campaigns': [{ path: () => '/api/campaigns', expected: signedIn('200') }],
  // Campaigns: every official reads a campaign; registrations by scope (unit staff their unit, a cluster
  // leader the cluster's units, province-wide readers all); a cluster's scoring: the province-wide readers
  // and the cluster's leader whole, a member unit its own row, anyone else 404.
  'GET /api/campaigns/{id}': [
    {
      path: () => '/api/campaigns/dong-khoi-moi-2026',
      summary: (b) => `${b.kind} ${b.status}`,
      expected: signedIn('200 ANNUAL NOMINATIONS_OPEN'),
    },
  ],
  'GET /api/campaigns/{id}/registrations': [
    {
      path: () => '/api/campaigns/dong-khoi-moi-2026/registrations',
      summary: (b) => `[${b.registered.map((r: any) => r.unitId).join(' ')}]`,
      expected: {
        ...signedIn('200 [donvi1 donvi2 donvi3 donvi4]'),
        'canbo.donvi1': '200 [donvi1]',
        'thutruong.donvi1': '200 [donvi1]',
        'canbo.donvi3': '200 [donvi3]',
        'thutruong.donvi3': '200 [donvi3]',
        'canbo.donvi4': '200 [donvi4]',
        'truongcum.cum1': '200 [donvi1 donvi2]',
        'truongcum.cum2': '200 [donvi3 donvi4]',
      },
    },
  ],
  'GET /api/clusters/{id}/scorings/{year}': [
    {
      path: () => '/api/clusters/cum1/scorings/2026',
      summary: (b) => `[${b.units.map((u: any) => `${u.unitId}:${u.rank}`).join(' ')}]`,
      expected: {
        ...signedIn('200 [donvi1:1 donvi2:2]'),
        'canbo.donvi1': '200 [donvi1:1]',
        'thutruong.donvi1': '200 [donvi1:1]',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'canbo.donvi4': '404',
        'truongcum.cum2': '404',
      },
    },
  ],
  'GET /api/units': [{ path: () => '/api/units', expected: signedIn('200') }],
  'GET /api/clusters': [{ path: () => '/api/clusters', expected: signedIn('200') }],
  'GET /api/me': [{ path: () => '/api/me', expected: signedIn('200') }],
  'GET /api/nominations': [
    {
      path: () => '/api/nominations?pageSize=200',
      summary: listSummary,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 [A:whole C:whole]',
        'thutruong.donvi1': '200 [A:whole C:whole]',
        'canbo.donvi3': '200 [B:whole]',
        'thutruong.donvi3': '200 [B:whole]',
        'truongcum.cum1': '200 [A:masked C:masked]',
        'truongcum.cum2': '200 [B:masked D:masked]',
        thuky: '200 [A:whole B:whole C:whole D:whole]',
        hoidong1: '200 [A:masked B:masked C:masked D:masked]',
        hoidong2: '200 [A:masked B:masked C:masked D:masked]',
        hoidong3: '200 [A:masked B:masked C:masked D:masked]',
        hoidong4: '200 [A:masked B:masked C:masked D:masked]',
        hoidong5: '200 [A:masked B:masked C:masked D:masked]',
        hoidong6: '200 [A:masked B:masked C:masked D:masked]',
        hoidong7: '200 [A:masked B:masked C:masked D:masked]',
        hoidong8: '200 [A:masked B:masked C:masked D:masked]',
        hoidong9: '200 [A:masked B:masked C:masked D:masked]',
        hoidong10: '200 [A:masked B:masked C:masked D:masked]',
        chutich: '200 [A:masked B:masked C:masked D:masked]',
        thanhtra: '200 [A:whole B:whole C:whole D:whole]',
        'canbo.donvi4': '200 [D:whole]',
      },
    },
    {
      // Asking for another unit's nominations shows nothing and counts nothing.
      path: () => '/api/nominations?unit=donvi3&pageSize=200',
      summary: (b) => `${listSummary(b)} total=${b.total}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 [] total=0',
        'thutruong.donvi1': '200 [] total=0',
        'canbo.donvi3': '200 [B:whole] total=1',
        'thutruong.donvi3': '200 [B:whole] total=1',
        'truongcum.cum1': '200 [] total=0',
        'truongcum.cum2': '200 [B:masked] total=1',
        thuky: '200 [B:whole] total=1',
        hoidong1: '200 [B:masked] total=1',
        hoidong2: '200 [B:masked] total=1',
        hoidong3: '200 [B:masked] total=1',
        hoidong4: '200 [B:masked] total=1',
        hoidong5: '200 [B:masked] total=1',
        hoidong6: '200 [B:masked] total=1',
        hoidong7: '200 [B:masked] total=1',
        hoidong8: '200 [B:masked] total=1',
        hoidong9: '200 [B:masked] total=1',
        hoidong10: '200 [B:masked] total=1',
        chutich: '200 [B:masked] total=1',
        thanhtra: '200 [B:whole] total=1',
        'canbo.donvi4': '200 [] total=0',
      },
    },
    {
      // The inbox ("waiting for me") and its count.
      path: () => '/api/nominations?awaitingMe=true&pageSize=200',
      summary: (b) => `${listSummary(b)} total=${b.total}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 [] total=0',
        'thutruong.donvi1': '200 [] total=0',
        'canbo.donvi3': '200 [] total=0',
        'thutruong.donvi3': '200 [B:whole] total=1',
        'truongcum.cum1': '200 [] total=0',
        'truongcum.cum2': '200 [] total=0',
        // N (on its public notice) waits for the office to open the council's vote: counted, not a labelled row.
        thuky: '200 [] total=1',
        hoidong1: '200 [] total=0',
        hoidong2: '200 [] total=0',
        hoidong3: '200 [A:masked] total=1',
        hoidong4: '200 [A:masked] total=1',
        hoidong5: '200 [A:masked] total=1',
        hoidong6: '200 [A:masked] total=1',
        hoidong7: '200 [A:masked] total=1',
        hoidong8: '200 [A:masked] total=1',
        hoidong9: '200 [A:masked] total=1',
        hoidong10: '200 [A:masked] total=1',
        // …and the nomination listed on the draft decision, which awaits his signature.
        chutich: '200 [A:masked] total=2',
        thanhtra: '200 [] total=0',
        'canbo.donvi4': '200 [] total=0',
      },
    },
  ],
  'GET /api/nominations/{id}': [
    {
      path: () => `/api/nominations/${seeded.A.id}`,
      summary: (b) => `nomineeId:${identifier(b.nomineeId, seeded.A.nomineeId)}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole',
        'thutruong.donvi1': '200 nomineeId:whole',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole',
        hoidong1: '200 nomineeId:masked',
        hoidong2: '200 nomineeId:masked',
        hoidong3: '200 nomineeId:masked',
        hoidong4: '200 nomineeId:masked',
        hoidong5: '200 nomineeId:masked',
        hoidong6: '200 nomineeId:masked',
        hoidong7: '200 nomineeId:masked',
        hoidong8: '200 nomineeId:masked',
        hoidong9: '200 nomineeId:masked',
        hoidong10: '200 nomineeId:masked',
        chutich: '200 nomineeId:masked',
        thanhtra: '200 nomineeId:whole',
        'canbo.donvi4': '404',
      },
    },
    {
      path: () => `/api/nominations/${seeded.B.id}`,
      summary: (b) => `nomineeId:${identifier(b.nomineeId, seeded.B.nomineeId)}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '404',
        'thutruong.donvi1': '404',
        'canbo.donvi3': '200 nomineeId:whole',
        'thutruong.donvi3': '200 nomineeId:whole',
        'truongcum.cum1': '404',
        'truongcum.cum2': '200 nomineeId:masked',
        thuky: '200 nomineeId:whole',
        hoidong1: '200 nomineeId:masked',
        hoidong2: '200 nomineeId:masked',
        hoidong3: '200 nomineeId:masked',
        hoidong4: '200 nomineeId:masked',
        hoidong5: '200 nomineeId:masked',
        hoidong6: '200 nomineeId:masked',
        hoidong7: '200 nomineeId:masked',
        hoidong8: '200 nomineeId:masked',
        hoidong9: '200 nomineeId:masked',
        hoidong10: '200 nomineeId:masked',
        chutich: '200 nomineeId:masked',
        thanhtra: '200 nomineeId:whole',
        'canbo.donvi4': '404',
      },
    },
    {
      // Same cluster as donvi3, another unit: the unit's staff of donvi3 do not see it; the cluster leader does.
      path: () => `/api/nominations/${seeded.D.id}`,
      summary: (b) => `nomineeId:${identifier(b.nomineeId, seeded.D.nomineeId)}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '404',
        'thutruong.donvi1': '404',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '404',
        'truongcum.cum2': '200 nomineeId:masked',
        thuky: '200 nomineeId:whole',
        hoidong1: '200 nomineeId:masked',
        hoidong2: '200 nomineeId:masked',
        hoidong3: '200 nomineeId:masked',
        hoidong4: '200 nomineeId:masked',
        hoidong5: '200 nomineeId:masked',
        hoidong6: '200 nomineeId:masked',
        hoidong7: '200 nomineeId:masked',
        hoidong8: '200 nomineeId:masked',
        hoidong9: '200 nomineeId:masked',
        hoidong10: '200 nomineeId:masked',
        chutich: '200 nomineeId:masked',
        thanhtra: '200 nomineeId:whole',
        'canbo.donvi4': '200 nomineeId:whole',
      },
    },
    {
      // Time travel answers as the present: the same 404s, the same masking, and its trail as /audit shows it.
      path: () => `/api/nominations/${seeded.A.id}?asOf=${encodeURIComponent(seededAt)}`,
      summary: (b) =>
        `nomineeId:${identifier(b.nomineeId, seeded.A.nomineeId)} trail ${auditSummary(b.auditTrail, 'A')}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole trail nomineeId:whole choices:hidden comment:hidden',
        'thutruong.donvi1': '200 nomineeId:whole trail nomineeId:whole choices:hidden comment:hidden',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole trail nomineeId:whole choices:hidden comment:hidden',
        hoidong1: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong2: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong3: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong4: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong5: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong6: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong7: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong8: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong9: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        hoidong10: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        chutich: '200 nomineeId:masked trail nomineeId:masked choices:hidden comment:hidden',
        thanhtra: '200 nomineeId:whole trail nomineeId:whole choices:shown comment:hidden',
        'canbo.donvi4': '404',
      },
    },
    {
      path: () => `/api/nominations/${seeded.C.id}?asOf=${encodeURIComponent(seededAt)}`,
      summary: (b) =>
        `nomineeId:${identifier(b.nomineeId, seeded.C.nomineeId)} trail ${auditSummary(b.auditTrail, 'C')}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole trail nomineeId:whole choices:shown comment:hidden',
        'thutruong.donvi1': '200 nomineeId:whole trail nomineeId:whole choices:shown comment:hidden',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole trail nomineeId:whole choices:shown comment:hidden',
        hoidong1: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong2: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong3: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong4: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong5: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong6: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong7: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong8: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong9: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        hoidong10: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        chutich: '200 nomineeId:masked trail nomineeId:masked choices:shown comment:hidden',
        thanhtra: '200 nomineeId:whole trail nomineeId:whole choices:shown comment:hidden',
        'canbo.donvi4': '404',
      },
    },
  ],
  'GET /api/nominations/{id}/audit': [
    {
      // Voting open: how anyone voted, and their comments, are the inspector's only.
      path: () => `/api/nominations/${seeded.A.id}/audit`,
      summary: (b) => auditSummary(b, 'A'),
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole choices:hidden comment:hidden',
        'thutruong.donvi1': '200 nomineeId:whole choices:hidden comment:hidden',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked choices:hidden comment:hidden',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole choices:hidden comment:hidden',
        hoidong1: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong2: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong3: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong4: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong5: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong6: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong7: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong8: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong9: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong10: '200 nomineeId:masked choices:hidden comment:hidden',
        chutich: '200 nomineeId:masked choices:hidden comment:hidden',
        thanhtra: '200 nomineeId:whole choices:shown comment:hidden',
        'canbo.donvi4': '404',
      },
    },
    {
      // Voting closed, open ballot: choices on the record; comments for the council, secretary and inspector.
      path: () => `/api/nominations/${seeded.C.id}/audit`,
      summary: (b) => auditSummary(b, 'C'),
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole choices:shown comment:hidden',
        'thutruong.donvi1': '200 nomineeId:whole choices:shown comment:hidden',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked choices:shown comment:hidden',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole choices:shown comment:hidden',
        hoidong1: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong2: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong3: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong4: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong5: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong6: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong7: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong8: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong9: '200 nomineeId:masked choices:shown comment:hidden',
        hoidong10: '200 nomineeId:masked choices:shown comment:hidden',
        chutich: '200 nomineeId:masked choices:shown comment:hidden',
        thanhtra: '200 nomineeId:whole choices:shown comment:hidden',
        'canbo.donvi4': '404',
      },
    },
    {
      // The trail as it stood: the same rule as the present trail (voting open on A: the inspector's only).
      path: () => `/api/nominations/${seeded.A.id}/audit?asOf=${encodeURIComponent(seededAt)}`,
      summary: (b) => auditSummary(b, 'A'),
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole choices:hidden comment:hidden',
        'thutruong.donvi1': '200 nomineeId:whole choices:hidden comment:hidden',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked choices:hidden comment:hidden',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole choices:hidden comment:hidden',
        hoidong1: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong2: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong3: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong4: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong5: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong6: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong7: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong8: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong9: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong10: '200 nomineeId:masked choices:hidden comment:hidden',
        chutich: '200 nomineeId:masked choices:hidden comment:hidden',
        thanhtra: '200 nomineeId:whole choices:shown comment:hidden',
        'canbo.donvi4': '404',
      },
    },
  ],
  // What a reader may do now (the domain's guard on the folded state): readers of the nomination only.
  'GET /api/nominations/{id}/actions': [
    {
      // A: voting open; hoidong1 recused, hoidong2 voted.
      path: () => `/api/nominations/${seeded.A.id}/actions`,
      summary: (b) => `[${b.allowed.join(' ')}]`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 []',
        'thutruong.donvi1': '200 [WithdrawNomination]',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 []',
        'truongcum.cum2': '404',
        thuky: '200 [CloseCouncilVoting PutOnHold]',
        hoidong1: '200 []',
        hoidong2: '200 []',
        hoidong3: '200 [CastCouncilVote RecuseFromCouncil]',
        hoidong4: '200 [CastCouncilVote RecuseFromCouncil]',
        hoidong5: '200 [CastCouncilVote RecuseFromCouncil]',
        hoidong6: '200 [CastCouncilVote RecuseFromCouncil]',
        hoidong7: '200 [CastCouncilVote RecuseFromCouncil]',
        hoidong8: '200 [CastCouncilVote RecuseFromCouncil]',
        hoidong9: '200 [CastCouncilVote RecuseFromCouncil]',
        hoidong10: '200 [CastCouncilVote RecuseFromCouncil]',
        chutich: '200 [CastCouncilVote RecuseFromCouncil]',
        thanhtra: '200 []',
        'canbo.donvi4': '404',
      },
    },
    {
      // C: signed — only the Chairman may act (revoke); the unit can no longer withdraw.
      path: () => `/api/nominations/${seeded.C.id}/actions`,
      summary: (b) => `[${b.allowed.join(' ')}]`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 []',
        'thutruong.donvi1': '200 []',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 []',
        'truongcum.cum2': '404',
        thuky: '200 []',
        hoidong1: '200 []',
        hoidong2: '200 []',
        hoidong3: '200 []',
        hoidong4: '200 []',
        hoidong5: '200 []',
        hoidong6: '200 []',
        hoidong7: '200 []',
        hoidong8: '200 []',
        hoidong9: '200 []',
        hoidong10: '200 []',
        chutich: '200 [RevokeAward]',
        thanhtra: '200 []',
        'canbo.donvi4': '404',
      },
    },
  ],
  // A dossier's documents: whoever reads the nomination (B: donvi3, cluster cum2, the province-wide readers).
  'GET /api/nominations/{id}/documents': [
    { path: () => `/api/nominations/${seeded.B.id}/documents`, expected: readersOfB() },
  ],
  'GET /api/nominations/{id}/documents/{hash}': [
    { path: () => `/api/nominations/${seeded.B.id}/documents/${documentOfB}`, expected: readersOfB() },
  ],
  'GET /api/nominations/{id}/proofs': [
    // Proofs of a nomination's events: for whoever may read the nomination (salted leaves: a proof tests no
    // guess of a hidden field, and carries no salt), out of scope the same 404 as the nomination itself.
    {
      path: () => `/api/nominations/${seeded.A.id}/proofs`,
      summary: proofSummary,
      expected: nominationProofReaders(['canbo.donvi1', 'thutruong.donvi1', 'truongcum.cum1'], 7),
    },
    {
      path: () => `/api/nominations/${seeded.B.id}/proofs`,
      summary: proofSummary,
      expected: nominationProofReaders(['canbo.donvi3', 'thutruong.donvi3', 'truongcum.cum2'], 1),
    },
  ],
  'GET /api/registry': [
    {
      path: () => '/api/registry?q=le%20van%20cuong',
      summary: (b) => registrySummary(b.items),
      expected: registryAnswers(),
    },
    {
      // The registry as it stood: left out and masked as the present registry is.
      path: () => `/api/registry?q=le%20van%20cuong&asOf=${encodeURIComponent(seededAt)}`,
      summary: (b) => registrySummary(b.items),
      expected: registryAnswers(),
    },
  ],
  'GET /api/registry/{decisionNumber}': [
    {
      path: () => `/api/registry/${encodeURIComponent(decisionNumber)}`,
      summary: (b) => registrySummary(b.awards),
      expected: registryAnswers(),
    },
  ],
  'GET /api/registry/{number}/{symbol}': [
    {
      path: () => `/api/registry/${decisionNumber}`,
      summary: (b) => registrySummary(b.awards),
      expected: registryAnswers(),
    },
  ],
  // Single sign-on is not configured on this stack: the same 404 for everyone.
  'GET /api/auth/oidc/login': [{ path: () => '/api/auth/oidc/login', expected: all('404') }],
  'GET /api/auth/oidc/callback': [{ path: () => '/api/auth/oidc/callback?code=x&state=y', expected: all('404') }],
  // Each signed-in reader their own notifications — of what awaits them (submit, review, open and cast
  // votes, sign) or of their unit's outcome (C awarded) —, never of a nomination out of their scope, never
  // of their own step (the drafters of B and D), and without personal data.
  'GET /api/notifications': [
    {
      path: () => '/api/notifications?pageSize=200',
      summary: feedSummary,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 [C]',
        'thutruong.donvi1': '200 [A C]',
        'canbo.donvi3': '200 []',
        'thutruong.donvi3': '200 [B]',
        'truongcum.cum1': '200 [A C]',
        'truongcum.cum2': '200 []',
        thuky: '200 [A C]',
        hoidong1: '200 [A C]',
        hoidong2: '200 [A C]',
        hoidong3: '200 [A C]',
        hoidong4: '200 [A C]',
        hoidong5: '200 [A C]',
        hoidong6: '200 [A C]',
        hoidong7: '200 [A C]',
        hoidong8: '200 [A C]',
        hoidong9: '200 [A C]',
        hoidong10: '200 [A C]',
        chutich: '200 [A C]',
        thanhtra: '200 []',
        'canbo.donvi4': '200 []',
      },
    },
  ],
  'GET /api/notifications/stream': [{ path: () => '/api/notifications/stream', expected: signedIn('200') }],
  'GET /api/me/notification-preferences': [
    { path: () => '/api/me/notification-preferences', expected: signedIn('200') },
  ],
  // The signed checkpoints and the key are public: anyone may hold the authority to what it signed.
  'GET /api/audit/checkpoints': [
    {
      path: () => '/api/audit/checkpoints',
      summary: (b) => (b.some((c: any) => c.treeSize === checkpointSize) ? 'signed' : 'MISSING'),
      expected: all('200 signed'),
    },
  ],
  'GET /api/audit/checkpoints/latest': [{ path: () => '/api/audit/checkpoints/latest', expected: all('200') }],
  'GET /api/audit/public-key': [{ path: () => '/api/audit/public-key', expected: all('200') }],
  // An event's proof: for whoever may read its nomination (salted leaves; no salt in the answer), else the
  // 404 of an unknown event. Consistency proofs: the inspector and the secretary.
  'GET /api/audit/events/{eventId}/proof': [
    {
      path: () => `/api/audit/events/${firstEventOfA}/proof`,
      summary: proofSummary,
      expected: nominationProofReaders(['canbo.donvi1', 'thutruong.donvi1', 'truongcum.cum1'], 1),
    },
  ],
  'GET /api/audit/consistency': [
    { path: () => `/api/audit/consistency?from=1&to=${checkpointSize}`, expected: proofReaders() },
  ],
  // Council sessions: an agenda spans every unit, so only those who read every nomination read a session
  // (list, agenda and tallies, minutes); unit staff and cluster leaders 403. The list shows the session.
  'GET /api/council-sessions': [
    {
      path: () => '/api/council-sessions',
      summary: (b) => (b.some((x: any) => x.id === session.id && x.status === 'CLOSED') ? 'listed' : 'MISSING'),
      expected: sessionReaders('200 listed'),
    },
  ],
  'GET /api/council-sessions/{id}': [
    {
      path: () => `/api/council-sessions/${session.id}`,
      summary: (b) => `${b.status} items:${b.agenda.length} tallies:${b.agenda.filter((i: any) => i.tally).length}`,
      expected: sessionReaders('200 CLOSED items:2 tallies:2'),
    },
  ],
  'GET /api/council-sessions/{id}/minutes.pdf': [
    { path: () => `/api/council-sessions/${session.id}/minutes.pdf`, expected: sessionReaders('200') },
  ],
  // A secret item's public key: public (members blind with it; anyone checks the published ballots' signatures).
  'GET /api/council-sessions/{id}/secret-items/{nominationId}/key': [
    {
      path: () => `/api/council-sessions/${session.id}/secret-items/${session.secretItem}/key`,
      summary: (b) => b.suite,
      expected: all('200 RSABSSA-SHA384-PSS-Randomized'),
    },
  ],
  // After the close the secret ballots (token hash, choice) are public, so anyone can recount.
  'GET /api/council-sessions/{id}/secret-items/{nominationId}/ballots': [
    {
      path: () => `/api/council-sessions/${session.id}/secret-items/${session.secretItem}/ballots`,
      summary: (b) => `ballots:${b.ballots.length}`,
      expected: all('200 ballots:0'),
    },
  ],
  // Award decisions: issued ones are public, as the registry is; a draft only for the council's circle
  // (others, the public included, 404: its existence is not revealed). The verification page is public.
  'GET /api/decisions': [
    {
      path: () => '/api/decisions',
      summary: (b) =>
        `${b.some((x: any) => x.id === decision.id) ? 'issued' : 'no issued'} ${b.some((x: any) => x.id === decision.draftId) ? 'draft' : 'no draft'}`,
      expected: { ...all('200 issued no draft'), ...decisionCircle('200 issued draft') },
    },
  ],
  'GET /api/decisions/{id}': [
    { path: () => `/api/decisions/${decision.id}`, summary: (b) => b.status, expected: all('200 APPLIED') },
    {
      path: () => `/api/decisions/${decision.draftId}`,
      summary: (b) => b.status,
      expected: { ...all('404'), ...decisionCircle('200 DRAFT') },
    },
  ],
  'GET /api/decisions/{id}/document.pdf': [
    { path: () => `/api/decisions/${decision.id}/document.pdf`, expected: all('200') },
    {
      path: () => `/api/decisions/${decision.draftId}/document.pdf`,
      expected: { ...all('404'), ...decisionCircle('200') },
    },
  ],
  'GET /api/decisions/{id}/recipients/{nominationId}/certificate.pdf': [
    {
      path: () => `/api/decisions/${decision.id}/recipients/${decision.nominationId}/certificate.pdf`,
      expected: all('200'),
    },
  ],
  'GET /api/verify/{code}': [
    { path: () => `/api/verify/${decision.code}`, summary: (b) => b.status, expected: all('200 VALID') },
  ],
  'GET /verify/{code}': [{ path: () => `/verify/${decision.code}`, expected: all('200') }],
  // Public notices (công khai): the open lists are public; the comments are read by those who read every
  // nomination (a list spans every unit), the commenter's contact by the office and the inspector only.
  'GET /api/public-notices': [
    {
      path: () => '/api/public-notices',
      summary: (b) => (b.some((x: any) => x.id === notice.id && x.openComments === 1) ? 'listed' : 'MISSING'),
      expected: all('200 listed'),
    },
  ],
  'GET /api/public-notices/{id}/comments': [
    {
      path: () => `/api/public-notices/${notice.id}/comments`,
      summary: (b) =>
        `comments:${b.comments.length} contact:${b.comments.every((c: any) => c.contact === notice.contact) ? 'shown' : JSON.stringify(b).includes(notice.contact) ? 'LEAK' : 'hidden'}`,
      expected: {
        ...sessionReaders('200 comments:1 contact:hidden'),
        thuky: '200 comments:1 contact:shown',
        thanhtra: '200 comments:1 contact:shown',
      },
    },
  ],
  // Liveness and readiness, for an orchestrator: public, as /health.
  'GET /health/live': [{ path: () => '/health/live', expected: all('200') }],
  'GET /health/ready': [{ path: () => '/health/ready', expected: all('200') }],
  // Statistics: officials count their read scope; the public the province's awards only (no files in progress).
  'GET /api/statistics': [
    {
      path: () => '/api/statistics',
      summary: (b) => `${b.coverage} nominations:${b.total.nominations?.total ?? '-'} awards:${b.total.awards.total}`,
      expected: statisticsAnswers(),
    },
  ],
  'GET /api/statistics.xlsx': [{ path: () => '/api/statistics.xlsx?groupBy=unit', expected: all('200') }],
  'GET /api/registry.xlsx': [{ path: () => '/api/registry.xlsx', expected: all('200') }],
  // The province's year-end report: those who read every nomination.
  'GET /api/reports/annual/{file}': [{ path: () => '/api/reports/annual/2026.pdf', expected: sessionReaders('200') }],
  // Exemplary models: published stories are public; drafts, consent and history for the office and the inspector.
  'GET /api/exemplary-models': [
    {
      path: () => '/api/exemplary-models',
      summary: (b) => storiesSummary(b.items),
      expected: { ...all('200 [P]'), thuky: '200 [P:consent Q]', thanhtra: '200 [P:consent Q]' },
    },
  ],
  'GET /api/exemplary-models/{id}': [
    {
      path: () => `/api/exemplary-models/${stories.P}`,
      summary: (b) => storiesSummary([b]),
      expected: { ...all('200 [P]'), thuky: '200 [P:consent]', thanhtra: '200 [P:consent]' },
    },
    {
      path: () => `/api/exemplary-models/${stories.Q}`,
      expected: { ...all('404'), thuky: '200', thanhtra: '200' },
    },
  ],
  // Who read personal data: the inspector's only.
  'GET /api/audit/access-log': [
    { path: () => '/api/audit/access-log', expected: { ...all('403'), anonymous: '401', thanhtra: '200' } },
  ],
  // The person register (issue 12), read by the unit a person works in now (Thành moved from donvi3 to
  // donvi1): the demo people listed, and Toàn's citizen ID whole or masked as the personal-data rule says.
  'GET /api/people': [
    {
      path: () => '/api/people?pageSize=200',
      summary: peopleSummary,
      expected: peopleAnswers({
        donvi1: '200 [hong thanh toan:whole]',
        cum1: '200 [hong thanh toan:masked]',
        donvi3: '200 [toan-chauthanh]',
        donvi4: '200 []',
        everyoneMasked: '200 [hong thanh toan-chauthanh toan:masked]',
        everyoneWhole: '200 [hong thanh toan-chauthanh toan:whole]',
      }),
    },
  ],
  'GET /api/people/{id}': [
    {
      path: () => '/api/people/p-demo-toan',
      summary: (b) =>
        `citizenId:${identifier(b.citizenId, '083084005678')} dob:${b.dateOfBirth ? 'shown' : 'hidden'} awards:${b.awards.length}`,
      expected: peopleAnswers({
        donvi1: '200 citizenId:whole dob:shown awards:6',
        cum1: '200 citizenId:masked dob:hidden awards:6',
        donvi3: '404',
        donvi4: '404',
        everyoneMasked: '200 citizenId:masked dob:hidden awards:6',
        everyoneWhole: '200 citizenId:whole dob:shown awards:6',
      }),
    },
  ],
  // Sub-units of a unit (collectives of their own), read like the unit's people: its staff, its cluster
  // leader, the province-wide readers.
  // donvi1's two from the demo organisation file (seeded at start), then the one registered above.
  'GET /api/units/{unitId}/sub-units': [
    {
      path: () => '/api/units/donvi1/sub-units',
      summary: (b) => `[${(b.items as any[]).map((s) => s.name).join(', ')}]`,
      expected: peopleAnswers({
        donvi1: DONVI1_SUB_UNITS,
        cum1: DONVI1_SUB_UNITS,
        donvi3: '403',
        donvi4: '403',
        everyoneMasked: DONVI1_SUB_UNITS,
        everyoneWhole: DONVI1_SUB_UNITS,
      }),
    },
  ],
  'GET /api/sub-units/{id}': [
    {
      path: () => `/api/sub-units/${subUnit}`,
      summary: (b) => `awards:${b.awards.length}`,
      expected: peopleAnswers({
        donvi1: '200 awards:1',
        cum1: '200 awards:1',
        donvi3: '404',
        donvi4: '404',
        everyoneMasked: '200 awards:1',
        everyoneWhole: '200 awards:1',
      }),
    },
  ],
  // The import template: any official (it holds no personal data, only the catalog's codes).
  'GET /api/imports/award-history/template.xlsx': [
    { path: () => '/api/imports/award-history/template.xlsx', expected: signedIn('200') },
  ],
};

/** The demo people listed (by id, without the `p-demo-` prefix), and Toàn's citizen ID as shown. */
function peopleSummary(body: any): string {
  const demo = (body.items as any[]).filter((p) => p.id.startsWith('p-demo-'));
  const shown = demo
    .map(
      (p) =>
        p.id.slice('p-demo-'.length) + (p.id === 'p-demo-toan' ? `:${identifier(p.citizenId, '083084005678')}` : ''),
    )
    .sort();
  return `[${shown.join(' ')}]`;
}

/** People are read by unit (now): unit staff their unit, cluster leaders the cluster's units, the province all. */
function peopleAnswers(
  a: Record<'donvi1' | 'cum1' | 'donvi3' | 'donvi4' | 'everyoneMasked' | 'everyoneWhole', string>,
): Expected {
  return {
    ...all(a.everyoneMasked),
    anonymous: '401',
    'canbo.donvi1': a.donvi1,
    'thutruong.donvi1': a.donvi1,
    'truongcum.cum1': a.cum1,
    'canbo.donvi3': a.donvi3,
    'thutruong.donvi3': a.donvi3,
    'truongcum.cum2': a.donvi3,
    'canbo.donvi4': a.donvi4,
    thuky: a.everyoneWhole,
    thanhtra: a.everyoneWhole,
  };
}

/** Stories listed, and whether their consent record shows (the office and the inspector only). */
function storiesSummary(items: any[]): string {
  const label = (id: string) => (id === stories.P ? 'P' : id === stories.Q ? 'Q' : '?');
  return `[${items
    .map((m) => `${label(m.id)}${m.consent ? ':consent' : ''}`)
    .sort()
    .join(' ')}]`;
}

/**
 * Statistics: A, C, E, S, N and the two decision nominations are donvi1's (C and the signed decision's
 * recipient awarded), B donvi3's, D donvi4's (cluster cum2, as donvi3).
 */
function statisticsAnswers(): Expected {
  const province = '200 province nominations:9 awards:2';
  return {
    ...all(province),
    anonymous: '200 public nominations:- awards:2',
    'canbo.donvi1': '200 scope nominations:7 awards:2',
    'thutruong.donvi1': '200 scope nominations:7 awards:2',
    'canbo.donvi3': '200 scope nominations:1 awards:0',
    'thutruong.donvi3': '200 scope nominations:1 awards:0',
    'truongcum.cum1': '200 scope nominations:7 awards:2',
    'truongcum.cum2': '200 scope nominations:2 awards:0',
    'canbo.donvi4': '200 scope nominations:1 awards:0',
  };
}

/**
 * Inclusion proofs of a nomination's events: its readers (the unit's staff and cluster leader given,
 * and the province's oversight) 200 with `events` proofs and no salt anywhere; other officials 404; the public 401.
 */
function nominationProofReaders(local: Reader[], events: number): Expected {
  const oversight: Reader[] = ['thuky', 'chutich', 'thanhtra', ...ALL_USERS.filter((u) => u.startsWith('hoidong'))];
  const answer = `200 proofs:${events} salt:absent`;
  return { ...all('404'), anonymous: '401', ...Object.fromEntries([...local, ...oversight].map((r) => [r, answer])) };
}

function proofSummary(b: any): string {
  const proofs = b.events ? b.events.length : 1;
  return `proofs:${proofs} salt:${/salt/i.test(JSON.stringify(b)) ? 'SHOWN' : 'absent'}`;
}

/** Consistency proofs: the inspector and the council secretary 200, other officials 403, the public 401. */
function proofReaders(): Expected {
  return { ...all('403'), anonymous: '401', thuky: '200', thanhtra: '200' };
}

/** Draft decisions: those who read every nomination (the council, its secretary, the Chairman, the inspector). */
function decisionCircle(answer: string): Partial<Expected> {
  return Object.fromEntries(['thuky', 'hoidong1', ...VOTERS_FOR_DONVI1, 'thanhtra'].map((r) => [r, answer]));
}

/** Council sessions: the council, its secretary, the Chairman and the inspector; others 403, the public 401. */
/** Readers of B (donvi3, cluster cum2): its unit, its cluster's leader and the province-wide readers. */
function readersOfB(): Expected {
  const outside = ['canbo.donvi1', 'thutruong.donvi1', 'truongcum.cum1', 'canbo.donvi4'];
  return { ...all('200'), anonymous: '401', ...Object.fromEntries(outside.map((r) => [r, '404'])) };
}

function sessionReaders(answer: string): Expected {
  const readers = ['thuky', 'hoidong1', ...VOTERS_FOR_DONVI1, 'thanhtra'];
  return { ...all('403'), anonymous: '401', ...Object.fromEntries(readers.map((r) => [r, answer])) };
}

/** The public registry: everyone reads it; the identifier is absent for the public, masked for officials without need. */
function registryAnswers(): Expected {
  return {
    anonymous: '200 C:absent',
    'canbo.donvi1': '200 C:whole',
    'thutruong.donvi1': '200 C:whole',
    'canbo.donvi3': '200 C:masked',
    'thutruong.donvi3': '200 C:masked',
    'truongcum.cum1': '200 C:masked',
    'truongcum.cum2': '200 C:masked',
    thuky: '200 C:whole',
    hoidong1: '200 C:masked',
    hoidong2: '200 C:masked',
    hoidong3: '200 C:masked',
    hoidong4: '200 C:masked',
    hoidong5: '200 C:masked',
    hoidong6: '200 C:masked',
    hoidong7: '200 C:masked',
    hoidong8: '200 C:masked',
    hoidong9: '200 C:masked',
    hoidong10: '200 C:masked',
    chutich: '200 C:masked',
    thanhtra: '200 C:whole',
    'canbo.donvi4': '200 C:masked',
  };
}

async function getAs(reader: Reader, path: string) {
  return reader === 'anonymous' ? stack.http.get(path) : (await stack.as(reader)).get(path);
}

it('every GET endpoint of the OpenAPI document has a row in the table, and every row an endpoint', async () => {
  const doc = (await stack.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
    .filter((r) => r.startsWith('GET '))
    .sort();
  expect(routes).toEqual(Object.keys(TABLE).sort());
});

describe('each read endpoint answers each reader as the policy says', () => {
  it.each(Object.keys(TABLE))('%s', async (route) => {
    for (const probe of TABLE[route]) {
      const path = probe.path();
      const actual = {} as Expected;
      for (const reader of READERS) {
        const res = await getAs(reader, path);
        actual[reader] =
          res.status === 200 && probe.summary ? `${res.status} ${probe.summary(res.body)}` : String(res.status);
      }
      expect({ path, answers: actual }).toEqual({ path, answers: probe.expected });
    }
  });
});

it('a 404 for a nomination out of scope is the same answer as for one that does not exist', async () => {
  const outside = await (await stack.as('canbo.donvi3')).get(`/api/nominations/${seeded.A.id}`);
  const unknown = await (await stack.as('canbo.donvi3')).get('/api/nominations/00000000-0000-4000-8000-000000000000');
  expect(outside.body).toEqual(unknown.body);
  const outsideAudit = await (await stack.as('canbo.donvi3')).get(`/api/nominations/${seeded.A.id}/audit`);
  expect(outsideAudit.body).toEqual(unknown.body);
  const asOf = `asOf=${encodeURIComponent(seededAt)}`;
  for (const path of [`?${asOf}`, `/audit?${asOf}`]) {
    const outsideThen = await (await stack.as('canbo.donvi3')).get(`/api/nominations/${seeded.A.id}${path}`);
    const unknownThen = await (
      await stack.as('canbo.donvi3')
    ).get(`/api/nominations/00000000-0000-4000-8000-000000000000${path}`);
    expect({ path, status: outsideThen.status, body: outsideThen.body }).toEqual({
      path,
      status: 404,
      body: unknownThen.body,
    });
  }
  // Proofs answer as the nomination does: the same 404 for one out of scope and one that does not exist.
  const proofsOf = async (id: string) => (await stack.as('canbo.donvi3')).get(`/api/nominations/${id}/proofs`);
  const [known, unknownProofs] = [await proofsOf(seeded.A.id), await proofsOf('00000000-0000-4000-8000-000000000000')];
  expect([known.status, known.body]).toEqual([404, unknownProofs.body]);
  const eventProof = await (await stack.as('canbo.donvi3')).get(`/api/audit/events/${firstEventOfA}/proof`);
  const unknownEvent = await (
    await stack.as('canbo.donvi3')
  ).get('/api/audit/events/00000000-0000-4000-8000-000000000000/proof');
  expect([eventProof.status, eventProof.body]).toEqual([404, unknownEvent.body]);
});
