/**
 * Campaigns as the office runs them, over HTTP against the whole system: created, launched with its
 * document, registered by its units, opened for nominations and closed; the deadline at submission
 * (one-off excepted); the cluster's year-end scoring and ranking, and the flag and certificate
 * nominations drafted from it. Refusals carry their code and append nothing.
 */
import { startStack, type Stack } from './support/stack';

let stack: Stack;
const ID = 'thi-dua-cum1-2026';
const TABLE = [
  { code: 'NHIEM_VU', name: 'Hoàn thành nhiệm vụ được giao', weight: 0.7, maxScore: 100 },
  { code: 'PHONG_TRAO', name: 'Tổ chức phong trào thi đua', weight: 0.3, maxScore: 100 },
];
const campaign = (o: Record<string, unknown> = {}) => ({
  id: ID,
  name: 'Phong trào thi đua khối sở, ngành văn hóa – xã hội năm 2026',
  kind: 'ANNUAL',
  year: 2026,
  period: { start: '2026-01-01', end: '2026-12-31' },
  submissionDeadline: '2099-12-31T17:00:00+07:00',
  criteria: 'Hoàn thành xuất sắc nhiệm vụ chính trị; nhân rộng điển hình tiên tiến',
  awardCodes: ['TAP_THE_LDXS', 'CO_THI_DUA_TINH', 'BANG_KHEN_TINH'],
  participants: { clusterIds: ['cum1'] },
  scoringTable: TABLE,
  ...o,
});

beforeAll(async () => {
  // Sở Y tế's emulation officer, to draft the certificate the cluster proposes for it.
  stack = await startStack({
    users: [
      {
        username: 'canbo.donvi2',
        displayName: 'Cán bộ TĐKT Sở Y tế',
        email: 'canbo.donvi2@tdkt.example',
        roles: ['UNIT_OFFICER'],
        unitId: 'donvi2',
        clusterId: 'cum1',
      },
    ],
    // A campaign still declared in the organisation file (not a stream), closed there.
    campaigns: [
      {
        id: 'tep-da-dong-2025',
        name: 'Đợt thi đua khai trong tệp, đã kết thúc',
        year: 2025,
        submissionDeadline: '2099-12-31T17:00:00+07:00',
        open: false,
      },
    ],
  });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

async function refused(username: string, path: string, body: object, status: number, code: string) {
  const before = await stack.head();
  const res = await (await stack.as(username)).post(path, body);
  expect([res.status, res.body.code]).toEqual([status, code]);
  expect(await stack.head()).toBe(before);
  return res.body;
}

it('lists the demo campaigns seeded as events, with their kind and status', async () => {
  const list = (await (await stack.as('canbo.donvi1')).get('/api/campaigns')).body;
  expect(list.map((c: any) => [c.id, c.kind, c.status, c.source])).toEqual(
    expect.arrayContaining([
      ['dong-khoi-moi-2026', 'ANNUAL', 'NOMINATIONS_OPEN', 'EVENTS'],
      ['chung-suc-ntm-2026', 'THEMATIC', 'NOMINATIONS_OPEN', 'EVENTS'],
      ['test-campaign', 'ANNUAL', 'NOMINATIONS_OPEN', 'ORGANISATION_FILE'],
    ]),
  );
  const thematic = (await (await stack.as('thuky')).get('/api/campaigns/chung-suc-ntm-2026')).body;
  expect(thematic).toMatchObject({
    kind: 'THEMATIC',
    countsTowardHigherTitles: false,
    launchDocument: { number: '25/KH-UBND' },
  });
  expect((await (await stack.as('thuky')).get('/api/campaigns/khong-co')).status).toBe(404);
});

it('the office creates, launches and opens a campaign; units register; drafts follow its steps', async () => {
  await refused('thutruong.donvi1', '/api/campaigns', campaign(), 403, 'ROLE_REQUIRED');
  const bad = await (await stack.as('thuky')).post('/api/campaigns', campaign({ kind: 'YEARLY' }));
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: any) => e.field)).toEqual(['kind']);
  expect(await stack.command('thuky', '/api/campaigns', campaign(), 201)).toMatchObject({ id: ID, status: 'PLANNED' });

  await refused(
    'thutruong.donvi1',
    `/api/campaigns/${ID}/registrations`,
    { commitment: 'x', targetAwardCodes: ['TAP_THE_LDXS'] },
    409,
    'REGISTRATION_CLOSED',
  );
  expect(
    await stack.command('thuky', `/api/campaigns/${ID}/launch`, {
      document: { number: '15/KH-UBND', date: '2026-02-20' },
    }),
  ).toMatchObject({ status: 'REGISTRATION_OPEN' });
  const registration = {
    commitment: 'Hoàn thành xuất sắc 100% chỉ tiêu',
    targetAwardCodes: ['TAP_THE_LDXS', 'CO_THI_DUA_TINH'],
  };
  await stack.command('thutruong.donvi1', `/api/campaigns/${ID}/registrations`, registration, 201);
  await refused('thutruong.donvi3', `/api/campaigns/${ID}/registrations`, registration, 403, 'NOT_A_PARTICIPANT');
  const seen = (await (await stack.as('thuky')).get(`/api/campaigns/${ID}/registrations`)).body;
  expect(seen.registered.map((r: any) => [r.unitId, r.targetAwardCodes])).toEqual([
    ['donvi1', ['TAP_THE_LDXS', 'CO_THI_DUA_TINH']],
  ]);
  expect(seen.notRegistered.map((u: any) => u.unitId)).toEqual(['donvi2']);

  const title = {
    campaignId: ID,
    awardCode: 'TAP_THE_LDXS',
    nominee: { kind: 'collective', name: 'Phòng Giáo dục trung học', nomineeId: 'donvi1-gdth' },
    achievements: 'Tập thể hoàn thành xuất sắc nhiệm vụ',
  };
  await refused('canbo.donvi1', '/api/nominations', title, 409, 'CAMPAIGN_NOT_OPEN');
  expect(await stack.command('thuky', `/api/campaigns/${ID}/open-nominations`)).toMatchObject({
    status: 'NOMINATIONS_OPEN',
  });
  await stack.command('canbo.donvi1', '/api/nominations', title, 201);
  await refused(
    'canbo.donvi1',
    '/api/nominations',
    { ...title, awardCode: 'CSTD_TINH', nominee: { kind: 'individual', name: 'A' } },
    400,
    'AWARD_NOT_IN_CAMPAIGN',
  );
});

it('the cluster scores and ranks its units; the leading unit drafts the flag, the next one a certificate; a unit sees its own row', async () => {
  const scores = (a: number, b: number) => ({ NHIEM_VU: a, PHONG_TRAO: b });
  await refused(
    'truongcum.cum2',
    '/api/clusters/cum1/scorings',
    { campaignId: ID, unitId: 'donvi1', scores: scores(9, 9) },
    403,
    'OUT_OF_SCOPE',
  );
  await refused(
    'truongcum.cum1',
    '/api/clusters/cum1/scorings',
    { campaignId: ID, unitId: 'donvi1', scores: scores(101, 9) },
    400,
    'SCORE',
  );
  await stack.command(
    'truongcum.cum1',
    '/api/clusters/cum1/scorings',
    { campaignId: ID, unitId: 'donvi1', scores: scores(96, 90) },
    201,
  );
  await stack.command(
    'truongcum.cum1',
    '/api/clusters/cum1/scorings',
    { campaignId: ID, unitId: 'donvi2', scores: scores(90, 85) },
    201,
  );
  await refused('canbo.donvi1', '/api/clusters/cum1/scorings/2026/flag-nomination', {}, 409, 'NOT_A_LEADING_UNIT');
  const minutes = {
    number: '07/BB-CTĐ1',
    heldOn: '2026-12-08',
    summary: 'Cụm thống nhất: Sở Giáo dục và Đào tạo dẫn đầu',
  };
  await refused(
    'truongcum.cum1',
    '/api/clusters/cum1/scorings/2026/ranking',
    { ranking: ['donvi2'], leadingUnitIds: ['donvi2'], minutes },
    400,
    'RANKING',
  );
  // A certificate for the leading unit itself (not ranked after it) is no proposal the ranking allows.
  const wrong = await refused(
    'truongcum.cum1',
    '/api/clusters/cum1/scorings/2026/ranking',
    { ranking: ['donvi1', 'donvi2'], leadingUnitIds: ['donvi1'], certificateUnitIds: ['donvi1'], minutes },
    400,
    'RANKING',
  );
  expect(wrong.errors.map((e: any) => e.field)).toEqual(['certificateUnitIds']);
  expect(
    await stack.command('truongcum.cum1', '/api/clusters/cum1/scorings/2026/ranking', {
      ranking: ['donvi1', 'donvi2'],
      leadingUnitIds: ['donvi1'],
      certificateUnitIds: ['donvi2'],
      minutes,
    }),
  ).toMatchObject({ status: 'RANKED' });

  const whole = (await (await stack.as('thuky')).get('/api/clusters/cum1/scorings/2026')).body;
  expect(whole).toMatchObject({ campaignId: ID, status: 'RANKED', unitsScored: 2, minutes: { number: '07/BB-CTĐ1' } });
  expect(whole.units.map((u: any) => [u.unitId, u.total, u.rank, u.leading, u.certificate])).toEqual([
    ['donvi1', 94.2, 1, true, false],
    ['donvi2', 88.5, 2, false, true],
  ]);
  const own = (await (await stack.as('thutruong.donvi1')).get('/api/clusters/cum1/scorings/2026')).body;
  expect(own.units.map((u: any) => u.unitId)).toEqual(['donvi1']);
  expect((await (await stack.as('canbo.donvi3')).get('/api/clusters/cum1/scorings/2026')).status).toBe(404);

  // The flag: only from the ranking, for the leading unit itself; then the usual way (head submits, cluster proposes).
  await refused(
    'canbo.donvi1',
    '/api/nominations',
    {
      campaignId: ID,
      awardCode: 'CO_THI_DUA_TINH',
      nominee: { kind: 'collective', name: 'Sở Y tế', nomineeId: 'donvi2' },
      achievements: 'x',
    },
    409,
    'NOT_A_LEADING_UNIT',
  );
  const flag = await stack.command('canbo.donvi1', '/api/clusters/cum1/scorings/2026/flag-nomination', {}, 201);
  const drafted = (await stack.stream(flag.id))[0];
  expect(drafted.data).toMatchObject({
    award: { code: 'CO_THI_DUA_TINH' },
    nominee: { kind: 'collective', nomineeId: 'donvi1' },
    campaign: { id: ID },
  });
  expect((drafted.data as any).achievements).toContain('07/BB-CTĐ1');
  await stack.command('thutruong.donvi1', `/api/nominations/${flag.id}/submit`);
  expect(
    await stack.command('truongcum.cum1', `/api/nominations/${flag.id}/cluster-review`, { decision: 'endorse' }),
  ).toMatchObject({ status: 'OFFICE_CHECK' });

  // The certificate: for the unit ranked right after the leader, drafted by its own officer; not for the leader.
  await refused(
    'canbo.donvi1',
    '/api/clusters/cum1/scorings/2026/certificate-nomination',
    {},
    409,
    'NOT_PROPOSED_FOR_CERTIFICATE',
  );
  const certificate = await stack.command(
    'canbo.donvi2',
    '/api/clusters/cum1/scorings/2026/certificate-nomination',
    {},
    201,
  );
  const certificateDraft = (await stack.stream(certificate.id))[0];
  expect(certificateDraft.data).toMatchObject({
    award: { code: 'BANG_KHEN_TINH' },
    nominee: { kind: 'collective', nomineeId: 'donvi2' },
    campaign: { id: ID },
  });
  expect((certificateDraft.data as any).achievements).toContain('xếp hạng 2/2');
  // Asked again, the same draft (keyed by cluster, year and unit), nothing appended.
  const head = await stack.head();
  expect(
    (await stack.command('canbo.donvi2', '/api/clusters/cum1/scorings/2026/certificate-nomination', {}, 201)).id,
  ).toBe(certificate.id);
  expect(await stack.head()).toBe(head);
});

it('a closed campaign refuses drafts when drafted; after the deadline a submission is refused, a one-off is not', async () => {
  expect(await stack.command('thuky', `/api/campaigns/${ID}/close`)).toMatchObject({ status: 'CLOSED' });
  await refused(
    'canbo.donvi1',
    '/api/nominations',
    {
      campaignId: ID,
      awardCode: 'BANG_KHEN_TINH',
      nominee: { kind: 'individual', name: 'Lê Văn Năm' },
      achievements: 'x',
    },
    409,
    'CAMPAIGN_CLOSED',
  );
  // A campaign declared in the organisation file with open: false refuses drafts the same way.
  await refused(
    'canbo.donvi1',
    '/api/nominations',
    {
      campaignId: 'tep-da-dong-2025',
      awardCode: 'BANG_KHEN_TINH',
      nominee: { kind: 'individual', name: 'Lê Văn Năm' },
      achievements: 'x',
    },
    409,
    'CAMPAIGN_CLOSED',
  );

  const late = 'da-het-han-2026';
  await stack.command(
    'thuky',
    '/api/campaigns',
    campaign({ id: late, submissionDeadline: '2026-01-31T17:00:00+07:00', participants: {} }),
    201,
  );
  await stack.command('thuky', `/api/campaigns/${late}/launch`, {
    document: { number: '2/KH-UBND', date: '2026-01-02' },
  });
  await stack.command('thuky', `/api/campaigns/${late}/open-nominations`);
  const a = await stack.draft({ campaignId: late, nominee: { kind: 'individual', name: 'Võ Thị Sáu' } });
  await refused('thutruong.donvi1', `/api/nominations/${a}/submit`, {}, 409, 'SUBMISSIONS_CLOSED');
  expect(await stack.command('thutruong.donvi1', `/api/nominations/${a}/submit`, { oneOff: true })).toMatchObject({
    status: 'OFFICE_CHECK',
  });
});
