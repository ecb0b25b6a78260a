import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chutich,
  hoidong1,
  hoidong3,
  thuky,
  thutruongDonvi1,
  thutruongDonvi3,
  truongcumCum1,
  truongcumCum2,
  canboDonvi1,
} from '@tdkt/domain/testing/fixtures';
import { SqliteEventStore } from '@tdkt/event-store';
import { mayReadNomination, readScopeOf } from '@tdkt/domain';
import {
  awaitingKeysFor,
  normaliseForSearch,
  ProjectionRunner,
  ReadModelQueries,
  type ReadModelDb,
} from '@tdkt/projections';
import { backends, type ReadModelBackend } from './support/read-model-backends';
import { NominationLog } from './support/nomination-log';
import { N, writeLaterEvents, writeScenario } from './support/scenario';

/**
 * The four read models, fed by the real runner from a real SQLite event store holding streams the
 * real domain decider wrote, read back through the queries the API uses. Same assertions on
 * SQLite and PostgreSQL.
 */
describe.each(backends)('Read models on %s', (_name, createBackend) => {
  let dir: string;
  let store: SqliteEventStore;
  let log: NominationLog;
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  let runner: ProjectionRunner;
  let queries: ReadModelQueries;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-projections-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    log = new NominationLog(store);
    await writeScenario(log);
    backend = createBackend();
    db = await backend.open();
    runner = new ProjectionRunner(db, store, { batchSize: 7 });
    await runner.start();
    await runner.ready;
    queries = new ReadModelQueries(db);
  });

  afterAll(async () => {
    await runner?.stop();
    await db?.close();
    await backend?.dispose();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const nomination = async (id: string) => {
    const view = await queries.getNomination(id);
    if (!view) throw new Error(`no status board row for ${id}`);
    return view;
  };

  const inboxOf = async (actor: Parameters<typeof awaitingKeysFor>[0]) =>
    (await queries.inbox(awaitingKeysFor(actor))).map((item) => [item.id, item.awaitingMe]);

  describe('status board', () => {
    it('shows an awarded nomination with its rounds, tally, outcome and decision', async () => {
      const an = await nomination(N.an);

      expect(an).toMatchObject({
        status: 'AWARDED',
        onHold: false,
        unitId: 'donvi1',
        clusterId: 'cum1',
        campaignId: 'dong-khoi-moi-2026',
        year: 2026,
        awardCode: 'BANG_KHEN_TINH',
        awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
        nomineeName: 'Nguyễn Văn An',
        nomineeKind: 'individual',
        round: 2,
        draftedBy: 'canbo.donvi1',
        draftedAt: '2026-11-02T02:00:00.000Z',
        updatedAt: '2026-11-25T02:00:00.000Z',
        stageSince: '2026-11-25T02:00:00.000Z',
        awaiting: [],
        councilOutcome: 'APPROVED',
        decisionNumber: '163/QĐ-UBND',
        signedAt: '2026-11-25T02:00:00.000Z',
        revision: 13,
      });
      expect(an.tally).toMatchObject({ members: 6, approve: 5, reject: 0, abstain: 0, recused: 1 });
      expect(an.tally!.approval).toBeCloseTo(5 / 6);
      expect(an.lastPosition).toBe(log.appended.filter((a) => a.nominationId === N.an).at(-1)!.position);
    });

    it('shows the stage each open nomination is in and whom it waits for', async () => {
      expect(await nomination(N.binh)).toMatchObject({
        status: 'COUNCIL_VOTING',
        awaiting: ['COUNCIL_MEMBER:hoidong1', 'COUNCIL_MEMBER:hoidong5', 'COUNCIL_MEMBER:chutich'],
        tally: null,
        councilOutcome: null,
      });
      expect(await nomination(N.duc)).toMatchObject({
        status: 'DRAFT',
        unitId: 'donvi3',
        awaiting: ['UNIT_HEAD:donvi3'],
        round: 0,
      });
      expect(await nomination(N.em)).toMatchObject({ status: 'WITHDRAWN', awaiting: [] });
      expect(await nomination(N.ha)).toMatchObject({
        status: 'RETURNED',
        round: 1,
        awaiting: ['UNIT_HEAD:donvi1', 'UNIT_OFFICER:donvi1'],
      });
    });

    it('keeps the stage of a nomination on hold and waits for the council secretary', async () => {
      expect(await nomination(N.cuc)).toMatchObject({
        status: 'CLUSTER_REVIEW',
        onHold: true,
        holdMatter: 'COMPLAINT',
        awaiting: ['COUNCIL_SECRETARY'],
      });
    });

    it('shows the due date and the escalation of an overdue stage', async () => {
      expect(await nomination(N.collective)).toMatchObject({
        status: 'CLUSTER_REVIEW',
        nomineeKind: 'collective',
        nomineeName: 'Phòng Giáo dục thường xuyên',
        awaiting: ['CLUSTER_LEADER:cum1'],
        dueAt: '2026-11-17T02:00:00.000Z',
        escalatedTo: 'COUNCIL_SECRETARY',
      });
    });

    it('lists and filters nominations by status, unit, cluster and campaign', async () => {
      const all = await queries.listNominations({ pageSize: 100 });
      expect(all.total).toBe(Object.keys(N).length);
      expect((await queries.listNominations({ status: 'AWARDED' })).items.map((n) => n.id).sort()).toEqual(
        [N.an, N.dao, N.dong].sort(),
      );
      expect((await queries.listNominations({ unitId: 'donvi3' })).items.map((n) => n.id).sort()).toEqual(
        [N.binh, N.dao, N.duc].sort(),
      );
      expect((await queries.listNominations({ clusterId: 'cum2', status: ['DRAFT', 'COUNCIL_VOTING'] })).total).toBe(2);
      expect((await queries.listNominations({ campaignId: 'dong-khoi-moi-2025' })).items.map((n) => n.id)).toEqual([
        N.dong,
      ]);
      expect((await queries.listNominations({ onHold: true })).items.map((n) => n.id)).toEqual([N.cuc]);
      const page2 = await queries.listNominations({ pageSize: 3, page: 2 });
      expect(page2).toMatchObject({ total: Object.keys(N).length, page: 2, pageSize: 3 });
      expect(page2.items).toHaveLength(3);
    });

    it('finds nominations by words typed without diacritics, all of them required, and counts only those', async () => {
      const ids = async (text: string) =>
        (await queries.listNominations({ text, pageSize: 100 })).items.map((n) => n.id);
      expect(await ids('nguyen van an')).toEqual([N.an]);
      expect(await ids('DAO tran')).toEqual([N.dao]);
      expect(await ids('do minh duc')).toEqual([N.duc]);
      expect((await ids('163/qđ')).sort()).toEqual([N.an, N.dong].sort());
      const all = (await queries.listNominations({ pageSize: 100 })).items;
      const ofAward = all.filter((n) => normaliseForSearch(n.awardName).includes('bang khen')).map((n) => n.id);
      expect(ofAward.length).toBeGreaterThan(0);
      expect((await ids('Bằng KHEN')).sort()).toEqual(ofAward.sort());
      expect(await ids('thuong xuyen giao duc')).toEqual([N.collective]);
      expect(await ids('nguyen cuc')).toEqual([]);
      expect(await ids('100%')).toEqual([]);
      const vanPage = await queries.listNominations({ text: 'van', pageSize: 2 });
      expect({ total: vanPage.total, shown: vanPage.items.length }).toEqual({
        total: [N.an, N.binh, N.em].length,
        shown: 2,
      });
    });

    it('sorts by the name without diacritics, and by due date with undated rows last either way', async () => {
      const all = (await queries.listNominations({ pageSize: 100 })).items;
      const fold = (s: string | null) => normaliseForSearch(s);
      const byName = (await queries.listNominations({ sort: { by: 'nominee', direction: 'asc' }, pageSize: 100 }))
        .items;
      expect(byName.map((n) => fold(n.nomineeName))).toEqual(all.map((n) => fold(n.nomineeName)).sort());
      // "Đỗ" sorts as "do", before "Hồ" (by code point "Đ" would come after every Latin letter).
      expect(byName.findIndex((n) => n.id === N.duc)).toBeLessThan(byName.findIndex((n) => n.id === N.em));
      const descending = (
        await queries.listNominations({ sort: { by: 'nominee', direction: 'desc' }, pageSize: 100 })
      ).items.map((n) => fold(n.nomineeName));
      expect(descending).toEqual(byName.map((n) => fold(n.nomineeName)).reverse());
      for (const direction of ['asc', 'desc'] as const) {
        const due = (await queries.listNominations({ sort: { by: 'due', direction }, pageSize: 100 })).items;
        const dated = due.filter((n) => n.dueAt !== null);
        expect(dated.length).toBeGreaterThan(0);
        expect(due.slice(0, dated.length)).toEqual(dated);
      }
      const page1 = await queries.listNominations({ sort: { by: 'nominee', direction: 'asc' }, pageSize: 3 });
      expect(page1.items.map((n) => n.id)).toEqual(byName.slice(0, 3).map((n) => n.id));
    });

    it('lists only the reader’s scope, counted in SQL: the total is what the pages show', async () => {
      const everything = (await queries.listNominations({ pageSize: 100 })).items;
      for (const reader of [canboDonvi1, thutruongDonvi3, truongcumCum1, truongcumCum2, thuky]) {
        const scope = readScopeOf(reader);
        const visible = everything.filter((n) => mayReadNomination(reader, n)).map((n) => n.id);
        const pages = [1, 2, 3, 4].map((page) => queries.listNominations({ scope, pageSize: 3, page }));
        const shown = (await Promise.all(pages)).flatMap((p) => p.items.map((n) => n.id));
        const first = await queries.listNominations({ scope, pageSize: 3 });
        expect({ reader: reader.userId, total: first.total, shown: shown.sort() }).toEqual({
          reader: reader.userId,
          total: visible.length,
          shown: [...visible].sort(),
        });
      }
      expect((await queries.listNominations({ scope: readScopeOf(canboDonvi1), unitId: 'donvi3' })).total).toBe(0);
      expect((await queries.listNominations({ scope: readScopeOf(undefined) })).total).toBe(0);
      expect(await queries.inbox(awaitingKeysFor(thutruongDonvi3), 100, readScopeOf(canboDonvi1))).toEqual([]);
      expect((await queries.inbox(['UNIT_HEAD:donvi1'], 100, readScopeOf(truongcumCum1))).map((i) => i.id)).toEqual([
        N.ha,
      ]);
    });
  });

  describe('audit trail', () => {
    it('lists every event of a nomination in order with what, who, role, unit, when and reason', async () => {
      const trail = await queries.getAuditTrail(N.an);

      expect(
        trail.map((e) => [e.revision, e.eventType, e.actorId, e.actorRole, e.actorUnitId ?? null, e.occurredAt]),
      ).toEqual([
        [0, 'NominationDrafted', 'canbo.donvi1', 'UNIT_OFFICER', 'donvi1', '2026-11-02T02:00:00.000Z'],
        [1, 'NominationSubmitted', 'thutruong.donvi1', 'UNIT_HEAD', 'donvi1', '2026-11-03T02:00:00.000Z'],
        [2, 'NominationReturnedForRevision', 'truongcum.cum1', 'CLUSTER_LEADER', 'donvi2', '2026-11-04T02:00:00.000Z'],
        [3, 'NominationResubmitted', 'thutruong.donvi1', 'UNIT_HEAD', 'donvi1', '2026-11-05T02:00:00.000Z'],
        [4, 'ClusterEndorsed', 'truongcum.cum1', 'CLUSTER_LEADER', 'donvi2', '2026-11-06T02:00:00.000Z'],
        [5, 'CouncilVotingOpened', 'thuky', 'COUNCIL_SECRETARY', null, '2026-11-10T02:00:00.000Z'],
        [6, 'CouncilMemberRecused', 'hoidong1', 'COUNCIL_MEMBER', 'donvi1', '2026-11-11T02:00:00.000Z'],
        [7, 'CouncilVoteCast', 'hoidong2', 'COUNCIL_MEMBER', 'donvi2', '2026-11-12T02:00:00.000Z'],
        [8, 'CouncilVoteCast', 'hoidong3', 'COUNCIL_MEMBER', 'donvi3', '2026-11-12T02:00:00.000Z'],
        [9, 'CouncilVoteCast', 'hoidong4', 'COUNCIL_MEMBER', 'donvi4', '2026-11-12T02:00:00.000Z'],
        [10, 'CouncilVoteCast', 'hoidong5', 'COUNCIL_MEMBER', null, '2026-11-12T02:00:00.000Z'],
        [11, 'CouncilVoteCast', 'chutich', 'COUNCIL_MEMBER', null, '2026-11-12T02:00:00.000Z'],
        [12, 'CouncilVotingClosed', 'thuky', 'COUNCIL_SECRETARY', null, '2026-11-20T02:00:00.000Z'],
        [13, 'AwardDecisionSigned', 'chutich', 'CHAIRMAN', null, '2026-11-25T02:00:00.000Z'],
      ]);
      const positions = trail.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(trail[2]).toMatchObject({ reason: 'Thiếu minh chứng sáng kiến', actorClusterId: 'cum1' });
      expect(trail[4]).toMatchObject({
        reason: 'Thành tích tiêu biểu của cụm',
        comment: 'Thành tích tiêu biểu của cụm',
      });
      expect(trail[0].reason).toBeNull();
      expect(trail[4].summary).toBe('Trưởng cụm thi đua đồng ý đề nghị');
      expect(trail[13].summary).toBe('Chủ tịch UBND tỉnh ký quyết định khen thưởng số 163/QĐ-UBND');
      expect(trail[13].data).toMatchObject({ decisionNumber: '163/QĐ-UBND', nominee: { name: 'Nguyễn Văn An' } });
      expect(trail.every((e) => e.correlationId === N.an && e.causationId)).toBe(true);
    });

    it('records the reason of a hold and of a withdrawal, and votes cast in writing', async () => {
      const cuc = await queries.getAuditTrail(N.cuc);
      expect(cuc.at(-1)).toMatchObject({
        eventType: 'NominationPutOnHold',
        actorId: 'thuky',
        reason: 'Có đơn khiếu nại về thành tích',
      });
      const em = await queries.getAuditTrail(N.em);
      expect(em.at(-1)).toMatchObject({
        eventType: 'NominationWithdrawn',
        actorId: 'thutruong.donvi1',
        actorRole: 'UNIT_HEAD',
        reason: 'Đơn vị rút đề nghị',
      });
      const dao = await queries.getAuditTrail(N.dao);
      expect(dao.find((e) => e.actorId === 'hoidong2')?.summary).toBe(
        'Thành viên hội đồng biểu quyết đồng ý (bằng văn bản)',
      );
      expect(dao.find((e) => e.eventType === 'CouncilVotingClosed')).toMatchObject({
        actorId: 'system',
        actorRole: 'SYSTEM',
      });
    });

    it('has exactly one entry per nomination event in the log', async () => {
      const entries = (await Promise.all(Object.values(N).map((id) => queries.getAuditTrail(id)))).flat();
      expect(entries.map((e) => e.position).sort((a, b) => a - b)).toEqual(log.appended.map((a) => a.position));
    });
  });

  describe('award registry', () => {
    it('lists signed awards with recipient, award, decision number, signing date, campaign and unit', async () => {
      const registry = await queries.searchRegistry({});

      expect(registry.total).toBe(3);
      expect(
        registry.items.map((a) => [
          a.nomineeName,
          a.awardCode,
          a.decisionNumber,
          a.signedAt,
          a.campaignId,
          a.unitId,
          a.year,
          a.revoked,
        ]),
      ).toEqual([
        [
          'Trần Thị Đào',
          'BANG_KHEN_TINH',
          '164/QĐ-UBND',
          '2026-11-26T02:00:00.000Z',
          'dong-khoi-moi-2026',
          'donvi3',
          2026,
          false,
        ],
        [
          'Nguyễn Văn An',
          'BANG_KHEN_TINH',
          '163/QĐ-UBND',
          '2026-11-25T02:00:00.000Z',
          'dong-khoi-moi-2026',
          'donvi1',
          2026,
          false,
        ],
        [
          'Võ Thị Đông',
          'BANG_KHEN_TINH',
          '163/QĐ-UBND',
          '2025-10-07T02:00:00.000Z',
          'dong-khoi-moi-2025',
          'donvi1',
          2025,
          false,
        ],
      ]);
      expect(registry.items[1]).toMatchObject({
        awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
        signedBy: 'chutich',
        cashMultiple: 1,
        nomineeKind: 'individual',
      });
    });

    it('filters by year, award and unit', async () => {
      expect((await queries.searchRegistry({ year: 2025 })).items.map((a) => a.nominationId)).toEqual([N.dong]);
      expect((await queries.searchRegistry({ unitId: 'donvi3' })).items.map((a) => a.nominationId)).toEqual([N.dao]);
      expect((await queries.searchRegistry({ awardCode: 'CSTD_TINH' })).total).toBe(0);
      expect((await queries.searchRegistry({ awardCode: 'BANG_KHEN_TINH', year: 2026 })).total).toBe(2);
    });

    it('searches names ignoring Vietnamese diacritics and case, đ and Đ included', async () => {
      const found = async (q: string) => (await queries.searchRegistry({ q })).items.map((a) => a.nomineeName);

      expect(await found('nguyen van an')).toEqual(['Nguyễn Văn An']);
      expect(await found('NGUYEN VAN AN')).toEqual(['Nguyễn Văn An']);
      expect(await found('Nguyễn Văn An')).toEqual(['Nguyễn Văn An']);
      expect(await found('nguyễn văn ăn')).toEqual(['Nguyễn Văn An']);
      expect(await found('tran thi dao')).toEqual(['Trần Thị Đào']);
      expect(await found('dao')).toEqual(['Trần Thị Đào']);
      expect(await found('ĐÀO')).toEqual(['Trần Thị Đào']);
      expect(await found('đông')).toEqual(['Võ Thị Đông']);
      expect(await found('DONG')).toEqual(['Võ Thị Đông']);
      expect(await found('van')).toEqual(['Nguyễn Văn An']);
      expect(await found('an nguyen')).toEqual(['Nguyễn Văn An']);
      expect(await found('le van binh')).toEqual([]); // not awarded
      expect(await found('lan')).toEqual([]); // words match from their start: "an" is not "lan"
      expect(await found('100%')).toEqual([]);
    });

    it('finds a decision by its number with or without diacritics and case, the latest year first', async () => {
      for (const number of ['163/QĐ-UBND', '163/qd-ubnd', '163/QD-UBND']) {
        const decision = await queries.getAwardByDecisionNumber(number);
        expect(decision).toMatchObject({
          decisionNumber: '163/QĐ-UBND',
          year: 2026,
          signedBy: 'chutich',
          otherYears: [2025],
        });
        expect(decision!.awards.map((a) => a.nomineeName)).toEqual(['Nguyễn Văn An']);
      }
      const in2025 = await queries.getAwardByDecisionNumber('163/QĐ-UBND', 2025);
      expect(in2025).toMatchObject({ year: 2025, signedAt: '2025-10-07T02:00:00.000Z', otherYears: [2026] });
      expect(in2025!.awards.map((a) => a.nomineeName)).toEqual(['Võ Thị Đông']);
      expect(await queries.getAwardByDecisionNumber('163/QĐ-UBND', 2024)).toBeNull();
      expect(await queries.getAwardByDecisionNumber('999/QĐ-UBND')).toBeNull();
      expect((await queries.searchRegistry({ q: '163/qd-ubnd' })).items.map((a) => a.nominationId)).toEqual([
        N.an,
        N.dong,
      ]);
      expect((await queries.searchRegistry({ q: '163/qd-ubnd', year: 2025 })).items.map((a) => a.nominationId)).toEqual(
        [N.dong],
      );
    });
  });

  describe('inbox (awaiting me)', () => {
    it('gives each user the nominations waiting for their role and scope', async () => {
      expect(await inboxOf(truongcumCum1)).toEqual([[N.collective, ['CLUSTER_LEADER:cum1']]]);
      expect(await inboxOf(truongcumCum2)).toEqual([]);
      expect(await inboxOf(thutruongDonvi3)).toEqual([[N.duc, ['UNIT_HEAD:donvi3']]]);
      expect(await inboxOf(thutruongDonvi1)).toEqual([[N.ha, ['UNIT_HEAD:donvi1']]]);
      expect(await inboxOf(canboDonvi1)).toEqual([[N.ha, ['UNIT_OFFICER:donvi1']]]);
      expect(await inboxOf(thuky)).toEqual([[N.cuc, ['COUNCIL_SECRETARY']]]);
      expect(await inboxOf(hoidong1)).toEqual([[N.binh, ['COUNCIL_MEMBER:hoidong1']]]);
      expect(await inboxOf(hoidong3)).toEqual([]); // recused
      expect(await inboxOf(chutich)).toEqual([[N.binh, ['COUNCIL_MEMBER:chutich']]]);
    });

    it('filters the nomination list to what awaits the caller', async () => {
      const mine = await queries.listNominations({ awaitingKeys: awaitingKeysFor(hoidong1) });
      expect(mine.items.map((n) => n.id)).toEqual([N.binh]);
      expect((await queries.listNominations({ awaitingKeys: [] })).total).toBe(0);
    });
  });

  describe('after later events arrive live', () => {
    beforeAll(async () => {
      await writeLaterEvents(log);
      await runner.waitForPosition(await store.headPosition(), 30_000);
    });

    it('flags a revoked award in the registry with its ground and hides it from the default search', async () => {
      expect(await nomination(N.dao)).toMatchObject({ status: 'REVOKED', decisionNumber: '164/QĐ-UBND', awaiting: [] });
      expect((await queries.searchRegistry({ q: 'dao' })).items).toEqual([]);
      const withRevoked = await queries.searchRegistry({ q: 'tran thi dao', includeRevoked: true });
      expect(withRevoked.items).toEqual([
        expect.objectContaining({
          nominationId: N.dao,
          revoked: true,
          revokedAt: '2027-03-01T02:00:00.000Z',
          revokedBy: 'chutich',
          revocationGround: 'DISHONEST_DECLARATION',
          revocationReason: 'Kê khai thành tích không trung thực',
        }),
      ]);
      const decision = await queries.getAwardByDecisionNumber('164/QĐ-UBND');
      expect(decision!.awards.map((a) => [a.nominationId, a.revoked])).toEqual([[N.dao, true]]);
      const trail = await queries.getAuditTrail(N.dao);
      expect(trail.at(-1)).toMatchObject({
        eventType: 'AwardRevoked',
        actorId: 'chutich',
        actorRole: 'CHAIRMAN',
        occurredAt: '2027-03-01T02:00:00.000Z',
        reason: 'Kê khai thành tích không trung thực',
      });
    });

    it('moves a submitted draft from the unit head to the cluster leader', async () => {
      expect(await nomination(N.duc)).toMatchObject({ status: 'CLUSTER_REVIEW', awaiting: ['CLUSTER_LEADER:cum2'] });
      expect(await inboxOf(thutruongDonvi3)).toEqual([]);
      expect(await inboxOf(truongcumCum2)).toEqual([[N.duc, ['CLUSTER_LEADER:cum2']]]);
    });
  });
});
