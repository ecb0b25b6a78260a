import type { DecisionStatus, ExistingDecision } from '@tdkt/domain';
import type { ReadModelDb, SqlParam } from '../../db/read-model-db';
import { AWARD_DECISIONS_TABLE } from './award-decisions.schema';

export interface AwardDecisionRow {
  id: string;
  kind: string;
  authority: string;
  title: string;
  status: DecisionStatus;
  decisionNumber: string | null;
  /** Signing year (null before signing). */
  year: number | null;
  draftedAt: string;
  signedAt: string | null;
  recipients: number;
}

export interface ListAwardDecisionsQuery {
  year?: number;
  authority?: string;
  status?: string;
}

const summary = (r: Record<string, unknown>): AwardDecisionRow => ({
  id: String(r.decision_id),
  kind: String(r.kind),
  authority: String(r.authority),
  title: String(r.title),
  status: String(r.status) as DecisionStatus,
  decisionNumber: r.decision_number == null ? null : String(r.decision_number),
  year: r.year == null ? null : Number(r.year),
  draftedAt: String(r.drafted_at),
  signedAt: r.signed_at == null ? null : String(r.signed_at),
  recipients: Number(r.recipients),
});

/** Decisions, the latest drafted first; filtered by signing year, authority and status. */
export async function listAwardDecisions(
  db: ReadModelDb,
  q: ListAwardDecisionsQuery = {},
): Promise<AwardDecisionRow[]> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  for (const [column, value] of [
    ['year', q.year],
    ['authority', q.authority],
    ['status', q.status],
  ] as const)
    if (value !== undefined && value !== '') {
      where.push(`${column} = ?`);
      params.push(value);
    }
  const rows = await db.all(
    `SELECT decision_id, kind, authority, title, status, decision_number, year, drafted_at, signed_at, recipients
     FROM ${AWARD_DECISIONS_TABLE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
     ORDER BY drafted_at DESC, decision_id ASC LIMIT 500`,
    params,
  );
  return rows.map(summary);
}

export async function getAwardDecision(
  db: ReadModelDb,
  id: string,
): Promise<(AwardDecisionRow & { state: ExistingDecision; position: number }) | undefined> {
  const r = await db.get(`SELECT * FROM ${AWARD_DECISIONS_TABLE} WHERE decision_id = ?`, [id]);
  return r ? { ...summary(r), state: JSON.parse(String(r.state)), position: Number(r.position) } : undefined;
}
