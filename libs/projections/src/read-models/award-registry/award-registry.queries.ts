import { fromBit, ReadModelDb, ReadModelDialect, Row, SqlParam } from '../../db/read-model-db';
import { searchTerms } from '../../normalise';
import { fts5MatchExpression, isPlainTerm, tsqueryText, WORD_TEXT_SQL, wordPrefixPattern } from '../../registry-search';
import { countRows, Page, paging } from '../paging';
import { numberOrNull, textOrNull } from '../row-values';
import { decisionKey } from './award-registry.projection';
import { AWARD_COLUMNS, AWARDS_FTS_TABLE, AWARDS_SEARCH_KEYS_INDEX, AWARDS_TABLE } from './award-registry.schema';

/**
 * An award as the registry lists it. `nomineeId` is personal data: the API drops it for anonymous
 * readers (the domain's `maySeeNomineeId`).
 */
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
  /** The award decision (many recipients) that listed it; null for a one-recipient signature. */
  decisionId: string | null;
  /** Year of the signature (Vietnam time): with the number, the key of the decision. */
  signingYear: number | null;
  /** The revocation decision's own number and signing year, when revoked by one. */
  revocationDecisionNumber: string | null;
  revocationYear: number | null;
  /**
   * The authority that decided an award given above the province (e.g. Thủ tướng Chính phủ); absent:
   * the province's Chairman (absent, not null, so audit bundles exported before the field still verify).
   */
  authority?: string;
}

/** An award decision (quyết định khen thưởng) and the awards it lists. */
export interface DecisionView {
  /** AWARD, or REVOCATION when the number is a revocation decision's (its awards are those it revoked). */
  kind: 'AWARD' | 'REVOCATION';
  decisionNumber: string;
  /** The signing year. */
  year: number | null;
  decisionId: string | null;
  signedAt: string | null;
  signedBy: string | null;
  awards: AwardView[];
  /** Other years in which a decision with the same number was issued (numbers restart every year). */
  otherYears: number[];
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
  /**
   * The registry as it stood at this instant (ISO-8601 UTC, as `toISOString` writes it): awards signed
   * by then, revoked only if revoked by then. A query on the signing and revocation times the rows keep.
   */
  asOf?: string;
  /** The registry as the first `atPosition` events of the log made it (the audit export's registry). */
  atPosition?: number;
  page?: number;
  pageSize?: number;
}

export interface SqlStatement {
  sql: string;
  params: SqlParam[];
}

/** The columns an `AwardView` is read from (not the lookup key, search text or positions; the two times for `asOf`). */
const VIEW_COLUMNS = [
  ...AWARD_COLUMNS.filter(
    (c) =>
      ![
        'decision_key',
        'search_text',
        'search_plain',
        'position',
        'revoked_position',
        'verification_code',
        'revocation_key',
      ].includes(c),
  ),
  'revoked_position',
].join(', ');

export async function searchRegistry(db: ReadModelDb, query: SearchRegistryQuery = {}): Promise<Page<AwardView>> {
  const { count, rows, page, pageSize } = registrySearchStatements(db.dialect, query);
  const total = await countRows(db, count.sql, count.params);
  const items = (await db.all(rows.sql, rows.params)).map((r) => asItStood(toAwardView(r), r, query));
  return { items, total, page, pageSize };
}

/** Every award of the registry as the first `position` events of the log made it, in nomination id order. */
export async function registryAtPosition(db: ReadModelDb, position: number): Promise<AwardView[]> {
  const rows = await db.all(`SELECT ${VIEW_COLUMNS} FROM ${AWARDS_TABLE} WHERE position <= ? ORDER BY nomination_id`, [
    position,
  ]);
  return rows.map((r) => asItStood(toAwardView(r), r, { atPosition: position }));
}

/** A row revoked after the instant (or position) asked for shows as it stood then: valid. */
function asItStood(view: AwardView, r: Row, query: Pick<SearchRegistryQuery, 'asOf' | 'atPosition'>): AwardView {
  const revokedLater =
    view.revoked &&
    ((query.asOf !== undefined && (view.revokedAt ?? '') > query.asOf) ||
      (query.atPosition !== undefined && Number(r.revoked_position ?? 0) > query.atPosition));
  if (!revokedLater) return view;
  return {
    ...view,
    revoked: false,
    revokedAt: null,
    revokedBy: null,
    revocationGround: null,
    revocationReason: null,
    revocationDecisionNumber: null,
    revocationYear: null,
  };
}

/**
 * A decision by its number (`163/QĐ-UBND`; also found as `163/QD-UBND` or in lower case) with
 * the awards it lists, revoked ones included and flagged. Numbers restart every year: without
 * `year`, the most recent year's decision is returned and `otherYears` lists the rest.
 */
export async function getAwardByDecisionNumber(
  db: ReadModelDb,
  decisionNumber: string,
  year?: number,
): Promise<DecisionView | null> {
  const key = decisionKey(decisionNumber ?? '');
  if (!key) return null;
  const awarded = await decisionRows(db, 'AWARD', key, year);
  return awarded ?? decisionRows(db, 'REVOCATION', key, year);
}

/** The rows of one decision: numbers restart every signing year, so the year picks among namesakes. */
async function decisionRows(
  db: ReadModelDb,
  kind: DecisionView['kind'],
  key: string,
  year: number | undefined,
): Promise<DecisionView | null> {
  const [keyColumn, yearColumn] =
    kind === 'AWARD' ? ['decision_key', 'signing_year'] : ['revocation_key', 'revocation_year'];
  const rows = await db.all(
    `SELECT ${VIEW_COLUMNS} FROM ${AWARDS_TABLE} WHERE ${keyColumn} = ? ORDER BY ${yearColumn} DESC, signed_at ASC, nomination_id ASC`,
    [key],
  );
  if (rows.length === 0) return null;
  const awards = rows.map(toAwardView);
  const yearOf = (a: AwardView) => (kind === 'AWARD' ? a.signingYear : a.revocationYear);
  const years = [...new Set(awards.map(yearOf))];
  const chosen = year !== undefined ? year : years[0];
  const listed = awards.filter((a) => yearOf(a) === chosen);
  if (listed.length === 0) return null;
  const first = listed[0];
  return {
    kind,
    decisionNumber: kind === 'AWARD' ? first.decisionNumber : first.revocationDecisionNumber!,
    year: chosen ?? null,
    decisionId: kind === 'AWARD' ? first.decisionId : null,
    signedAt: kind === 'AWARD' ? first.signedAt : first.revokedAt,
    signedBy: kind === 'AWARD' ? first.signedBy : first.revokedBy,
    awards: listed,
    otherYears: years.filter((y): y is number => y !== null && y !== chosen),
  };
}

/** The award a public verification code names (the code printed as a QR on its certificate). */
export async function getAwardByVerificationCode(db: ReadModelDb, code: string): Promise<AwardView | null> {
  if (typeof code !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(code)) return null;
  const row = await db.get(`SELECT ${VIEW_COLUMNS} FROM ${AWARDS_TABLE} WHERE verification_code = ?`, [code]);
  return row ? toAwardView(row) : null;
}

/**
 * The two statements of a registry search (the total, then the page), shared by `searchRegistry`
 * and the tests that check their query plans.
 */
export function registrySearchStatements(
  dialect: ReadModelDialect,
  query: SearchRegistryQuery,
): { count: SqlStatement; rows: SqlStatement; page: number; pageSize: number } {
  const { page, pageSize, offset } = paging(query.page, query.pageSize);
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (query.asOf !== undefined) {
    where.push('signed_at <= ?');
    params.push(query.asOf);
  }
  if (query.atPosition !== undefined) {
    where.push('position <= ?');
    params.push(query.atPosition);
  }
  if (!query.includeRevoked) {
    // Revoked later than the instant asked for: still valid then.
    const asOf = query.asOf !== undefined ? ' OR revoked_at > ?' : '';
    const at = query.atPosition !== undefined ? ' OR revoked_position > ?' : '';
    where.push(asOf || at ? `(revoked = 0${asOf}${at})` : 'revoked = 0');
    if (asOf) params.push(query.asOf!);
    if (at) params.push(query.atPosition!);
  }
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
  // SQLite: on a plain row the index's match of a plain term is already exact (registry-search.ts),
  // so the pattern runs only on the other rows.
  const skipPlain = (term: string) => dialect === 'sqlite' && indexed !== undefined && isPlainTerm(term);
  for (const term of terms) {
    const pattern = `${WORD_TEXT_SQL} LIKE ? ESCAPE '\\'`;
    where.push(skipPlain(term) ? `(search_plain = 1 OR ${pattern})` : pattern);
    params.push(wordPrefixPattern(term));
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const order = 'ORDER BY year DESC, signed_at DESC, nomination_id ASC';
  if (dialect === 'sqlite' && indexed) {
    // The candidates are counted and ordered in the search keys index; only the page's rows are read
    // whole (one sort of narrow keys, bounded by the LIMIT, instead of one of whole rows).
    const candidates = `${AWARDS_TABLE} INDEXED BY ${AWARDS_SEARCH_KEYS_INDEX}${clause}`;
    return {
      count: { sql: `SELECT COUNT(*) AS n FROM ${candidates}`, params },
      rows: {
        sql: `SELECT ${VIEW_COLUMNS} FROM ${AWARDS_TABLE} WHERE position IN (SELECT position FROM ${candidates} ${order} LIMIT ? OFFSET ?) ${order}`,
        params: [...params, pageSize, offset],
      },
      page,
      pageSize,
    };
  }
  return {
    count: { sql: `SELECT COUNT(*) AS n FROM ${AWARDS_TABLE}${clause}`, params },
    rows: {
      sql: `SELECT ${VIEW_COLUMNS} FROM ${AWARDS_TABLE}${clause} ${order} LIMIT ? OFFSET ?`,
      params: [...params, pageSize, offset],
    },
    page,
    pageSize,
  };
}

/** The index condition narrowing the registry to rows that may match every term; none when no term has a word. */
function textIndexCondition(
  dialect: ReadModelDialect,
  terms: readonly string[],
): { sql: string; param: string } | undefined {
  if (dialect === 'postgres') {
    const tsquery = tsqueryText(terms);
    return tsquery === undefined ? undefined : { sql: 'search_words @@ ?::tsquery', param: tsquery };
  }
  const match = fts5MatchExpression(terms);
  return match === undefined
    ? undefined
    : { sql: `position IN (SELECT rowid FROM ${AWARDS_FTS_TABLE} WHERE ${AWARDS_FTS_TABLE} MATCH ?)`, param: match };
}

function toAwardView(r: Row): AwardView {
  return {
    nominationId: String(r.nomination_id),
    decisionNumber: String(r.decision_number),
    nomineeId: textOrNull(r.nominee_id),
    nomineeName: String(r.nominee_name),
    nomineeKind: textOrNull(r.nominee_kind),
    awardCode: String(r.award_code),
    awardName: String(r.award_name),
    unitId: textOrNull(r.unit_id),
    campaignId: textOrNull(r.campaign_id),
    year: numberOrNull(r.year),
    oneOff: fromBit(r.one_off),
    signedAt: textOrNull(r.signed_at),
    signedBy: textOrNull(r.signed_by),
    cashMultiple: numberOrNull(r.cash_multiple),
    revoked: fromBit(r.revoked),
    revokedAt: textOrNull(r.revoked_at),
    revokedBy: textOrNull(r.revoked_by),
    revocationGround: textOrNull(r.revocation_ground),
    revocationReason: textOrNull(r.revocation_reason),
    decisionId: textOrNull(r.decision_id),
    signingYear: numberOrNull(r.signing_year),
    revocationDecisionNumber: textOrNull(r.revocation_decision_number),
    revocationYear: numberOrNull(r.revocation_year),
    ...(r.authority != null ? { authority: String(r.authority) } : {}),
  };
}
