/**
 * The envelope metadata the activities write with every event: who acted, in which role and
 * scope, when, and the command it came from. The bench seeder and the projection tests build their
 * streams with the same functions, so what they project is what the activities write.
 */
import { NOMINATION_EVENT_SCHEMA_VERSION, type Actor, type NominationEvent } from '@tdkt/domain';
import type { EventMetadata } from '@tdkt/event-store';

/** Metadata of a nomination event: the actor is the one the decider recorded in the event (`data.by`). */
export function nominationEventMetadata(
  event: NominationEvent,
  p: { now: string; nominationId: string; commandId: string },
): EventMetadata {
  const by = event.data.by;
  const m: EventMetadata = {
    actorId: by.userId,
    actorRole: by.role,
    occurredAt: p.now,
    correlationId: p.nominationId,
    causationId: p.commandId,
    schemaVersion: NOMINATION_EVENT_SCHEMA_VERSION,
  };
  if (by.unitId !== undefined) m.actorUnitId = by.unitId;
  if (by.clusterId !== undefined) m.actorClusterId = by.clusterId;
  if (event.data.comment) m.reason = event.data.comment;
  return m;
}

/** Metadata of an event on a side stream (decision numbers, nominee record), caused by a nomination's command. */
export function sideStreamMetadata(
  actor: Actor,
  role: string,
  now: string,
  correlationId: string,
  causationId: string,
): EventMetadata {
  const m: EventMetadata = {
    actorId: actor.userId,
    actorRole: role,
    occurredAt: now,
    correlationId,
    causationId,
    schemaVersion: 1,
  };
  if (actor.unitId !== undefined) m.actorUnitId = actor.unitId;
  if (actor.clusterId !== undefined) m.actorClusterId = actor.clusterId;
  return m;
}
