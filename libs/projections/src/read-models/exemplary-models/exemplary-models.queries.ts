import type { Consent, RelatedAward } from '@tdkt/domain';
import type { ReadModelDb, Row, SqlParam } from '../../db/read-model-db';
import { searchTerms } from '../../normalise';
import { WORD_TEXT_SQL, wordPrefixPattern } from '../../registry-search';
import { Page, paging } from '../paging';
import { jsonOr, textOrNull } from '../row-values';
import type { ExemplaryModelHistoryEntry } from './exemplary-models.projection';
import { AWARDS_TABLE } from '../award-registry/award-registry.schema';
import { EXEMPLARY_MODELS_TABLE } from './exemplary-models.schema';

export interface ExemplaryModelView {
  id: string;
  status: 'DRAFT' | 'PUBLISHED' | 'UNPUBLISHED';
  title: string;
  text: string;
  photoUrl: string | null;
  award: RelatedAward;
  /** Recorded consent; null when none (or withdrawn). */
  consent: Consent | null;
  history: ExemplaryModelHistoryEntry[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface ListExemplaryModelsQuery {
  /** Only published stories (what the public sees). */
  publishedOnly?: boolean;
  status?: ExemplaryModelView['status'];
  /** Every word must begin a word of the title, the awardee, the award, the decision or the text (accents ignored). */
  q?: string;
  year?: number;
  awardCode?: string;
  page?: number;
  pageSize?: number;
}

const COLUMNS =
  'model_id, status, title, body, photo_url, award, consent, history, created_at, updated_at, published_at';

export async function listExemplaryModels(
  db: ReadModelDb,
  query: ListExemplaryModelsQuery = {},
): Promise<Page<ExemplaryModelView>> {
  const { page, pageSize, offset } = paging(query.page, query.pageSize);
  const where: string[] = [];
  const params: SqlParam[] = [];
  const status = query.publishedOnly ? 'PUBLISHED' : query.status;
  if (status) {
    where.push('status = ?');
    params.push(status);
  }
  for (const term of searchTerms(query.q)) {
    where.push(`${WORD_TEXT_SQL} LIKE ? ESCAPE '\\'`);
    params.push(wordPrefixPattern(term));
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  // Year and award live in the award's JSON: a small table, filtered after reading.
  const rows = (
    await db.all(
      `SELECT ${COLUMNS} FROM ${EXEMPLARY_MODELS_TABLE}${clause} ORDER BY published_at DESC, created_at DESC, model_id`,
      params,
    )
  )
    .map(toView)
    .filter(
      (m) =>
        (query.year === undefined || m.award.year === query.year) &&
        (!query.awardCode || m.award.awardCode === query.awardCode),
    );
  return { items: rows.slice(offset, offset + pageSize), total: rows.length, page, pageSize };
}

export async function getExemplaryModel(db: ReadModelDb, id: string): Promise<ExemplaryModelView | null> {
  const row = await db.get(`SELECT ${COLUMNS} FROM ${EXEMPLARY_MODELS_TABLE} WHERE model_id = ?`, [id]);
  return row ? toView(row) : null;
}

function toView(r: Row): ExemplaryModelView {
  return {
    id: String(r.model_id),
    status: String(r.status) as ExemplaryModelView['status'],
    title: String(r.title),
    text: String(r.body),
    photoUrl: textOrNull(r.photo_url),
    award: jsonOr(r.award, {} as RelatedAward),
    consent: jsonOr(r.consent, null),
    history: jsonOr(r.history, []),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    publishedAt: textOrNull(r.published_at),
  };
}

/** The signed award a story relates to, from the award registry; null when the nomination has none. */
export async function registryAwardOf(
  db: ReadModelDb,
  nominationId: string,
): Promise<{ award: RelatedAward; revoked: boolean } | null> {
  const r = await db.get(
    `SELECT nomination_id, decision_number, award_code, award_name, nominee_name, nominee_kind, unit_id, year, revoked
     FROM ${AWARDS_TABLE} WHERE nomination_id = ?`,
    [nominationId],
  );
  if (!r) return null;
  return {
    award: {
      nominationId: String(r.nomination_id),
      decisionNumber: String(r.decision_number),
      awardCode: String(r.award_code),
      awardName: String(r.award_name),
      nomineeName: String(r.nominee_name),
      nomineeKind: textOrNull(r.nominee_kind),
      unitId: textOrNull(r.unit_id),
      year: r.year === null || r.year === undefined ? null : Number(r.year),
    },
    revoked: Number(r.revoked) === 1,
  };
}
