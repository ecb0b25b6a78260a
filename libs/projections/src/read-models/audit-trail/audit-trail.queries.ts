import type { ReadModelDb, Row } from '../../db/read-model-db';
import { jsonOr, textOrNull } from '../row-values';
import { AUDIT_TABLE } from './audit-trail.schema';

export interface AuditEntry {
  nominationId: string;
  /** The stream the event is in: the nomination's (`nomination-<id>`) or its dossier's (`dossier-<id>`). */
  stream: string;
  /** The event's revision in its stream. */
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

/**
 * Every event of the nomination and its dossier, in the order they were stored. Who may read it is
 * the domain's `mayReadAuditTrail`.
 */
export async function getAuditTrail(db: ReadModelDb, nominationId: string): Promise<AuditEntry[]> {
  const rows = await db.all(`SELECT * FROM ${AUDIT_TABLE} WHERE nomination_id = ? ORDER BY position ASC`, [
    nominationId,
  ]);
  return rows.map(toAuditEntry);
}

function toAuditEntry(r: Row): AuditEntry {
  return {
    nominationId: String(r.nomination_id),
    stream: String(r.stream),
    revision: Number(r.revision),
    position: Number(r.position),
    eventId: String(r.event_id),
    eventType: String(r.event_type),
    actorId: textOrNull(r.actor_id),
    actorRole: textOrNull(r.actor_role),
    actorUnitId: textOrNull(r.actor_unit_id),
    actorClusterId: textOrNull(r.actor_cluster_id),
    occurredAt: textOrNull(r.occurred_at),
    recordedAt: textOrNull(r.recorded_at),
    summary: String(r.summary),
    reason: textOrNull(r.reason),
    comment: textOrNull(r.comment),
    correlationId: textOrNull(r.correlation_id),
    causationId: textOrNull(r.causation_id),
    data: jsonOr<Record<string, unknown>>(r.data, {}),
  };
}
