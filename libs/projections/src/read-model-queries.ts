import type { CouncilState, NominationState, NominationStatus, VoteTally } from '@tdkt/domain';
import { fromBit, placeholders, ReadModelDb, ReadModelDialect, Row, SqlParam } from './db/read-model-db';
import { searchTerms } from './normalise';
import { fts5MatchExpression, tsqueryText, WORD_TEXT_SQL, wordPrefixPattern } from './registry-search';
import { AUDIT_TABLE } from './projections/audit-trail.projection';
import { AWARDS_FTS_TABLE, AWARDS_TABLE, decisionKey } from './projections/award-registry.projection';
import { INBOX_TABLE } from './projections/inbox.projection';
import { NOMINATIONS_TABLE } from './projections/status-board.projection';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface NominationView {
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
export interface NominationDetail extends NominationView {
  achievements: string;
  documents: string[];
  council: CouncilState | null;
}

export interface AuditEntry {
  nominationId: string;
  revision: number;
  position: number;
  eventId: string;
  eventType: string;
  actorId: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  actorClusterId: string | null;
  occurredAt: string | null;
  recordedAt: string | null;
  /** Vietnamese one-liner, e.g. "Trưởng cụm thi đua đồng ý đề nghị". */
  summary: string;
  reason: string | null;
  comment: string | null;
  correlationId: string | null;
  causationId: string | null;
  data: Record<string, unknown>;
}

export interface AwardView {
  nominationId: string;
  decisionNumber: string;
  nomineeId: string | null;
  nomineeName: string;
  nomineeKind: string | null;
  awardCode: string;
  awardName: string;
  unitId: string | null;
  campaignId: string | null;
  year: number | null;
  oneOff: boolean;
  signedAt: string | null;
  signedBy: string | null;
  cashMultiple: number | null;
  revoked: boolean;
  revokedAt: string | null;
  revokedBy: string | null;
  revocationGround: string | null;
  revocationReason: string | null;
}

/** An award decision (quyết định khen thưởng) and the awards it lists. */
export interface DecisionView {
  decisionNumber: string;
  year: number | null;
  signedAt: string | null;
  signedBy: string | null;
  awards: AwardView[];
  /** Other years in which a decision with the same number was issued (numbers restart every year). */
  otherYears: number[];
}

export interface InboxItem extends NominationView {
  /** Which of the caller's keys this nomination waits for. */
  awaitingMe: string[];
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
  page?: number;
  pageSize?: number;
}

export interface SearchRegistryQuery {
  year?: number;
  awardCode?: string;
  unitId?: string;
  campaignId?: string;
  /** Free text: every word must start a word of the nominee name, award name, unit or decision number (accents ignored). */
  q?: string;
  /** Include revoked awards (flagged `revoked`); default false. */
  includeRevoked?: boolean;
  page?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

function paging(page?: number, pageSize?: number) {
  const p = Number.isFinite(page) && (page as number) >= 1 ? Math.floor(page as number) : 1;
  const s = Number.isFinite(pageSize) && (pageSize as number) >= 1 ? Math.min(Math.floor(pageSize as number), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return { page: p, pageSize: s, offset: (p - 1) * s };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' && v ? (JSON.parse(v) as T) : fallback);

const NOMINATION_COLUMNS =
  'id, status, on_hold, hold_matter, stage_since, unit_id, cluster_id, campaign_id, year, award_code, award_name, nominee_id, nominee_name, ' +
  'nominee_kind, one_off, round, drafted_by, drafted_at, updated_at, due_at, escalated_to, awaiting, tally, council_outcome, decision_number, ' +
  'signed_at, last_position, revision';

const AWARD_COLUMNS =
  'nomination_id, decision_number, nominee_id, nominee_name, nominee_kind, award_code, award_name, unit_id, campaign_id, year, one_off, ' +
  'signed_at, signed_by, cash_multiple, revoked, revoked_at, revoked_by, revocation_ground, revocation_reason';

/**
 * The read side the API's query handlers use. Every method reads committed rows only; to read
 * one's own write, wait with `ProjectionRunner.waitForPosition` first.
 */
export class ReadModelQueries {
  constructor(private readonly db: ReadModelDb) {}

  async listNominations(query: ListNominationsQuery = {}): Promise<Page<NominationView>> {
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
    if (query.awaitingKeys !== undefined) {
      const keys = [...new Set(query.awaitingKeys)];
      if (keys.length === 0) return { items: [], total: 0, page, pageSize };
      where.push(`id IN (SELECT nomination_id FROM ${INBOX_TABLE} WHERE awaitee IN (${placeholders(keys.length)}))`);
      params.push(...keys);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = await this.count(`SELECT COUNT(*) AS n FROM ${NOMINATIONS_TABLE}${clause}`, params);
    const rows = await this.db.all(
      `SELECT ${NOMINATION_COLUMNS} FROM ${NOMINATIONS_TABLE}${clause} ORDER BY updated_at DESC, id ASC LIMIT ? OFFSET ?`,
      [...params, pageSize, offset],
    );
    return { items: rows.map(toNominationView), total, page, pageSize };
  }

  async getNomination(id: string): Promise<NominationDetail | null> {
    const row = await this.db.get(`SELECT ${NOMINATION_COLUMNS}, state FROM ${NOMINATIONS_TABLE} WHERE id = ?`, [id]);
    if (!row) return null;
    const state = json<NominationState>(row.state, { status: 'NONE' });
    const s = state.status === 'NONE' ? undefined : state;
    return { ...toNominationView(row), achievements: s?.achievements ?? '', documents: s?.documents ?? [], council: s?.council ?? null };
  }

  /** Every event of the nomination, in order. */
  async getAuditTrail(nominationId: string): Promise<AuditEntry[]> {
    const rows = await this.db.all(`SELECT * FROM ${AUDIT_TABLE} WHERE nomination_id = ? ORDER BY revision ASC`, [nominationId]);
    return rows.map(toAuditEntry);
  }

  async searchRegistry(query: SearchRegistryQuery = {}): Promise<Page<AwardView>> {
    const { count, rows, page, pageSize } = registrySearchStatements(this.db.dialect, query);
    const total = await this.count(count.sql, count.params);
    const items = (await this.db.all(rows.sql, rows.params)).map(toAwardView);
    return { items, total, page, pageSize };
  }

  /**
   * A decision by its number (`163/QĐ-UBND`; also found as `163/QD-UBND` or in lower case) with
   * the awards it lists, revoked ones included and flagged. Numbers restart every year: without
   * `year`, the most recent year's decision is returned and `otherYears` lists the rest.
   */
  async getAwardByDecisionNumber(decisionNumber: string, year?: number): Promise<DecisionView | null> {
    const key = decisionKey(decisionNumber ?? '');
    if (!key) return null;
    const rows = await this.db.all(`SELECT ${AWARD_COLUMNS} FROM ${AWARDS_TABLE} WHERE decision_key = ? ORDER BY year DESC, signed_at ASC, nomination_id ASC`, [key]);
    if (rows.length === 0) return null;
    const awards = rows.map(toAwardView);
    const years = [...new Set(awards.map((a) => a.year))];
    const chosen = year !== undefined ? year : years[0];
    const listed = awards.filter((a) => a.year === chosen);
    if (listed.length === 0) return null;
    const first = listed[0];
    return {
      decisionNumber: first.decisionNumber,
      year: first.year,
      signedAt: first.signedAt,
      signedBy: first.signedBy,
      awards: listed,
      otherYears: years.filter((y): y is number => y !== null && y !== chosen),
    };
  }

  /** Nominations awaiting any of these keys, the longest-waiting first (at most `limit`). */
  async inbox(awaitingKeys: string[], limit = 1000): Promise<InboxItem[]> {
    const keys = [...new Set(awaitingKeys)];
    if (keys.length === 0) return [];
    const rows = await this.db.all(
      `SELECT i.awaitee AS awaitee_key, ${NOMINATION_COLUMNS.split(', ').map((c) => `n.${c}`).join(', ')}
       FROM ${INBOX_TABLE} i JOIN ${NOMINATIONS_TABLE} n ON n.id = i.nomination_id
       WHERE i.awaitee IN (${placeholders(keys.length)})
       ORDER BY i.since ASC, n.id ASC, i.awaitee ASC`,
      keys,
    );
    const byId = new Map<string, InboxItem>();
    for (const row of rows) {
      const id = String(row.id);
      const item = byId.get(id);
      if (item) item.awaitingMe.push(String(row.awaitee_key));
      else if (byId.size < limit) byId.set(id, { ...toNominationView(row), awaitingMe: [String(row.awaitee_key)] });
    }
    return [...byId.values()];
  }

  /** Rows per read-model table (for the rebuild report and health checks). */
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of [NOMINATIONS_TABLE, AUDIT_TABLE, AWARDS_TABLE, INBOX_TABLE]) out[table] = await this.count(`SELECT COUNT(*) AS n FROM ${table}`);
    return out;
  }

  private async count(sql: string, params: SqlParam[] = []): Promise<number> {
    const row = await this.db.get<{ n: number }>(sql, params);
    return Number(row?.n ?? 0);
  }
}

export interface SqlStatement {
  sql: string;
  params: SqlParam[];
}

/**
 * The two statements of a registry search (the total, then the page), shared by `searchRegistry`
 * and the tests that check their query plans.
 */
export function registrySearchStatements(dialect: ReadModelDialect, query: SearchRegistryQuery): { count: SqlStatement; rows: SqlStatement; page: number; pageSize: number } {
  const { page, pageSize, offset } = paging(query.page, query.pageSize);
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (!query.includeRevoked) where.push('revoked = 0');
  if (query.year !== undefined) {
    where.push('year = ?');
    params.push(query.year);
  }
  for (const [column, value] of [
    ['award_code', query.awardCode],
    ['unit_id', query.unitId],
    ['campaign_id', query.campaignId],
  ] as const) {
    if (value !== undefined && value !== '') {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  // Each word must begin a word of the normalised text (so "an" finds "An", not "Lan"); "/" and "-"
  // also separate words, so "ubnd" finds "163/qd-ubnd" and "163/QĐ-UBND" finds it too. The full-text
  // index finds the candidate rows (for the total and the page alike, without reading the whole
  // table); the pattern then keeps exactly the candidates that match (see registry-search.ts).
  const terms = searchTerms(query.q);
  const indexed = textIndexCondition(dialect, terms);
  if (indexed) {
    where.push(indexed.sql);
    params.push(indexed.param);
  }
  for (const term of terms) {
    where.push(`${WORD_TEXT_SQL} LIKE ? ESCAPE '\\'`);
    params.push(wordPrefixPattern(term));
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  return {
    count: { sql: `SELECT COUNT(*) AS n FROM ${AWARDS_TABLE}${clause}`, params },
    rows: {
      sql: `SELECT ${AWARD_COLUMNS} FROM ${AWARDS_TABLE}${clause} ORDER BY year DESC, signed_at DESC, nomination_id ASC LIMIT ? OFFSET ?`,
      params: [...params, pageSize, offset],
    },
    page,
    pageSize,
  };
}

/** The index condition narrowing the registry to rows that may match every term; none when no term has a word. */
function textIndexCondition(dialect: ReadModelDialect, terms: readonly string[]): { sql: string; param: string } | undefined {
  if (dialect === 'postgres') {
    const tsquery = tsqueryText(terms);
    return tsquery === undefined ? undefined : { sql: 'search_words @@ ?::tsquery', param: tsquery };
  }
  const match = fts5MatchExpression(terms);
  return match === undefined ? undefined : { sql: `position IN (SELECT rowid FROM ${AWARDS_FTS_TABLE} WHERE ${AWARDS_FTS_TABLE} MATCH ?)`, param: match };
}

function toNominationView(r: Row): NominationView {
  return {
    id: String(r.id),
    status: String(r.status) as NominationStatus,
    onHold: fromBit(r.on_hold),
    holdMatter: str(r.hold_matter),
    stageSince: str(r.stage_since),
    unitId: str(r.unit_id),
    clusterId: str(r.cluster_id),
    campaignId: str(r.campaign_id),
    year: num(r.year),
    awardCode: str(r.award_code),
    awardName: str(r.award_name),
    nomineeId: str(r.nominee_id),
    nomineeName: str(r.nominee_name),
    nomineeKind: str(r.nominee_kind),
    oneOff: fromBit(r.one_off),
    round: Number(r.round ?? 0),
    draftedBy: str(r.drafted_by),
    draftedAt: str(r.drafted_at),
    updatedAt: str(r.updated_at),
    dueAt: str(r.due_at),
    escalatedTo: str(r.escalated_to),
    awaiting: json<string[]>(r.awaiting, []),
    tally: json<VoteTally | null>(r.tally, null),
    councilOutcome: str(r.council_outcome),
    decisionNumber: str(r.decision_number),
    signedAt: str(r.signed_at),
    lastPosition: Number(r.last_position ?? 0),
    revision: Number(r.revision ?? 0),
  };
}

function toAuditEntry(r: Row): AuditEntry {
  return {
    nominationId: String(r.nomination_id),
    revision: Number(r.revision),
    position: Number(r.position),
    eventId: String(r.event_id),
    eventType: String(r.event_type),
    actorId: str(r.actor_id),
    actorRole: str(r.actor_role),
    actorUnitId: str(r.actor_unit_id),
    actorClusterId: str(r.actor_cluster_id),
    occurredAt: str(r.occurred_at),
    recordedAt: str(r.recorded_at),
    summary: String(r.summary),
    reason: str(r.reason),
    comment: str(r.comment),
    correlationId: str(r.correlation_id),
    causationId: str(r.causation_id),
    data: json<Record<string, unknown>>(r.data, {}),
  };
}

function toAwardView(r: Row): AwardView {
  return {
    nominationId: String(r.nomination_id),
    decisionNumber: String(r.decision_number),
    nomineeId: str(r.nominee_id),
    nomineeName: String(r.nominee_name),
    nomineeKind: str(r.nominee_kind),
    awardCode: String(r.award_code),
    awardName: String(r.award_name),
    unitId: str(r.unit_id),
    campaignId: str(r.campaign_id),
    year: num(r.year),
    oneOff: fromBit(r.one_off),
    signedAt: str(r.signed_at),
    signedBy: str(r.signed_by),
    cashMultiple: num(r.cash_multiple),
    revoked: fromBit(r.revoked),
    revokedAt: str(r.revoked_at),
    revokedBy: str(r.revoked_by),
    revocationGround: str(r.revocation_ground),
    revocationReason: str(r.revocation_reason),
  };
}
