/**
 * The whole embedded system over HTTP: a nomination taken from draft to the award registry by the
 * demo users, what each of them then reads (status, inbox, audit trail, registry), and the other
 * paths (return and resubmit, hold, withdraw, decline, revocation, concurrent votes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelQueries, SqliteReadModelDb, rebuild } from '@tdkt/projections';
import { startStack, VOTERS_FOR_DONVI1, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a nomination from draft to the award registry', () => {
  let id: string;
  let decisionNumber: string;

  it('is drafted by the unit officer and shows at once as a draft awaiting the unit head', async () => {
    const created = await stack.command(
      'canbo.donvi1',
      '/api/nominations',
      {
        campaignId: 'test-campaign',
        awardCode: 'BANG_KHEN_TINH',
        nominee: { kind: 'individual', name: 'Nguyễn Thị Ánh Tuyết', position: 'Giáo viên Trường THPT Chuyên Bến Tre' },
        achievements: 'Hoàn thành xuất sắc nhiệm vụ 2 năm liên tục; sáng kiến cấp tỉnh',
        documents: ['to-trinh.pdf'],
      },
      201,
    );
    id = created.id;
    expect(created).toMatchObject({ status: 'DRAFT', onHold: false, revision: 0 });
    expect(created.position).toBeGreaterThan(0);

    const detail = await (await stack.as('thanhtra')).get(`/api/nominations/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id,
      status: 'DRAFT',
      unitId: 'donvi1',
      clusterId: 'cum1',
      nomineeName: 'Nguyễn Thị Ánh Tuyết',
      awaiting: ['UNIT_HEAD:donvi1'],
    });

    const inbox = await (await stack.as('thutruong.donvi1')).get('/api/nominations?awaitingMe=true');
    expect(inbox.body.items.map((n: { id: string }) => n.id)).toContain(id);
    const notMine = await (await stack.as('thutruong.donvi3')).get('/api/nominations?awaitingMe=true');
    expect(notMine.body.items.map((n: { id: string }) => n.id)).not.toContain(id);
  });

  it('is edited by the officer, submitted by the unit head and endorsed by its cluster leader', async () => {
    const patch = await (
      await stack.as('canbo.donvi1')
    ).patch(`/api/nominations/${id}`, { achievements: 'Bổ sung: Chiến sĩ thi đua cơ sở 2024, 2025' });
    expect(patch.status).toBe(200);
    expect((await (await stack.as('canbo.donvi1')).get(`/api/nominations/${id}`)).body.achievements).toBe(
      'Bổ sung: Chiến sĩ thi đua cơ sở 2024, 2025',
    );

    expect(await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`)).toMatchObject({
      status: 'CLUSTER_REVIEW',
    });
    const review = await (await stack.as('truongcum.cum1')).get(`/api/nominations/${id}`);
    expect(review.body).toMatchObject({
      status: 'CLUSTER_REVIEW',
      stage: 'CLUSTER_REVIEW',
      awaiting: ['CLUSTER_LEADER:cum1'],
    });
    expect(typeof review.body.dueAt).toBe('string');
    // The stage clock comes from the limits the draft recorded, and it is the workflow's own.
    const live = await stack.system.runtime.gateway.view(id);
    expect({ stage: review.body.stage, dueAt: review.body.dueAt, reminderAt: review.body.reminderAt }).toEqual({
      stage: live.stage,
      dueAt: live.dueAt,
      reminderAt: live.reminderAt,
    });
    const [drafted] = await stack.system.store.readStream(`nomination-${id}`, { maxCount: 1 });
    const { source: _source, ...limits } = stack.system.runtime.catalog.stageTimeLimits;
    expect((drafted.data as { stageLimits?: unknown }).stageLimits).toEqual({
      stageTimeLimits: limits,
      stageTimeUnit: stack.system.config.stageTimeUnit,
    });

    expect(
      await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, {
        decision: 'endorse',
        comment: 'Tiêu biểu của cụm',
      }),
    ).toMatchObject({
      status: 'OFFICE_CHECK',
    });
    const check = await (await stack.as('thuky')).get(`/api/nominations/${id}`);
    expect(check.body).toMatchObject({
      status: 'OFFICE_CHECK',
      stage: 'OFFICE_CHECK',
      awaiting: ['COUNCIL_SECRETARY'],
    });
    expect(await stack.officeCheck(id)).toMatchObject({ status: 'COUNCIL_VOTING' });
  });

  it('is voted on by the council: the colleague from the unit recuses, the others approve, voting closes itself', async () => {
    await stack.command('thuky', `/api/nominations/${id}/voting/open`);
    const open = await (await stack.as('hoidong2')).get(`/api/nominations/${id}`);
    expect(open.body.council).toMatchObject({ open: true, votesCast: 0 });
    expect(open.body.council.members).toHaveLength(11);

    await stack.command('hoidong1', `/api/nominations/${id}/recusal`, {
      comment: 'Cùng đơn vị với người được đề nghị',
    });
    let last: any;
    for (const m of VOTERS_FOR_DONVI1)
      last = await stack.command(m, `/api/nominations/${id}/votes`, { choice: 'approve' }, 201);
    expect(last.status).toBe('AWAITING_SIGNATURE');

    const closed = await (await stack.as('chutich')).get(`/api/nominations/${id}`);
    expect(closed.body).toMatchObject({
      status: 'AWAITING_SIGNATURE',
      councilOutcome: 'APPROVED',
      awaiting: ['CHAIRMAN'],
    });
    expect(closed.body.tally).toMatchObject({ members: 11, approve: 10, reject: 0, abstain: 0, recused: 1 });
  });

  it('is signed by the chairman with a decision number and enters the registry', async () => {
    const signed = await stack.command('chutich', `/api/nominations/${id}/signature`, { decision: 'sign' });
    expect(signed.status).toBe('AWARDED');
    expect(signed.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
    decisionNumber = signed.decisionNumber;

    const registry = await stack.http.get('/api/registry').query({ q: 'Ánh Tuyết' });
    expect(registry.status).toBe(200);
    expect(registry.body.items).toEqual([
      expect.objectContaining({
        nominationId: id,
        nomineeName: 'Nguyễn Thị Ánh Tuyết',
        awardCode: 'BANG_KHEN_TINH',
        decisionNumber,
        unitId: 'donvi1',
        revoked: false,
      }),
    ]);
    const decision = await stack.http.get(`/api/registry/${encodeURIComponent(decisionNumber)}`);
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({ decisionNumber, signedBy: 'chutich' });
    expect(decision.body.awards.map((a: { nominationId: string }) => a.nominationId)).toEqual([id]);
  });

  it('finds the award with or without Vietnamese diacritics and in any case, and not by a different name', async () => {
    for (const q of ['nguyen thi anh tuyet', 'NGUYỄN THỊ ÁNH TUYẾT', 'anh tuyet', 'Tuyết', 'bang khen']) {
      const res = await stack.http.get('/api/registry').query({ q });
      expect({ q, ids: res.body.items.map((a: { nominationId: string }) => a.nominationId) }).toEqual({
        q,
        ids: expect.arrayContaining([id]),
      });
    }
    for (const q of ['tuyen', 'Nguyễn Văn Bình']) {
      const res = await stack.http.get('/api/registry').query({ q });
      expect(res.body.items.map((a: { nominationId: string }) => a.nominationId)).not.toContain(id);
    }
    const byNumberWithoutAccents = await stack.http.get(
      `/api/registry/${encodeURIComponent(decisionNumber.replace('Đ', 'D'))}`,
    );
    expect(byNumberWithoutAccents.status).toBe(200);
    const slashKept = await stack.http.get(`/api/registry/${decisionNumber.replace('Đ', 'D').toLowerCase()}`);
    expect(slashKept.body.awards.map((a: { nominationId: string }) => a.nominationId)).toEqual([id]);
  });

  it('keeps an audit trail naming who did each step, in which role and for which unit', async () => {
    const res = await (await stack.as('thanhtra')).get(`/api/nominations/${id}/audit`);
    expect(res.status).toBe(200);
    const steps = res.body.map((e: any) => [e.eventType, e.actorId, e.actorRole, e.actorUnitId]);
    expect(steps).toEqual([
      ['NominationDrafted', 'canbo.donvi1', 'UNIT_OFFICER', 'donvi1'],
      ['NominationEdited', 'canbo.donvi1', 'UNIT_OFFICER', 'donvi1'],
      ['NominationSubmitted', 'thutruong.donvi1', 'UNIT_HEAD', 'donvi1'],
      ['ClusterEndorsed', 'truongcum.cum1', 'CLUSTER_LEADER', 'donvi2'],
      ['OfficeCheckPassed', 'thuky', 'COUNCIL_SECRETARY', null],
      ['CouncilVotingOpened', 'thuky', 'COUNCIL_SECRETARY', null],
      ['CouncilMemberRecused', 'hoidong1', 'COUNCIL_MEMBER', 'donvi1'],
      ['CouncilVoteCast', 'hoidong2', 'COUNCIL_MEMBER', 'donvi2'],
      ['CouncilVoteCast', 'hoidong3', 'COUNCIL_MEMBER', 'donvi3'],
      ['CouncilVoteCast', 'hoidong4', 'COUNCIL_MEMBER', 'donvi4'],
      ['CouncilVoteCast', 'hoidong5', 'COUNCIL_MEMBER', null],
      ['CouncilVoteCast', 'hoidong6', 'COUNCIL_MEMBER', 'donvi2'],
      ['CouncilVoteCast', 'hoidong7', 'COUNCIL_MEMBER', 'donvi4'],
      ['CouncilVoteCast', 'hoidong8', 'COUNCIL_MEMBER', null],
      ['CouncilVoteCast', 'hoidong9', 'COUNCIL_MEMBER', null],
      ['CouncilVoteCast', 'hoidong10', 'COUNCIL_MEMBER', null],
      ['CouncilVoteCast', 'chutich', 'COUNCIL_MEMBER', null],
      ['CouncilVotingClosed', 'system', 'SYSTEM', null],
      ['AwardDecisionSigned', 'chutich', 'CHAIRMAN', null],
    ]);
    const recusal = res.body.find((e: any) => e.eventType === 'CouncilMemberRecused');
    expect(recusal).toMatchObject({
      reason: 'Cùng đơn vị với người được đề nghị',
      actorName: 'Ủy viên hội đồng 1 (Sở GD&ĐT)',
      actorRoleLabel: 'Thành viên hội đồng',
    });
    expect(res.body.find((e: any) => e.eventType === 'NominationSubmitted')).toMatchObject({
      actorUnitName: 'Sở Giáo dục và Đào tạo',
    });
    expect(res.body.every((e: any) => typeof e.occurredAt === 'string' && typeof e.summary === 'string')).toBe(true);
    // The trail is the stream, event for event.
    expect(res.body.map((e: any) => e.eventId)).toEqual((await stack.stream(id)).map((e) => e.id));
  });

  it('is revoked by the chairman on a legal ground, and the registry shows it revoked with the reason', async () => {
    const revoked = await stack.command('chutich', `/api/nominations/${id}/revocation`, {
      ground: 'CRITERIA_NOT_MET',
      reason: 'Kết luận thanh tra: chưa đủ tiêu chuẩn',
    });
    expect(revoked.status).toBe('REVOKED');
    const entry = (await stack.http.get('/api/registry').query({ q: 'anh tuyet' })).body.items.find(
      (a: any) => a.nominationId === id,
    );
    expect(entry).toMatchObject({
      revoked: true,
      revocationGround: 'CRITERIA_NOT_MET',
      revocationReason: 'Kết luận thanh tra: chưa đủ tiêu chuẩn',
      revokedBy: 'chutich',
    });
    const withoutRevoked = await stack.http.get('/api/registry').query({ q: 'anh tuyet', includeRevoked: 'false' });
    expect(withoutRevoked.body.items.map((a: any) => a.nominationId)).not.toContain(id);
  });
});

describe('other paths', () => {
  it('a returned nomination is revised and resubmitted (next round), keeping every round in the history', async () => {
    const id = await stack.draft({
      nominee: { kind: 'collective', name: 'Trường THCS Phú Hưng' },
      awardCode: 'TAP_THE_LDXS',
    });
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    expect(
      await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, {
        decision: 'return',
        comment: 'Bổ sung minh chứng',
      }),
    ).toMatchObject({
      status: 'RETURNED',
    });
    await (
      await stack.as('canbo.donvi1')
    )
      .patch(`/api/nominations/${id}`, { documents: ['to-trinh.pdf', 'minh-chung.pdf'] })
      .expect(200);
    expect(await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`)).toMatchObject({
      status: 'CLUSTER_REVIEW',
    });
    const detail = (await (await stack.as('truongcum.cum1')).get(`/api/nominations/${id}`)).body;
    expect(detail).toMatchObject({ round: 2, documents: ['to-trinh.pdf', 'minh-chung.pdf'] });
    const types = (await stack.stream(id)).map((e) => e.type);
    expect(types).toEqual([
      'NominationDrafted',
      'NominationSubmitted',
      'NominationReturnedForRevision',
      'NominationEdited',
      'NominationResubmitted',
    ]);
  });

  it('a one-off (đột xuất) nomination, declared by the unit head at submission, skips the cluster (to the office’s check, then the council), even in a closed campaign', async () => {
    const id = await stack.draft({
      campaignId: 'dong-khoi-moi-2025',
      nominee: { kind: 'individual', name: 'Lê Văn Tám' },
      achievements: 'Dũng cảm cứu người trong lũ',
    });
    expect(await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`, { oneOff: true })).toMatchObject({
      status: 'OFFICE_CHECK',
    });
    const submitted = (await stack.stream(id)).find((e) => e.type === 'NominationSubmitted');
    expect(submitted?.data).toMatchObject({ skippedClusterReview: true, oneOff: true });
    expect((await (await stack.as('thuky')).get(`/api/nominations/${id}`)).body).toMatchObject({
      oneOff: true,
      awaiting: ['COUNCIL_SECRETARY'],
    });

    const late = await stack.draft({
      campaignId: 'dong-khoi-moi-2025',
      nominee: { kind: 'individual', name: 'Lê Văn Chín' },
    });
    const refused = await (await stack.as('thutruong.donvi1')).post(`/api/nominations/${late}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SUBMISSIONS_CLOSED');
  });

  it('the unit officer cannot mark a draft one-off, and an award whose policy does not allow it is refused; nothing is appended', async () => {
    const before = await stack.head();
    const byOfficer = await (
      await stack.as('canbo.donvi1')
    ).post('/api/nominations', {
      campaignId: 'test-campaign',
      awardCode: 'BANG_KHEN_TINH',
      oneOff: true,
      nominee: { kind: 'individual', name: 'Lê Văn Mười' },
      achievements: 'Dũng cảm cứu người',
    });
    expect([byOfficer.status, byOfficer.body.code]).toEqual([403, 'ONE_OFF_NOT_ALLOWED']);
    expect(await stack.head()).toBe(before);
    const title = await stack.draft({ awardCode: 'TAP_THE_LDXS', nominee: { kind: 'collective', name: 'Tổ Toán' } });
    const head = await stack.head();
    const refused = await (
      await stack.as('thutruong.donvi1')
    ).post(`/api/nominations/${title}/submit`, { oneOff: true });
    expect([refused.status, refused.body.code]).toEqual([403, 'ONE_OFF_NOT_ALLOWED']);
    expect(refused.body.message).toContain('Tập thể lao động xuất sắc');
    expect(await stack.head()).toBe(head);
  });

  it('a user named as the nominee takes no step on their own nomination (403, nothing appended)', async () => {
    // The unit head named by account; and by the personId the organisation file gives him.
    for (const nominee of [
      { kind: 'individual', name: 'Lê Văn Hùng', userId: 'thutruong.donvi1' },
      { kind: 'individual', name: 'Lê Văn Hùng', nomineeId: 'cccd-083075000111' },
    ]) {
      const id = await stack.draft({ nominee });
      const head = await stack.head();
      const res = await (await stack.as('thutruong.donvi1')).post(`/api/nominations/${id}/submit`);
      expect([res.status, res.body.code]).toEqual([403, 'OWN_NOMINATION']);
      expect(await stack.head()).toBe(head);
    }
  });

  it('a nomination on hold refuses progress (409) until the secretary releases it', async () => {
    const id = await stack.toCouncilVoting();
    const held = await stack.command('thuky', `/api/nominations/${id}/hold`, {
      matter: 'COMPLAINT',
      comment: 'Có đơn khiếu nại',
    });
    expect(held).toMatchObject({ onHold: true, status: 'COUNCIL_VOTING' });
    const refused = await (await stack.as('thuky')).post(`/api/nominations/${id}/voting/open`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ON_HOLD');
    expect(
      (await (await stack.as('thuky')).get('/api/nominations?onHold=true')).body.items.map((n: any) => n.id),
    ).toContain(id);
    expect(await stack.command('thuky', `/api/nominations/${id}/release`, { comment: 'Đã giải quyết' })).toMatchObject({
      onHold: false,
    });
    // Released, the stage's limit has moved by the time on hold: the detail shows it as the workflow counts it.
    const released = (await (await stack.as('thuky')).get(`/api/nominations/${id}`)).body;
    const live = await stack.system.runtime.gateway.view(id);
    expect(released).toMatchObject({ stage: 'COUNCIL_VOTING', dueAt: live.dueAt, reminderAt: live.reminderAt });
    expect(live.dueAt).not.toBeNull();
    expect(await stack.command('thuky', `/api/nominations/${id}/voting/open`)).toMatchObject({
      status: 'COUNCIL_VOTING',
    });
  });

  it('the unit head withdraws a nomination before signature, and the chairman may decline to sign another', async () => {
    const withdrawn = await stack.toCouncilVoting();
    expect(
      await stack.command('thutruong.donvi1', `/api/nominations/${withdrawn}/withdraw`, {
        comment: 'Đơn vị rút hồ sơ',
      }),
    ).toMatchObject({ status: 'WITHDRAWN' });

    const declined = await stack.toAwaitingSignature();
    const res = await stack.command('chutich', `/api/nominations/${declined}/signature`, {
      decision: 'decline',
      comment: 'Chưa đủ căn cứ',
    });
    expect(res).toMatchObject({ status: 'REJECTED' });
    expect(res.decisionNumber).toBeUndefined();
  });

  it('concurrent votes are all counted', async () => {
    const id = await stack.toVotingOpen();
    await stack.command('hoidong1', `/api/nominations/${id}/recusal`);
    const choices = [
      'approve',
      'approve',
      'reject',
      'abstain',
      'approve',
      'approve',
      'approve',
      'approve',
      'approve',
      'approve',
    ];
    const results = await Promise.all(
      VOTERS_FOR_DONVI1.map(async (m, i) =>
        (await stack.as(m)).post(`/api/nominations/${id}/votes`, { choice: choices[i] }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(VOTERS_FOR_DONVI1.map(() => 201));
    const detail = (await (await stack.as('thuky')).get(`/api/nominations/${id}`)).body;
    expect(detail.tally).toMatchObject({ approve: 8, reject: 1, abstain: 1, recused: 1, members: 11 });
    const votes = (await stack.stream(id)).filter((e) => e.type === 'CouncilVoteCast').map((e) => e.metadata.actorId);
    expect(votes.sort()).toEqual([...VOTERS_FOR_DONVI1].sort());
  });

  it('a secret ballot keeps each member’s choice from everyone but the auditor', async () => {
    // Công dân Đồng Khởi: voted by secret ballot, no cluster review.
    const id = await stack.draft({
      awardCode: 'CONG_DAN_DONG_KHOI',
      nominee: { kind: 'individual', name: 'Huỳnh Tấn Phát' },
    });
    expect(await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`)).toMatchObject({
      status: 'OFFICE_CHECK',
    });
    await stack.officeCheck(id);
    await stack.command('thuky', `/api/nominations/${id}/voting/open`);
    await stack.command('hoidong1', `/api/nominations/${id}/recusal`);
    for (const m of VOTERS_FOR_DONVI1)
      await stack.command(m, `/api/nominations/${id}/votes`, { choice: m === 'hoidong3' ? 'reject' : 'approve' }, 201);
    const votesSeenBy = async (user: string) =>
      (await (await stack.as(user)).get(`/api/nominations/${id}/audit`)).body
        .filter((e: any) => e.eventType === 'CouncilVoteCast')
        .map((e: any) => [e.actorId, e.data.choice ?? null]);
    expect(await votesSeenBy('thanhtra')).toEqual(
      VOTERS_FOR_DONVI1.map((m) => [m, m === 'hoidong3' ? 'reject' : 'approve']),
    );
    for (const user of ['hoidong2', 'chutich', 'canbo.donvi1'])
      expect((await votesSeenBy(user)).map(([, choice]: [string, unknown]) => choice)).toEqual(
        VOTERS_FOR_DONVI1.map(() => null),
      );
    const summaries = (await (await stack.as('hoidong2')).get(`/api/nominations/${id}/audit`)).body
      .filter((e: any) => e.eventType === 'CouncilVoteCast')
      .map((e: any) => e.summary);
    expect(summaries.every((s: string) => !/đồng ý|không đồng ý/.test(s))).toBe(true);
    expect((await (await stack.as('chutich')).get(`/api/nominations/${id}`)).body.tally).toMatchObject({
      approve: 9,
      reject: 1,
    });
  });

  it('lists nominations by filter, page by page', async () => {
    const d3 = await stack.draft({ nominee: { kind: 'individual', name: 'Lê Thị Hồng' } }, 'canbo.donvi3');
    const viewer = await stack.as('thanhtra');
    const unit3 = (await viewer.get('/api/nominations?unit=donvi3')).body;
    expect(unit3.items.map((n: any) => n.id)).toEqual([d3]);
    const drafts = (await viewer.get('/api/nominations').query({ status: 'DRAFT', cluster: 'cum2' })).body;
    expect(drafts.items.map((n: any) => n.id)).toEqual([d3]);
    const all = (await viewer.get('/api/nominations?pageSize=100')).body;
    const page1 = (await viewer.get('/api/nominations?pageSize=2&page=1')).body;
    const page2 = (await viewer.get('/api/nominations?pageSize=2&page=2')).body;
    expect(page1).toMatchObject({ page: 1, pageSize: 2, total: all.total });
    expect([...page1.items, ...page2.items].map((n: any) => n.id)).toEqual(all.items.slice(0, 4).map((n: any) => n.id));
  });

  it('finds nominations typed without diacritics and sorts them by name, within the reader’s scope', async () => {
    const hong = await stack.draft({ nominee: { kind: 'individual', name: 'Trương Thị Hồng Đào' } }, 'canbo.donvi3');
    const inspector = await stack.as('thanhtra');
    const found = (await inspector.get('/api/nominations').query({ q: 'truong thi hong dao' })).body;
    expect({ total: found.total, ids: found.items.map((n: any) => n.id) }).toEqual({ total: 1, ids: [hong] });
    const unit1 = await stack.as('canbo.donvi1');
    expect((await unit1.get('/api/nominations').query({ q: 'hong dao' })).body.total).toBe(0);

    const sorted = (await inspector.get('/api/nominations').query({ sort: 'nominee:desc', pageSize: 200 })).body.items;
    const folded = sorted.map((n: any) =>
      String(n.nomineeName).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase(),
    );
    expect(folded).toEqual([...folded].sort().reverse());

    const refused = await inspector.get('/api/nominations').query({ sort: 'password' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('sort phải là một trong');
  });
});

describe('identity, reference data and health', () => {
  it('answers /health with 200 once store, Temporal, worker and projections are ready', async () => {
    const res = await stack.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({ store: true, temporal: true, projections: true, worker: true });
  });

  it('tells a user who they are, and serves the catalog, campaigns, units and clusters', async () => {
    const me = (await (await stack.as('truongcum.cum1')).get('/api/me')).body;
    expect(me).toMatchObject({ username: 'truongcum.cum1', roles: ['CLUSTER_LEADER'], clusterId: 'cum1' });
    const catalog = await stack.http.get('/api/catalog');
    expect(catalog.body.awards.map((a: any) => a.code)).toContain('BANG_KHEN_TINH');
    const u = await stack.as('thanhtra');
    expect((await u.get('/api/campaigns')).body.map((c: any) => c.id)).toContain('dong-khoi-moi-2026');
    expect((await u.get('/api/units')).body).toHaveLength(4);
    expect((await u.get('/api/clusters')).body).toEqual([
      expect.objectContaining({ id: 'cum1', unitIds: ['donvi1', 'donvi2'] }),
      expect.objectContaining({ id: 'cum2', unitIds: ['donvi3', 'donvi4'] }),
    ]);
    expect((await stack.http.get('/api/docs-json')).body.paths).toHaveProperty(['/api/nominations/{id}/signature']);
  });

  it('refuses requests without a valid token (401) and wrong passwords (401), then limits failed logins (429)', async () => {
    expect((await stack.http.get('/api/nominations')).status).toBe(401);
    expect((await stack.http.get('/api/me').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    expect((await stack.http.post('/api/nominations').send({})).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await stack.http.post('/api/auth/login').send({ username: 'hoidong5', password: 'wrong' })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await stack.http.post('/api/auth/login').send({ username: 'hoidong5', password: 'demo123' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another user from the same address is not affected.
    expect((await stack.http.post('/api/auth/login').send({ username: 'hoidong4', password: 'demo123' })).status).toBe(
      200,
    );
  });
});

describe('read models', () => {
  it('rebuilt from zero out of the same event log, they hold the same rows the live ones do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-rebuild-'));
    const db = await SqliteReadModelDb.open({ filename: join(dir, 'rebuilt.sqlite') });
    try {
      await stack.system.runtime.runner.waitForPosition(await stack.head());
      await rebuild(db, stack.system.store);
      const live = stack.system.runtime.queries;
      const rebuilt = new ReadModelQueries(db);
      const everything = { pageSize: 200 };
      const liveNominations = await live.listNominations(everything);
      expect(liveNominations.total).toBeGreaterThan(5);
      expect(await rebuilt.listNominations(everything)).toEqual(liveNominations);
      expect(await rebuilt.searchRegistry({ ...everything, includeRevoked: true })).toEqual(
        await live.searchRegistry({ ...everything, includeRevoked: true }),
      );
      for (const n of liveNominations.items) {
        expect(await rebuilt.getAuditTrail(n.id)).toEqual(await live.getAuditTrail(n.id));
        expect(await rebuilt.getNomination(n.id)).toEqual(await live.getNomination(n.id));
      }
      const keys = [
        'UNIT_HEAD:donvi1',
        'UNIT_HEAD:donvi3',
        'CLUSTER_LEADER:cum1',
        'COUNCIL_SECRETARY',
        'CHAIRMAN',
        'COUNCIL_MEMBER:hoidong2',
      ];
      expect(await rebuilt.inbox(keys)).toEqual(await live.inbox(keys));
      expect(await rebuilt.counts()).toEqual(await live.counts());
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
