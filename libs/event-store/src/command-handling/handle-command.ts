/**
 * Load a stream, decide, append with the expected revision, retry on a conflict — once, for every
 * stream the system writes (after Emmett's commandHandling/handleCommand.ts). It lives beside the
 * store, not in libs/temporal: it needs nothing but the EventStore port and a decider, so Temporal
 * activities, imports and tools can all write through it.
 */
import { ConcurrencyError, type EventMetadata, type EventStore, type RecordedEvent } from '../event-store.port';

/** Events as deciders see them: the stored envelope's type and data. */
export interface DomainEvent {
  type: string;
  data: unknown;
}

/** The decider triple (Chassaing / Emmett); structurally the domain's `Decider`. */
export interface StreamDecider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** A stream's state and the revision it reflects (-1: no stream yet). */
export interface LoadedState<State> {
  state: State;
  revision: number;
}

/**
 * Stored events as the decider's events (the one cast from the envelope): a stream only ever
 * holds events its own decider wrote.
 */
export const asDomainEvents = <Event extends DomainEvent>(recorded: readonly RecordedEvent[]): Event[] =>
  recorded.map((e) => e as unknown as Event);

/** The state after `recorded`, folded from the decider's initial state. */
export function foldRecorded<Event extends DomainEvent, State>(
  decider: Pick<StreamDecider<unknown, Event, State>, 'evolve' | 'initialState'>,
  recorded: readonly RecordedEvent[],
): State {
  return asDomainEvents<Event>(recorded).reduce(decider.evolve, decider.initialState());
}

export interface HandleCommandOptions<Event, State> {
  /**
   * The id and metadata of the command's i-th event. Ids must derive from the command (see
   * deterministicEventId), so a retried command re-appends the same ids and the store ignores them.
   */
  envelope(event: Event, index: number): { id: string; metadata: EventMetadata };
  /** The state to decide on (default: the whole stream, folded). Called again before every retry. */
  load?(): Promise<LoadedState<State>>;
  /** Attempts in all when the append meets a ConcurrencyError (default 1: the conflict is thrown). */
  maxAttempts?: number;
}

export interface HandledCommand<Event, State> {
  /** What the decider produced (and was appended); empty when it had nothing to add. */
  events: Event[];
  /** The state the decision was made on (callers evolve it further if they need the new state). */
  state: State;
  /** The stream's revision after the append (the loaded revision when nothing was appended). */
  revision: number;
  /** Global position of the last appended event; undefined when nothing was appended. */
  position?: number;
  /** True when every event was already stored under these ids (a retry): nothing was written. */
  idempotent: boolean;
}

/** Re-reads back off a little, at random, so competing writers do not collide again in step. */
const backOff = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(50, attempt * 2) * Math.random()));

/**
 * Decides `command` on the stream's state and appends the events expecting the revision that
 * state reflects. `command` may be a function of the state (the command needs context the state
 * names, or checks to run first). A conflict re-loads, re-decides and re-appends, up to `maxAttempts`.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: StreamDecider<Command, Event, State>,
  command: Command | ((state: State) => Command | Promise<Command>),
  options: HandleCommandOptions<Event, State>,
): Promise<HandledCommand<Event, State>> {
  const load = options.load ?? (async () => loadStream(store, stream, decider));
  const maxAttempts = options.maxAttempts ?? 1;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await load();
    const cmd =
      typeof command === 'function' ? await (command as (state: State) => Command | Promise<Command>)(state) : command;
    const events = decider.decide(cmd, state);
    if (events.length === 0) return { events, state, revision, idempotent: false };
    const toAppend = events.map((event, i) => {
      const { id, metadata } = options.envelope(event, i);
      return { id, type: event.type, data: event.data, metadata };
    });
    try {
      const result = await store.append(stream, toAppend, revision < 0 ? 'no_stream' : revision);
      return {
        events,
        state,
        revision: result.nextExpectedRevision,
        position: result.position,
        idempotent: result.idempotent,
      };
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= maxAttempts) throw err;
      await backOff(attempt);
    }
  }
}

/** The whole stream, folded, with its last revision. */
export async function loadStream<Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Pick<StreamDecider<unknown, Event, State>, 'evolve' | 'initialState'>,
): Promise<LoadedState<State>> {
  const recorded = await store.readStream(stream);
  return {
    state: foldRecorded(decider, recorded),
    revision: recorded.length ? recorded[recorded.length - 1].revision : -1,
  };
}
