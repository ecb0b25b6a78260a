import { amountPaidVnd, type BaseSalaryPeriod, type ReadScope } from '@tdkt/domain';
import type { ReadModelDb, Row, SqlParam } from '../../db/read-model-db';
import { scopeCondition } from '../status-board/status-board.queries';
import { CELL_COUNTERS, STAT_CELLS_TABLE, type CellCounter } from './statistics.schema';

export const STATISTICS_GROUPINGS = ['none', 'award', 'unit', 'cluster', 'campaign', 'year'] as const;
export type StatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number];

const GROUP_COLUMN: Record<StatisticsGrouping, string> = {
  none: "''",
  award: 'award_code',
  unit: 'unit_id',
  cluster: 'cluster_id',
  campaign: 'campaign_id',
  year: 'year',
};

export interface StatisticsQuery {
  year?: number;
  campaignId?: string;
  unitId?: string;
  clusterId?: string;
  awardCode?: string;
  recipientKind?: 'individual' | 'collective';
  groupBy?: StatisticsGrouping;
  /** The nominations the reader may count (an official's read scope), or the public's view: awards only. */
  scope: ReadScope | 'public';
  /** The base salary schedule, for the amounts of awards that recorded none when signed. */
  baseSalary: readonly BaseSalaryPeriod[];
}

/** A share: `count` of `of` (those for whom the fact is recorded); `unknown` were not recorded. */
export interface Share {
  count: number;
  of: number;
  /** count / of, 0..1, rounded to 4 places; null when `of` is 0. */
  share: number | null;
  unknown: number;
}

export interface StageTime {
  /** Nominations that went through the stage. */
  count: number;
  /** Mean calendar days, 1 decimal; null when none. */
  averageDays: number | null;
}

export interface StatisticsFigures {
  /** The group's value (award code, unit id, cluster id, campaign id, year); null for the total. */
  key: string | number | null;
  /** Nominations by where they stand; null for the public. */
  nominations: {
    total: number;
    draft: number;
    inProgress: number;
    awarded: number;
    rejectedAtCluster: number;
    notApprovedByCouncil: number;
    declined: number;
    withdrawn: number;
    revoked: number;
  } | null;
  awards: { total: number; individuals: number; collectives: number; revoked: number };
  directWorkers: Share;
  women: Share;
  grassroots: Share;
  amountPaidVnd: number;
  /** Days per stage; null for the public. */
  timeliness: {
    submissionToDecision: StageTime;
    clusterReview: StageTime;
    councilVote: StageTime;
    signature: StageTime;
  } | null;
}

export interface StatisticsResult {
  groupBy: StatisticsGrouping;
  groups: StatisticsFigures[];
  total: StatisticsFigures;
}

type Sums = Record<CellCounter, number> & { amount: number };

const zero = (): Sums => ({
  ...(Object.fromEntries(CELL_COUNTERS.map((c) => [c, 0])) as Record<CellCounter, number>),
  amount: 0,
});

/** Statistics summed from the cells (never from the nominations): filters, the reader's scope, one grouping. */
export async function queryStatistics(db: ReadModelDb, query: StatisticsQuery): Promise<StatisticsResult> {
  const groupBy = query.groupBy ?? 'none';
  const where: string[] = [];
  const params: SqlParam[] = [];
  const eq = (column: string, value: SqlParam | undefined) => {
    if (value === undefined || value === '') return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  eq('year', query.year);
  eq('campaign_id', query.campaignId);
  eq('unit_id', query.unitId);
  eq('cluster_id', query.clusterId);
  eq('award_code', query.awardCode);
  eq('nominee_kind', query.recipientKind);
  let nothing = false;
  if (query.scope !== 'public' && !query.scope.all) {
    const scoped = scopeCondition(query.scope);
    if (scoped) {
      where.push(scoped.sql);
      params.push(...scoped.params);
    } else nothing = true;
  }
  const rows: Row[] = nothing
    ? []
    : await db.all(
        `SELECT ${GROUP_COLUMN[groupBy]} AS k, signed_month, ${CELL_COUNTERS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
         FROM ${STAT_CELLS_TABLE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
         GROUP BY ${groupBy === 'none' ? 'signed_month' : `${GROUP_COLUMN[groupBy]}, signed_month`}`,
        params,
      );
  const groups = new Map<string, { key: string | number; sums: Sums }>();
  const total = zero();
  for (const r of rows) {
    const key = groupBy === 'year' ? Number(r.k) : String(r.k ?? '');
    const id = String(key);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key, sums: zero() }));
    const amount =
      Number(r.recorded_vnd ?? 0) +
      amountPaidVnd(query.baseSalary, String(r.signed_month), Number(r.cash_milli) / 1000);
    for (const target of [g.sums, total]) {
      for (const c of CELL_COUNTERS) target[c] += Number(r[c] ?? 0);
      target.amount += amount;
    }
  }
  const isPublic = query.scope === 'public';
  const ordered = [...groups.values()].sort((a, b) =>
    typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key)),
  );
  return {
    groupBy,
    groups: groupBy === 'none' ? [] : ordered.map((g) => figures(g.key, g.sums, isPublic)),
    total: figures(null, total, isPublic),
  };
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function share(count: number, known: number, all: number): Share {
  return { count, of: known, share: known ? round(count / known, 4) : null, unknown: all - known };
}

function stage(seconds: number, n: number): StageTime {
  return { count: n, averageDays: n ? round(seconds / n / 86_400, 1) : null };
}

function figures(key: string | number | null, s: Sums, isPublic: boolean): StatisticsFigures {
  return {
    key,
    nominations: isPublic
      ? null
      : {
          total: s.nominations,
          draft: s.draft,
          inProgress: s.in_progress,
          awarded: s.awarded,
          rejectedAtCluster: s.rejected_at_cluster,
          notApprovedByCouncil: s.not_approved,
          declined: s.declined,
          withdrawn: s.withdrawn,
          revoked: s.revoked,
        },
    awards: { total: s.awarded, individuals: s.individuals, collectives: s.collectives, revoked: s.revoked },
    directWorkers: share(s.direct_workers, s.direct_worker_known, s.individuals),
    women: share(s.women, s.gender_known, s.individuals),
    grassroots: share(s.grassroots, s.grassroots_known, s.collectives),
    amountPaidVnd: s.amount,
    timeliness: isPublic
      ? null
      : {
          submissionToDecision: stage(s.decision_seconds, s.decision_n),
          clusterReview: stage(s.cluster_seconds, s.cluster_n),
          councilVote: stage(s.council_seconds, s.council_n),
          signature: stage(s.signature_seconds, s.signature_n),
        },
  };
}
