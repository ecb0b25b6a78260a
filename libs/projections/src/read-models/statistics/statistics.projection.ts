import { vietnamMonthOf, type Nominee } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, upsertClause } from '../../db/read-model-db';
import type { Projection } from '../../projection';
import { asNominationEvent, byNomination, loadByIds, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import {
  CELL_COUNTERS,
  CELL_KEYS,
  STAT_CELLS_TABLE,
  STAT_NOMINATION_COLUMNS,
  STAT_NOMINATIONS_TABLE,
  STATISTICS_DDL,
  type CellCounter,
} from './statistics.schema';

/** Where a nomination stands for the statistics. */
export type StatOutcome =
  'DRAFT' | 'IN_PROGRESS' | 'AWARDED' | 'REJECTED_AT_CLUSTER' | 'NOT_APPROVED' | 'DECLINED' | 'WITHDRAWN' | 'REVOKED';

export interface StatRow {
  nomination_id: string;
  year: number;
  campaign_id: string;
  unit_id: string;
  cluster_id: string;
  award_code: string;
  nominee_kind: string;
  gender: string | null;
  direct_worker: number | null;
  grassroots: number | null;
  outcome: StatOutcome;
  cash_milli: number;
  /** The amount recorded at signing (đồng); null when the award recorded none. */
  amount_vnd: number | null;
  signed_month: string;
  submitted_at: string | null;
  council_from: string | null;
  council_closed_at: string | null;
  cluster_seconds: number | null;
  council_seconds: number | null;
  signature_seconds: number | null;
  decision_seconds: number | null;
}

const OUTCOME_COUNTER: Record<StatOutcome, CellCounter> = {
  DRAFT: 'draft',
  IN_PROGRESS: 'in_progress',
  AWARDED: 'awarded',
  REJECTED_AT_CLUSTER: 'rejected_at_cluster',
  NOT_APPROVED: 'not_approved',
  DECLINED: 'declined',
  WITHDRAWN: 'withdrawn',
  REVOKED: 'revoked',
};

const seconds = (from: string | null, to: string) =>
  from === null ? null : Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
const bit = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);

function withNominee(row: StatRow, nominee: Nominee): StatRow {
  return {
    ...row,
    nominee_kind: nominee.kind ?? '',
    gender: nominee.gender ?? null,
    direct_worker: bit(nominee.directWorker),
    grassroots: bit(nominee.grassroots),
  };
}

/** The row after one event (pure: the projection and the tests' independent count share nothing else). */
export function applyToStatRow(row: StatRow | undefined, e: RecordedEvent, nominationId: string): StatRow | undefined {
  const event = asNominationEvent(e);
  if (event.type === 'NominationDrafted') {
    const d = event.data;
    return withNominee(
      {
        nomination_id: nominationId,
        year: d.campaign?.year ?? 0,
        campaign_id: d.campaign?.id ?? '',
        unit_id: d.unitId ?? '',
        cluster_id: d.clusterId ?? '',
        award_code: d.award?.code ?? '',
        nominee_kind: '',
        gender: null,
        direct_worker: null,
        grassroots: null,
        outcome: 'DRAFT',
        cash_milli: Math.round((d.award?.cashMultiple ?? 0) * 1000),
        amount_vnd: null,
        signed_month: '',
        submitted_at: null,
        council_from: null,
        council_closed_at: null,
        cluster_seconds: null,
        council_seconds: null,
        signature_seconds: null,
        decision_seconds: null,
      },
      d.nominee,
    );
  }
  if (!row) return row;
  const at = (event.data as { at: string }).at;
  switch (event.type) {
    case 'NominationEdited':
      return event.data.changes.nominee ? withNominee(row, event.data.changes.nominee) : row;
    case 'NominationSubmitted':
      return {
        ...row,
        outcome: 'IN_PROGRESS',
        submitted_at: row.submitted_at ?? at,
        council_from: event.data.nextStatus === 'COUNCIL_VOTING' ? at : row.council_from,
      };
    case 'ClusterEndorsed':
      return { ...row, cluster_seconds: seconds(row.submitted_at, at), council_from: at };
    case 'ClusterRejected':
      return { ...row, cluster_seconds: seconds(row.submitted_at, at), outcome: 'REJECTED_AT_CLUSTER' };
    case 'CouncilVotingClosed':
      return {
        ...row,
        council_seconds: seconds(row.council_from, at),
        council_closed_at: at,
        outcome: event.data.outcome === 'APPROVED' ? row.outcome : 'NOT_APPROVED',
      };
    case 'AwardDecisionSigned':
      return {
        ...withNominee(row, event.data.nominee),
        outcome: 'AWARDED',
        year: event.data.year ?? row.year,
        cash_milli: Math.round((event.data.cashMultiple ?? 0) * 1000),
        amount_vnd: event.data.amountVnd ?? null,
        signed_month: vietnamMonthOf(at),
        signature_seconds: seconds(row.council_closed_at, at),
        decision_seconds: seconds(row.submitted_at, at),
      };
    case 'SignatureDeclined':
      return { ...row, outcome: 'DECLINED', signature_seconds: seconds(row.council_closed_at, at) };
    case 'NominationWithdrawn':
      return { ...row, outcome: 'WITHDRAWN' };
    case 'AwardRevoked':
      return { ...row, outcome: 'REVOKED' };
    default:
      return row;
  }
}

/** What a nomination adds to its cell. */
export function contributionOf(row: StatRow): Record<CellCounter, number> {
  const c = Object.fromEntries(CELL_COUNTERS.map((k) => [k, 0])) as Record<CellCounter, number>;
  c.nominations = 1;
  c[OUTCOME_COUNTER[row.outcome]] = 1;
  if (row.outcome === 'AWARDED') {
    if (row.amount_vnd === null) c.cash_milli = row.cash_milli;
    else c.recorded_vnd = row.amount_vnd;
    if (row.nominee_kind === 'individual') {
      c.individuals = 1;
      c.gender_known = row.gender === null ? 0 : 1;
      c.women = row.gender === 'female' ? 1 : 0;
      c.direct_worker_known = row.direct_worker === null ? 0 : 1;
      c.direct_workers = row.direct_worker === 1 ? 1 : 0;
    } else if (row.nominee_kind === 'collective') {
      c.collectives = 1;
      c.grassroots_known = row.grassroots === null ? 0 : 1;
      c.grassroots = row.grassroots === 1 ? 1 : 0;
    }
  }
  const stage = (s: number | null, sum: CellCounter, n: CellCounter) => {
    if (s === null) return;
    c[sum] = s;
    c[n] = 1;
  };
  stage(row.decision_seconds, 'decision_seconds', 'decision_n');
  stage(row.cluster_seconds, 'cluster_seconds', 'cluster_n');
  stage(row.council_seconds, 'council_seconds', 'council_n');
  stage(row.signature_seconds, 'signature_seconds', 'signature_n');
  return c;
}

const cellKeyOf = (row: StatRow) => CELL_KEYS.map((k) => row[k]) as SqlParam[];

const ROW_UPSERT = upsertClause(['nomination_id'], STAT_NOMINATION_COLUMNS);
const CELL_ADD = `ON CONFLICT (${CELL_KEYS.join(', ')}) DO UPDATE SET ${CELL_COUNTERS.map(
  (c) => `${c} = ${STAT_CELLS_TABLE}.${c} + excluded.${c}`,
).join(', ')}`;

/**
 * The statistics (GET /api/statistics): each batch folds its events into the nominations' rows and
 * adds the difference of their contributions to the cells, in the runner's transaction with the
 * checkpoint (exactly once); rebuildable from zero like every read model.
 */
export class StatisticsProjection implements Projection {
  readonly name = 'statistics';
  /** 2: amounts recorded at signing (amount_vnd, recorded_vnd). */
  readonly version = 2;
  readonly streamPrefixes = [NOMINATION_STREAM_PREFIX];
  readonly tables = [STAT_NOMINATIONS_TABLE, STAT_CELLS_TABLE];
  readonly ddl = STATISTICS_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const groups = byNomination(events);
    const stored = await loadByIds<Record<string, unknown>>(
      tx,
      STAT_NOMINATIONS_TABLE,
      'nomination_id',
      STAT_NOMINATION_COLUMNS.join(', '),
      [...groups.keys()],
    );
    const deltas = new Map<string, { key: SqlParam[]; counters: Record<CellCounter, number> }>();
    const add = (row: StatRow, sign: 1 | -1) => {
      const key = cellKeyOf(row);
      const id = JSON.stringify(key);
      let cell = deltas.get(id);
      if (!cell) {
        cell = { key, counters: Object.fromEntries(CELL_COUNTERS.map((k) => [k, 0])) as Record<CellCounter, number> };
        deltas.set(id, cell);
      }
      const c = contributionOf(row);
      for (const k of CELL_COUNTERS) cell.counters[k] += sign * c[k];
    };
    const changed: SqlParam[][] = [];
    for (const [nominationId, list] of groups) {
      const before = stored.has(nominationId) ? toStatRow(stored.get(nominationId)!) : undefined;
      let after = before;
      for (const e of list) after = applyToStatRow(after, e, nominationId);
      if (!after || after === before) continue;
      if (before) add(before, -1);
      add(after, 1);
      changed.push(STAT_NOMINATION_COLUMNS.map((c) => after[c]));
    }
    await insertMany(tx, STAT_NOMINATIONS_TABLE, STAT_NOMINATION_COLUMNS, changed, ROW_UPSERT);
    const cells = [...deltas.values()]
      .filter((d) => CELL_COUNTERS.some((k) => d.counters[k] !== 0))
      .map((d) => [...d.key, ...CELL_COUNTERS.map((k) => d.counters[k])]);
    await insertMany(tx, STAT_CELLS_TABLE, [...CELL_KEYS, ...CELL_COUNTERS], cells, CELL_ADD);
  }
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toStatRow(r: Record<string, unknown>): StatRow {
  return {
    nomination_id: String(r.nomination_id),
    year: Number(r.year),
    campaign_id: String(r.campaign_id),
    unit_id: String(r.unit_id),
    cluster_id: String(r.cluster_id),
    award_code: String(r.award_code),
    nominee_kind: String(r.nominee_kind),
    gender: str(r.gender),
    direct_worker: num(r.direct_worker),
    grassroots: num(r.grassroots),
    outcome: String(r.outcome) as StatOutcome,
    cash_milli: Number(r.cash_milli),
    amount_vnd: num(r.amount_vnd),
    signed_month: String(r.signed_month),
    submitted_at: str(r.submitted_at),
    council_from: str(r.council_from),
    council_closed_at: str(r.council_closed_at),
    cluster_seconds: num(r.cluster_seconds),
    council_seconds: num(r.council_seconds),
    signature_seconds: num(r.signature_seconds),
    decision_seconds: num(r.decision_seconds),
  };
}
