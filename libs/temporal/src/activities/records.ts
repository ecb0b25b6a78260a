/**
 * The two streams beside the nominations: the decision-number sequence (one per authority and
 * year, gap-free) and each nominee's award record. Both are written through handleCommand, with the
 * expected revision and retried on a concurrency conflict; event ids are deterministic, so
 * repeating a call writes nothing.
 */
import {
  Actor,
  DecisionNumberAllocated,
  NomineeRecord,
  NomineeRecordCommand,
  PriorAward,
  RevocationGround,
  advanceSequence,
  decideAllocation,
  decideNomineeRecord,
  decisionNumberStreamName,
  evolveNomineeRecord,
  evolveSequence,
  foldSequence,
  initialNomineeRecord,
  initialSequence,
  nomineeNominationsStreamName,
  nomineeStreamName,
  type DecisionNumberSequence,
} from '@tdkt/domain';
import { asDomainEvents, deterministicEventId, handleCommand, loadStream, type EventStore } from '@tdkt/event-store';
import { sideStreamMetadata } from './event-metadata';

export interface Logger {
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const MAX_ATTEMPTS = 50;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar year (Vietnam time) of an ISO instant: decision numbers restart each year. */
export const yearOf = (isoInstant: string) => new Date(Date.parse(isoInstant) + VIETNAM_OFFSET_MS).getUTCFullYear();

// The sequence loads from its cache (advanced in place, see catchUp), so only `decide` runs for it.
const sequenceDecider = { decide: decideAllocation, evolve: evolveSequence, initialState: initialSequence };
const nomineeRecordDecider = {
  decide: decideNomineeRecord,
  evolve: evolveNomineeRecord,
  initialState: initialNomineeRecord,
};

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
  advanceSequence(cached.state, asDomainEvents<DecisionNumberAllocated>(unseen));
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
  const command = {
    type: 'AllocateDecisionNumber' as const,
    authority: p.authority,
    year,
    nominationId: p.nominationId,
    now: p.now,
  };
  for (;;) {
    const handled = await handleCommand(store, stream, sequenceDecider, command, {
      // Only this allocation changes the cache until it ends (the queue), apart from the catch-up.
      load: async () => {
        await catchUp(store, stream, cached);
        return { state: cached.state, revision: cached.revision };
      },
      envelope: () => ({
        id: deterministicEventId(stream, p.nominationId),
        metadata: sideStreamMetadata(p.actor, 'CHAIRMAN', p.now, p.nominationId, p.commandId),
      }),
      maxAttempts: MAX_ATTEMPTS,
    });
    const [event] = handled.events;
    if (!event) return cached.state.byNomination[p.nominationId]; // a retry: the number it already holds
    // Idempotent: this nomination's event was already stored (a concurrent retry of this
    // signature won the race), perhaps with another number: the next catch-up reads the truth.
    if (!handled.idempotent) return event.data.decisionNumber;
  }
}

export async function readNomineeRecord(
  store: EventStore,
  nomineeId: string,
): Promise<{ record: NomineeRecord; revision: number }> {
  const { state, revision } = await loadStream(store, nomineeStreamName(nomineeId), nomineeRecordDecider);
  return { record: state, revision };
}

/** The nominations drafted for a nominee (their own stream beside the history). */
export async function readNomineeNominations(store: EventStore, nomineeId: string): Promise<PriorAward[]> {
  const { state } = await loadStream(store, nomineeNominationsStreamName(nomineeId), nomineeRecordDecider);
  return state.nominations ?? [];
}

/** Who writes to a nominee's record, in which role, and for which command. */
interface RecordedBy {
  actor: Actor;
  role: string;
  causationId: string;
}

/**
 * One command on a nominee's record. The event id names the nomination and what happened to its
 * award, so recording it again writes nothing; a refusal (the award already held) is a DomainError.
 */
async function handleNomineeRecordCommand(
  store: EventStore,
  command: NomineeRecordCommand,
  by: RecordedBy,
): Promise<void> {
  const stream =
    command.type === 'RecordNomination'
      ? nomineeNominationsStreamName(command.nomineeId)
      : nomineeStreamName(command.nomineeId);
  const [nominationId, what] =
    command.type === 'RecordAward'
      ? [command.award.nominationId, 'award']
      : command.type === 'RecordNomination'
        ? [command.nomination.nominationId, 'nomination']
        : [command.nominationId, 'revocation'];
  await handleCommand(store, stream, nomineeRecordDecider, command, {
    envelope: () => ({
      id: deterministicEventId(stream, nominationId, what),
      metadata: sideStreamMetadata(by.actor, by.role, command.now, nominationId, by.causationId),
    }),
    maxAttempts: MAX_ATTEMPTS,
  });
}

export async function recordNomineeAward(
  store: EventStore,
  p: {
    nomineeId: string;
    award: PriorAward;
    now: string;
    source: 'SIGNED' | 'IMPORTED';
    actor: Actor;
    causationId: string;
  },
): Promise<void> {
  const command: NomineeRecordCommand = {
    type: 'RecordAward',
    nomineeId: p.nomineeId,
    award: p.award,
    now: p.now,
    source: p.source,
  };
  await handleNomineeRecordCommand(store, command, {
    actor: p.actor,
    role: p.source === 'SIGNED' ? 'CHAIRMAN' : 'SYSTEM',
    causationId: p.causationId,
  });
}

/** A nomination drafted for the nominee, on their record (idempotent per nomination). */
export async function recordNomineeNomination(
  store: EventStore,
  p: { nomineeId: string; nomination: PriorAward; now: string; actor: Actor; causationId: string },
): Promise<void> {
  const command: NomineeRecordCommand = {
    type: 'RecordNomination',
    nomineeId: p.nomineeId,
    nomination: p.nomination,
    now: p.now,
  };
  await handleNomineeRecordCommand(store, command, {
    actor: p.actor,
    role: p.actor.roles[0] ?? 'UNIT_OFFICER',
    causationId: p.causationId,
  });
}

export async function recordNomineeRevocation(
  store: EventStore,
  p: {
    nomineeId: string;
    nominationId: string;
    ground: RevocationGround;
    now: string;
    actor: Actor;
    causationId: string;
  },
): Promise<void> {
  const command: NomineeRecordCommand = {
    type: 'RecordRevocation',
    nomineeId: p.nomineeId,
    nominationId: p.nominationId,
    ground: p.ground,
    now: p.now,
  };
  await handleNomineeRecordCommand(store, command, { actor: p.actor, role: 'CHAIRMAN', causationId: p.causationId });
}
