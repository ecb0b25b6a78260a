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
  advanceSequence,
  decideAllocation,
  decideNomineeRecord,
  decisionNumberStreamName,
  evolveNomineeRecord,
  foldSequence,
  initialNomineeRecord,
  nomineeStreamName,
  type DecisionNumberSequence,
} from '@tdkt/domain';
import { ConcurrencyError, deterministicEventId, type EventMetadata, type EventStore } from '@tdkt/event-store';
import { sideStreamMetadata } from './event-metadata';

export interface Logger {
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const MAX_ATTEMPTS = 50;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar year (Vietnam time) of an ISO instant: decision numbers restart each year. */
export const yearOf = (isoInstant: string) => new Date(Date.parse(isoInstant) + VIETNAM_OFFSET_MS).getUTCFullYear();

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

/** A sequence stream folded up to `revision` (-1: nothing read yet). */
interface CachedSequence {
  state: DecisionNumberSequence;
  revision: number;
  /** Allocations of this process on this stream run one after another: they would only conflict. */
  queue: Promise<unknown>;
}

/**
 * Per process and per store instance (a WeakMap: a cache never answers for another store), the
 * sequences already folded, so a signature reads only the stream's tail instead of the whole year.
 * The store stays the authority: every allocation first catches up to the stream's head, and the
 * append carries the expected revision, so a cache left behind by another worker's append only
 * costs a ConcurrencyError, a catch-up and a retry.
 */
const sequenceCaches = new WeakMap<EventStore, Map<string, CachedSequence>>();

function cachedSequence(store: EventStore, stream: string): CachedSequence {
  let streams = sequenceCaches.get(store);
  if (!streams) sequenceCaches.set(store, (streams = new Map()));
  let cached = streams.get(stream);
  if (!cached) streams.set(stream, (cached = { state: foldSequence([]), revision: -1, queue: Promise.resolve() }));
  return cached;
}

/** Folds in what the stream holds beyond the cache: one read of the tail. */
async function catchUp(store: EventStore, stream: string, cached: CachedSequence): Promise<void> {
  const tail = await store.readStream(stream, { fromRevision: cached.revision + 1 });
  // Each revision folds once, even if the read overlapped what the cache already holds.
  const unseen = tail.filter((e) => e.revision > cached.revision);
  if (unseen.length === 0) return;
  advanceSequence(cached.state, unseen.map((e) => e as unknown as DecisionNumberAllocated));
  cached.revision = unseen[unseen.length - 1].revision;
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
  const cached = cachedSequence(store, stream);
  const run = cached.queue.then(() => allocateInTurn(store, stream, cached, year, p));
  cached.queue = run.catch(() => undefined);
  return run;
}

async function allocateInTurn(
  store: EventStore,
  stream: string,
  cached: CachedSequence,
  year: number,
  p: { authority: string; nominationId: string; now: string; actor: Actor; commandId: string },
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    await catchUp(store, stream, cached);
    // Only this allocation changes the cache until it ends (the queue), apart from the catch-up above.
    const command = { type: 'AllocateDecisionNumber' as const, authority: p.authority, year, nominationId: p.nominationId, now: p.now };
    const [event] = decideAllocation(command, cached.state);
    if (!event) return cached.state.byNomination[p.nominationId]; // a retry: the number it already holds
    const expected = cached.revision;
    try {
      const result = await store.append(
        stream,
        [
          {
            id: deterministicEventId(stream, p.nominationId),
            type: event.type,
            data: event.data,
            metadata: sideStreamMetadata(p.actor, 'CHAIRMAN', p.now, p.nominationId, p.commandId),
          },
        ],
        expected < 0 ? 'no_stream' : expected,
      );
      // Idempotent: this nomination's event was already stored (a concurrent retry of this
      // signature won the race), perhaps with another number: the next catch-up reads the truth.
      if (!result.idempotent) return event.data.decisionNumber;
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.min(50, attempt * 2) * Math.random()));
    }
  }
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
        metadata: sideStreamMetadata(p.actor, p.source === 'SIGNED' ? 'CHAIRMAN' : 'SYSTEM', p.now, p.award.nominationId, p.causationId),
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
          metadata: sideStreamMetadata(p.actor, 'CHAIRMAN', p.now, p.nominationId, p.causationId),
        }),
      ),
  );
}
