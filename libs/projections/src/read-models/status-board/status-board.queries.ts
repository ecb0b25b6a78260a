import type { CouncilState, NominationState, NominationStatus, ReadScope, StageClock, VoteTally } from '@tdkt/domain';
import { fromBit, placeholders, ReadModelDb, ReadModelDialect, Row, SqlParam } from '../../db/read-model-db';
import { INBOX_TABLE } from '../inbox/inbox.schema';
import { searchTerms } from '../../normalise';
import { countRows, Page, paging } from '../paging';
import { jsonOr, numberOrNull, textOrNull } from '../row-values';
import { NOMINATIONS_TABLE, STATUS_BOARD_COLUMNS } from './status-board.schema';

/**
 * A nomination as the status board lists it. (Not the live workflow's `NominationView`, which
 * carries the stage clock: this one is read from the projection.)
 */
export interface NominationSummary {
  id: string;
  status: NominationStatus;
  onHold: boolean;
  holdMatter: string | null;
  stageSince: string | null;
  unitId: string | null;
  clusterId: string | null;
  campaignId: string | null;
  year: number | null;
  awardCode: string | null;
  awardName: string | null;
  nomineeId: string | null;
  nomineeName: string | null;
  nomineeKind: string | null;
  oneOff: boolean;
  round: number;
  draftedBy: string | null;
  draftedAt: string | null;
  updatedAt: string | null;
  /** Due date of the current stage, once a reminder or escalation has been issued for it. */
  dueAt: string | null;
  escalatedTo: string | null;
  /** Awaitee keys (`UNIT_HEAD:donvi1`, `COUNCIL_MEMBER:hoidong2`, `CHAIRMAN`, ...). */
  awaiting: string[];
  /** Once voting has closed. */
  tally: VoteTally | null;
  councilOutcome: string | null;
  decisionNumber: string | null;
  signedAt: string | null;
  /** Global position of the last event applied to this row. */
  lastPosition: number;
  /** Stream revision of the last event applied (for optimistic concurrency at the edge). */
  revision: number;
}

/** A nomination with the dossier content and the council state, as folded from its events. */
export interface NominationDetail extends NominationSummary {
  achievements: string;
  documents: string[];
  council: CouncilState | null;
  /** Why the nominee is eligible, from the award history: at drafting, again when the council's voting opened. */
  eligibility?: { reasons: string[]; at: string; stage: 'DRAFT' | 'COUNCIL_VOTING' } | null;
  /**
   * The folded state and stage clock: with the limits the nomination recorded at drafting, the stage's
   * due and reminder times follow from them (the domain's `recordedStageLimit`) without asking its
   * workflow. For the API's own use; no answer shows it.
   */
  stageClock?: { state: NominationState; clock: StageClock };
}

export interface ListNominationsQuery {
  status?: NominationStatus | NominationStatus[];
  campaignId?: string;
  unitId?: string;
  clusterId?: string;
  awardCode?: string;
  year?: number;
  onHold?: boolean;
  /** Only nominations awaiting one of these keys (see `awaitingKeysFor`); an empty list matches nothing. */
  awaitingKeys?: string[];
  /** What the reader may see (the domain's `readScopeOf`): applied in SQL, so the total counts only what is shown. */
  scope?: ReadScope;
  /** Words that must all appear in the nominee's name, the award, the decision number or the id; diacritics ignored. */
  text?: string;
  /** Order of the rows (newest update first when omitted); ties by the newest update, then the id. */
  sort?: { by: NominationSortKey; direction: 'asc' | 'desc' };
  page?: number;
  pageSize?: number;
}

/** What a list of nominations can be sorted by, and the column each reads. */
export const NOMINATION_SORT_COLUMNS = {
  nominee: 'nominee_sort',
  award: 'award_name',
  status: 'status',
  due: 'due_at',
  updated: 'updated_at',
  drafted: 'drafted_at',
} as const;
export type NominationSortKey = keyof typeof NOMINATION_SORT_COLUMNS;
export const NOMINATION_SORT_KEYS = Object.keys(NOMINATION_SORT_COLUMNS) as NominationSortKey[];

/** `%`, `_` and `\` taken literally in a LIKE pattern (with `ESCAPE '\'`). */
const likeLiteral = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every column but the folded `state` and `clock` (only `getNomination` reads them) and the search and sort keys. */
export const SUMMARY_COLUMNS = STATUS_BOARD_COLUMNS.filter(
  (c) => c !== 'state' && c !== 'clock' && c !== 'search_text' && c !== 'nominee_sort',
).join(', ');

export async function listNominations(
  db: ReadModelDb,
  query: ListNominationsQuery = {},
): Promise<Page<NominationSummary>> {
  const { page, pageSize, offset } = paging(query.page, query.pageSize);
  const where: string[] = [];
  const params: SqlParam[] = [];
  const statuses = query.status === undefined ? [] : Array.isArray(query.status) ? query.status : [query.status];
  if (statuses.length) {
    where.push(`status IN (${placeholders(statuses.length)})`);
    params.push(...statuses);
  }
  for (const [column, value] of [
    ['campaign_id', query.campaignId],
    ['unit_id', query.unitId],
    ['cluster_id', query.clusterId],
    ['award_code', query.awardCode],
  ] as const) {
    if (value !== undefined && value !== '') {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (query.year !== undefined) {
    where.push('year = ?');
    params.push(query.year);
  }
  if (query.onHold !== undefined) {
    where.push('on_hold = ?');
    params.push(query.onHold ? 1 : 0);
  }
  if (query.scope && !query.scope.all) {
    const scoped = scopeCondition(query.scope);
    if (!scoped) return { items: [], total: 0, page, pageSize };
    where.push(scoped.sql);
    params.push(...scoped.params);
  }
  for (const term of searchTerms(query.text)) {
    where.push(`search_text LIKE ? ESCAPE '\\'`);
    params.push(`%${likeLiteral(term)}%`);
  }
  if (query.awaitingKeys !== undefined) {
    const keys = [...new Set(query.awaitingKeys)];
    if (keys.length === 0) return { items: [], total: 0, page, pageSize };
    where.push(`id IN (SELECT nomination_id FROM ${INBOX_TABLE} WHERE awaitee IN (${placeholders(keys.length)}))`);
    params.push(...keys);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = await countRows(db, `SELECT COUNT(*) AS n FROM ${NOMINATIONS_TABLE}${clause}`, params);
  const rows = await db.all(
    `SELECT ${SUMMARY_COLUMNS} FROM ${NOMINATIONS_TABLE}${clause} ORDER BY ${orderBy(query.sort, db.dialect)} LIMIT ? OFFSET ?`,
    [...params, pageSize, offset],
  );
  return { items: rows.map(toNominationSummary), total, page, pageSize };
}

/**
 * The ORDER BY of a sort: rows without the value (no due date yet) last either way; a stable
 * tie-break. PostgreSQL compares in byte order (`COLLATE "C"`), as SQLite does, so both engines
 * order the folded names alike (a locale collation would skip spaces and punctuation).
 */
function orderBy(sort: ListNominationsQuery['sort'], dialect: ReadModelDialect): string {
  const ties = 'updated_at DESC, id ASC';
  if (!sort) return ties;
  const column = NOMINATION_SORT_COLUMNS[sort.by];
  if (!column) throw new Error(`unknown sort key ${String(sort.by)}`);
  const collate = dialect === 'postgres' ? ' COLLATE "C"' : '';
  return `${column}${collate} ${sort.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, ${ties}`;
}

/** A limited scope as a condition on the nominations table (`n.` prefix optional); undefined when it admits nothing. */
export function scopeCondition(
  scope: Extract<ReadScope, { all: false }>,
  prefix = '',
): { sql: string; params: SqlParam[] } | undefined {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  if (scope.unitIds.length) {
    parts.push(`${prefix}unit_id IN (${placeholders(scope.unitIds.length)})`);
    params.push(...scope.unitIds);
  }
  if (scope.clusterIds.length) {
    parts.push(`${prefix}cluster_id IN (${placeholders(scope.clusterIds.length)})`);
    params.push(...scope.clusterIds);
  }
  return parts.length ? { sql: `(${parts.join(' OR ')})`, params } : undefined;
}

/** The nomination's status as projected, or null when the read model has no row for it. */
export async function nominationStatus(db: ReadModelDb, id: string): Promise<NominationStatus | null> {
  const row = await db.get(`SELECT status FROM ${NOMINATIONS_TABLE} WHERE id = ?`, [id]);
  return row ? (String(row.status) as NominationStatus) : null;
}

export async function getNomination(db: ReadModelDb, id: string): Promise<NominationDetail | null> {
  const row = await db.get(`SELECT ${SUMMARY_COLUMNS}, state, clock FROM ${NOMINATIONS_TABLE} WHERE id = ?`, [id]);
  if (!row) return null;
  const state = jsonOr<NominationState>(row.state, { status: 'NONE' });
  const s = state.status === 'NONE' ? undefined : state;
  const clock = jsonOr<StageClock | null>(row.clock, null);
  return {
    ...toNominationSummary(row),
    achievements: s?.achievements ?? '',
    documents: s?.documents ?? [],
    council: s?.council ?? null,
    eligibility: s?.eligibility ?? null,
    ...(s && clock ? { stageClock: { state, clock } } : {}),
  };
}

export function toNominationSummary(r: Row): NominationSummary {
  return {
    id: String(r.id),
    status: String(r.status) as NominationStatus,
    onHold: fromBit(r.on_hold),
    holdMatter: textOrNull(r.hold_matter),
    stageSince: textOrNull(r.stage_since),
    unitId: textOrNull(r.unit_id),
    clusterId: textOrNull(r.cluster_id),
    campaignId: textOrNull(r.campaign_id),
    year: numberOrNull(r.year),
    awardCode: textOrNull(r.award_code),
    awardName: textOrNull(r.award_name),
    nomineeId: textOrNull(r.nominee_id),
    nomineeName: textOrNull(r.nominee_name),
    nomineeKind: textOrNull(r.nominee_kind),
    oneOff: fromBit(r.one_off),
    round: Number(r.round ?? 0),
    draftedBy: textOrNull(r.drafted_by),
    draftedAt: textOrNull(r.drafted_at),
    updatedAt: textOrNull(r.updated_at),
    dueAt: textOrNull(r.due_at),
    escalatedTo: textOrNull(r.escalated_to),
    awaiting: jsonOr<string[]>(r.awaiting, []),
    tally: jsonOr<VoteTally | null>(r.tally, null),
    councilOutcome: textOrNull(r.council_outcome),
    decisionNumber: textOrNull(r.decision_number),
    signedAt: textOrNull(r.signed_at),
    lastPosition: Number(r.last_position ?? 0),
    revision: Number(r.revision ?? 0),
  };
}
