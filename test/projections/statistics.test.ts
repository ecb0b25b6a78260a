import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evolve, initialState, type NominationEvent, type NominationState, type Nominee } from '@tdkt/domain';
import { SqliteEventStore, type RecordedEvent } from '@tdkt/event-store';
import {
  ProjectionRunner,
  queryStatistics,
  rebuild,
  StatisticsProjection,
  type ReadModelDb,
  type StatisticsFigures,
} from '@tdkt/projections';
import { NominationGenerator, REALISTIC_MIX } from '../../bench/seed/nomination-generator';
import { backends, type ReadModelBackend } from './support/read-model-backends';

/**
 * Statistics from the projection's cells against a count made here, independently, from the events
 * of the bench's seeded store: each nomination's outcome from the domain's own fold, its facts from
 * its last nominee snapshot, amounts as recorded at signing or else from config/base-salary.json read by hand.
 */

const salary: { from: string; amountVnd: number }[] = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'config', 'base-salary.json'), 'utf8'),
).periods;

interface Counted {
  year: number;
  unitId: string;
  awardCode: string;
  kind: string;
  status: NominationState['status'];
  types: Set<string>;
  nominee: Nominee;
  submittedAt?: string;
  signedAt?: string;
  cashMultiple: number;
  /** The amount recorded at signing (awards signed since it is recorded). */
  amountVnd?: number;
  councilOutcome?: string;
}

function countFromEvents(events: readonly RecordedEvent[]): Map<string, Counted> {
  const byId = new Map<string, { state: NominationState; c: Counted }>();
  for (const e of events) {
    if (!e.stream.startsWith('nomination-')) continue;
    const ev = { type: e.type, data: e.data } as NominationEvent;
    const id = e.stream.slice('nomination-'.length);
    let entry = byId.get(id);
    if (ev.type === 'NominationDrafted') {
      entry = {
        state: initialState(),
        c: {
          year: ev.data.campaign.year,
          unitId: ev.data.unitId,
          awardCode: ev.data.award.code,
          kind: ev.data.nominee.kind,
          status: 'DRAFT',
          types: new Set(),
          nominee: ev.data.nominee,
          cashMultiple: ev.data.award.cashMultiple,
        },
      };
      byId.set(id, entry);
    }
    if (!entry) continue;
    entry.state = evolve(entry.state, ev);
    entry.c.status = entry.state.status;
    entry.c.types.add(ev.type);
    if (ev.type === 'NominationEdited' && ev.data.changes.nominee) entry.c.nominee = ev.data.changes.nominee;
    if (ev.type === 'NominationSubmitted') entry.c.submittedAt ??= ev.data.at;
    if (ev.type === 'CouncilVotingClosed') entry.c.councilOutcome = ev.data.outcome;
    if (ev.type === 'AwardDecisionSigned') {
      entry.c.signedAt = ev.data.at;
      entry.c.nominee = ev.data.nominee;
      entry.c.cashMultiple = ev.data.cashMultiple;
      entry.c.amountVnd = ev.data.amountVnd;
    }
  }
  return new Map([...byId].map(([id, v]) => [id, v.c]));
}

function salaryOn(iso: string): number {
  const vietnamDay = new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
  return [...salary].reverse().find((p) => p.from <= vietnamDay)?.amountVnd ?? 0;
}

/** The figures the count gives for the nominations `keep` selects. */
function expected(all: Map<string, Counted>, keep: (c: Counted) => boolean) {
  const list = [...all.values()].filter(keep);
  const awarded = list.filter((c) => c.status === 'AWARDED');
  const individuals = awarded.filter((c) => c.kind === 'individual');
  const collectives = awarded.filter((c) => c.kind === 'collective');
  const signed = list.filter((c) => c.signedAt && c.submittedAt);
  const days = signed.map((c) => (Date.parse(c.signedAt!) - Date.parse(c.submittedAt!)) / 86_400_000);
  return {
    nominations: {
      total: list.length,
      draft: list.filter((c) => c.status === 'DRAFT').length,
      awarded: awarded.length,
      withdrawn: list.filter((c) => c.status === 'WITHDRAWN').length,
      revoked: list.filter((c) => c.status === 'REVOKED').length,
      rejectedAtCluster: list.filter((c) => c.status === 'REJECTED' && c.types.has('ClusterRejected')).length,
      notApprovedByCouncil: list.filter(
        (c) => c.status === 'REJECTED' && c.councilOutcome !== undefined && c.councilOutcome !== 'APPROVED',
      ).length,
      declined: list.filter((c) => c.status === 'REJECTED' && c.types.has('SignatureDeclined')).length,
    },
    awards: { total: awarded.length, individuals: individuals.length, collectives: collectives.length },
    women: {
      count: individuals.filter((c) => c.nominee.gender === 'female').length,
      of: individuals.filter((c) => c.nominee.gender !== undefined).length,
    },
    directWorkers: {
      count: individuals.filter((c) => c.nominee.directWorker === true).length,
      of: individuals.filter((c) => c.nominee.directWorker !== undefined).length,
    },
    grassroots: {
      count: collectives.filter((c) => c.nominee.grassroots === true).length,
      of: collectives.filter((c) => c.nominee.grassroots !== undefined).length,
    },
    amountPaidVnd: awarded.reduce((sum, c) => sum + (c.amountVnd ?? c.cashMultiple * salaryOn(c.signedAt!)), 0),
    decisions: signed.length,
    averageDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
  };
}

function check(actual: StatisticsFigures, want: ReturnType<typeof expected>) {
  expect(actual.nominations).toMatchObject(want.nominations);
  expect(actual.awards).toMatchObject(want.awards);
  expect(actual.women).toMatchObject(want.women);
  expect(actual.directWorkers).toMatchObject(want.directWorkers);
  expect(actual.grassroots).toMatchObject(want.grassroots);
  expect(Math.abs(actual.amountPaidVnd - want.amountPaidVnd)).toBeLessThan(5);
  expect(actual.timeliness?.submissionToDecision.count).toBe(want.decisions);
  expect(actual.timeliness?.submissionToDecision.averageDays).toBe(want.averageDays);
}

const recordedAt1M = (data: unknown) => Math.round((data as { cashMultiple: number }).cashMultiple * 1_000_000);

async function seededStore(events: number): Promise<SqliteEventStore> {
  const store = new SqliteEventStore({ filename: ':memory:' });
  const generator = new NominationGenerator({ expectedEvents: events, mix: REALISTIC_MIX, idPrefix: 'st' });
  let signatures = 0;
  while (generator.stats.events < events) {
    const a = generator.next();
    // Every other award records its amount as its decision fixed it — here at a salary the schedule
    // never had (1,000,000 đồng), so a count that priced it by the schedule instead would differ.
    const events = a.events.map((e) =>
      e.type === 'AwardDecisionSigned' && ++signatures % 2 === 0
        ? { ...e, data: { ...(e.data as Record<string, unknown>), amountVnd: recordedAt1M(e.data) } }
        : e,
    );
    await store.append(a.stream, events, a.expectedRevision < 0 ? 'no_stream' : a.expectedRevision);
  }
  return store;
}

describe.each(backends)('statistics read model (%s)', (_name, makeBackend) => {
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  let store: SqliteEventStore;
  let counted: Map<string, Counted>;
  const baseSalary = salary.map((p) => ({ ...p, source: '' }));

  beforeAll(async () => {
    store = await seededStore(12_000);
    counted = countFromEvents(await store.readAll());
    backend = makeBackend();
    db = await backend.open();
    await rebuild(db, store, { projections: [new StatisticsProjection()], batchSize: 700 });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await backend?.dispose();
    await store?.close();
  });

  it('the province’s totals equal a count made from the events', async () => {
    const r = await queryStatistics(db, { scope: { all: true }, baseSalary });
    expect(r.total.nominations!.total).toBeGreaterThan(300);
    expect(r.total.women.of).toBeGreaterThan(0);
    check(
      r.total,
      expected(counted, () => true),
    );
  });

  it('each year, and one unit’s awards of one form, equal the count too', async () => {
    const byYear = await queryStatistics(db, { scope: { all: true }, baseSalary, groupBy: 'year' });
    expect(byYear.groups.length).toBeGreaterThan(3);
    for (const g of byYear.groups)
      check(
        g,
        expected(counted, (c) => c.year === g.key),
      );
    const filtered = await queryStatistics(db, {
      scope: { all: true },
      baseSalary,
      unitId: 'donvi3',
      awardCode: 'BANG_KHEN_TINH',
      recipientKind: 'individual',
    });
    check(
      filtered.total,
      expected(counted, (c) => c.unitId === 'donvi3' && c.awardCode === 'BANG_KHEN_TINH' && c.kind === 'individual'),
    );
  });

  it('an official counts only their scope; the public sees awards but no files in progress nor timeliness', async () => {
    const unit = await queryStatistics(db, { scope: { all: false, unitIds: ['donvi1'], clusterIds: [] }, baseSalary });
    check(
      unit.total,
      expected(counted, (c) => c.unitId === 'donvi1'),
    );
    const none = await queryStatistics(db, { scope: { all: false, unitIds: [], clusterIds: [] }, baseSalary });
    expect(none.total.awards.total).toBe(0);
    const pub = await queryStatistics(db, { scope: 'public', baseSalary, groupBy: 'award' });
    expect(pub.total.nominations).toBeNull();
    expect(pub.total.timeliness).toBeNull();
    expect(pub.total.awards.total).toBe(expected(counted, () => true).awards.total);
  });

  it('followed live in small batches, the cells come out exactly as rebuilt in one go', async () => {
    const fresh = makeBackend();
    const live = await fresh.open();
    try {
      const runner = new ProjectionRunner(live, store, { projections: [new StatisticsProjection()], batchSize: 37 });
      await runner.start();
      await runner.waitForPosition(await store.headPosition(), 60_000);
      await runner.stop();
      const order = 'ORDER BY year, campaign_id, unit_id, cluster_id, award_code, nominee_kind, signed_month';
      const nonZero = 'WHERE nominations <> 0';
      expect(await live.all(`SELECT * FROM stat_cells ${nonZero} ${order}`)).toEqual(
        await db.all(`SELECT * FROM stat_cells ${nonZero} ${order}`),
      );
    } finally {
      await live.close();
      await fresh.dispose();
    }
  }, 120_000);
});
