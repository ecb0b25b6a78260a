/**
 * The two streams beside the nominations: the decision-number sequence (one per authority and
 * year, gap-free) and each nominee's award record. Both are written with the expected revision and
 * retried on a concurrency conflict; event ids are deterministic, so repeating a call writes nothing.
 */
import {
  Actor,
  DecisionNumberAllocated,
  NomineeRecord,
  NomineeRecordEvent,
  PriorAward,
  RevocationGround,
  decideAllocation,
  decideNomineeRecord,
  decisionNumberStreamName,
  evolveNomineeRecord,
  evolveSequence,
  initialNomineeRecord,
  initialSequence,
  nomineeStreamName,
} from '@tdkt/domain';
import { ConcurrencyError, deterministicEventId, type EventMetadata, type EventStore } from '@tdkt/event-store';

export interface Logger {
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const MAX_ATTEMPTS = 50;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar year (Vietnam time) of an ISO instant: decision numbers restart each year. */
export const yearOf = (isoInstant: string) => new Date(Date.parse(isoInstant) + VIETNAM_OFFSET_MS).getUTCFullYear();

function metadata(actor: Actor, role: string, now: string, correlationId: string, causationId: string): EventMetadata {
  const m: EventMetadata = { actorId: actor.userId, actorRole: role, occurredAt: now, correlationId, causationId, schemaVersion: 1 };
  if (actor.unitId !== undefined) m.actorUnitId = actor.unitId;
  if (actor.clusterId !== undefined) m.actorClusterId = actor.clusterId;
  return m;
}

/** Appends under optimistic concurrency, re-reading and re-deciding on a conflict. */
async function appendWithRetry<S>(
  store: EventStore,
  stream: string,
  load: () => Promise<{ state: S; revision: number }>,
  decideEvents: (state: S) => { id: string; type: string; data: unknown; metadata: EventMetadata }[],
): Promise<S> {
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await load();
    const events = decideEvents(state);
    if (events.length === 0) return state;
    try {
      await store.append(stream, events, revision < 0 ? 'no_stream' : revision);
      return state;
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.min(50, attempt * 2) * Math.random()));
    }
  }
}

/**
 * The decision number of a signature: the one this nomination already holds in the sequence (a
 * retry), or the next one. Sequential and gap-free within `authority` and the signing year.
 */
export async function allocateDecisionNumber(
  store: EventStore,
  p: { authority: string; nominationId: string; now: string; actor: Actor; commandId: string },
): Promise<string> {
  const year = yearOf(p.now);
  const stream = decisionNumberStreamName(p.authority, year);
  let allocated: string | undefined;
  await appendWithRetry(
    store,
    stream,
    async () => {
      const events = await store.readStream(stream);
      const state = events.reduce((s, e) => evolveSequence(s, e as unknown as DecisionNumberAllocated), initialSequence());
      return { state, revision: events.length ? events[events.length - 1].revision : -1 };
    },
    (state) => {
      allocated = state.byNomination[p.nominationId];
      const events = decideAllocation({ type: 'AllocateDecisionNumber', authority: p.authority, year, nominationId: p.nominationId, now: p.now }, state);
      if (events.length) allocated = events[0].data.decisionNumber;
      return events.map((e) => ({
        id: deterministicEventId(stream, p.nominationId),
        type: e.type,
        data: e.data,
        metadata: metadata(p.actor, 'CHAIRMAN', p.now, p.nominationId, p.commandId),
      }));
    },
  );
  if (!allocated) throw new Error(`no decision number allocated for ${p.nominationId}`);
  return allocated;
}

export async function readNomineeRecord(store: EventStore, nomineeId: string): Promise<{ record: NomineeRecord; revision: number }> {
  const events = await store.readStream(nomineeStreamName(nomineeId));
  return {
    record: events.reduce((s, e) => evolveNomineeRecord(s, e as unknown as NomineeRecordEvent), initialNomineeRecord()),
    revision: events.length ? events[events.length - 1].revision : -1,
  };
}

export async function recordNomineeAward(
  store: EventStore,
  p: { nomineeId: string; award: PriorAward; now: string; source: 'SIGNED' | 'IMPORTED'; actor: Actor; causationId: string },
): Promise<void> {
  const stream = nomineeStreamName(p.nomineeId);
  await appendWithRetry(
    store,
    stream,
    async () => {
      const { record, revision } = await readNomineeRecord(store, p.nomineeId);
      return { state: record, revision };
    },
    (record) =>
      decideNomineeRecord({ type: 'RecordAward', nomineeId: p.nomineeId, award: p.award, now: p.now, source: p.source }, record).map((e) => ({
        id: deterministicEventId(stream, p.award.nominationId, 'award'),
        type: e.type,
        data: e.data,
        metadata: metadata(p.actor, p.source === 'SIGNED' ? 'CHAIRMAN' : 'SYSTEM', p.now, p.award.nominationId, p.causationId),
      })),
  );
}

export async function recordNomineeRevocation(
  store: EventStore,
  p: { nomineeId: string; nominationId: string; ground: RevocationGround; now: string; actor: Actor; causationId: string },
): Promise<void> {
  const stream = nomineeStreamName(p.nomineeId);
  await appendWithRetry(
    store,
    stream,
    async () => {
      const { record, revision } = await readNomineeRecord(store, p.nomineeId);
      return { state: record, revision };
    },
    (record) =>
      decideNomineeRecord({ type: 'RecordRevocation', nomineeId: p.nomineeId, nominationId: p.nominationId, ground: p.ground, now: p.now }, record).map(
        (e) => ({
          id: deterministicEventId(stream, p.nominationId, 'revocation'),
          type: e.type,
          data: e.data,
          metadata: metadata(p.actor, 'CHAIRMAN', p.now, p.nominationId, p.causationId),
        }),
      ),
  );
}
