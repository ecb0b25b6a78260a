import type { RecordedEvent } from '@tdkt/event-store';
import { SqliteReadModelDb } from './db/sqlite-read-model-db';
import { prepareProjections } from './projection-schema';
import { AuditTrailProjection } from './read-models/audit-trail/audit-trail.projection';
import { getAuditTrail, type AuditEntry } from './read-models/audit-trail/audit-trail.queries';
import { StatusBoardProjection } from './read-models/status-board/status-board.projection';
import { getNomination, type NominationDetail } from './read-models/status-board/status-board.queries';

/** When an event happened, as the time-travel queries count it: the command's time, else when it was stored. */
export const eventInstant = (e: RecordedEvent): string =>
  typeof e.metadata?.occurredAt === 'string' ? new Date(e.metadata.occurredAt).toISOString() : e.recordedAt;

/**
 * A nomination as it stood at `asOf`: its stream's events (and its dossier's, merged by position) up to then, folded by the status board's and
 * the audit trail's own projections into a throw-away in-memory read model (the same code as the live
 * view, so past and present are computed alike). One stream is a few dozen events: milliseconds.
 */
export async function nominationAsOf(
  id: string,
  stream: readonly RecordedEvent[],
  asOf: string,
): Promise<{ detail: NominationDetail | null; auditTrail: AuditEntry[] }> {
  const events = stream.filter((e) => eventInstant(e) <= asOf);
  const db = SqliteReadModelDb.open(':memory:');
  try {
    const projections = [new StatusBoardProjection(), new AuditTrailProjection()];
    await prepareProjections(db, projections);
    if (events.length > 0)
      await db.transaction(async (tx) => {
        // Each projection sees the streams it reads (the status board: not the dossier's).
        for (const p of projections)
          await p.applyBatch(
            tx,
            events.filter((e) => p.streamPrefixes.some((prefix) => e.stream.startsWith(prefix))),
          );
      });
    return { detail: await getNomination(db, id), auditTrail: await getAuditTrail(db, id) };
  } finally {
    await db.close();
  }
}
