import type { ExistingSession } from '@tdkt/domain';
import type { ReadModelDb } from '../../db/read-model-db';
import { COUNCIL_SESSIONS_TABLE } from './council-sessions.schema';

export interface CouncilSessionRow {
  id: string;
  title: string;
  scheduledAt: string;
  status: string;
  items: number;
  openedAt: string | null;
  closedAt: string | null;
}

const summary = (r: Record<string, unknown>): CouncilSessionRow => ({
  id: String(r.session_id),
  title: String(r.title),
  scheduledAt: String(r.scheduled_at),
  status: String(r.status),
  items: Number(r.items),
  openedAt: r.opened_at == null ? null : String(r.opened_at),
  closedAt: r.closed_at == null ? null : String(r.closed_at),
});

/** Every session, the latest scheduled first. */
export async function listCouncilSessions(db: ReadModelDb): Promise<CouncilSessionRow[]> {
  const rows = await db.all(
    `SELECT session_id, title, scheduled_at, status, items, opened_at, closed_at FROM ${COUNCIL_SESSIONS_TABLE}
     ORDER BY scheduled_at DESC, session_id ASC`,
  );
  return rows.map(summary);
}

/** One session with its folded state, or undefined. */
export async function getCouncilSession(
  db: ReadModelDb,
  id: string,
): Promise<(CouncilSessionRow & { state: ExistingSession; position: number }) | undefined> {
  const r = await db.get(`SELECT * FROM ${COUNCIL_SESSIONS_TABLE} WHERE session_id = ?`, [id]);
  return r ? { ...summary(r), state: JSON.parse(String(r.state)), position: Number(r.position) } : undefined;
}
