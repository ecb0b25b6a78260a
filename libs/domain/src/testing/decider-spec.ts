import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import type { Decider } from '../shared/decider';
import { DomainError, DomainErrorKind } from '../shared/errors';

/**
 * Given / When / Then for a decider, in the style of Emmett's `DeciderSpecification`
 * (event-driven-io/emmett):
 *
 *   const spec = DeciderSpecification.for(nominationDecider);
 *   spec.given([drafted()]).when(submit()).then([submitted()]);
 *   spec.given([]).when(submit()).thenThrows('NOT_FOUND', 'NOMINATION_NOT_FOUND');
 *
 * Given events are folded with `evolve` from `initialState()`; `when` runs `decide` once.
 * Assertions use node:assert, so the helper works under any test runner and carries no
 * test-framework types into the build.
 */
export interface ThenSpecification<Command, Event, State> {
  /** The command produced exactly these events (deep, strict equality, in order). */
  then(expected: Event[]): Event[];
  /** The command produced events; `check` inspects them and the state they lead to. */
  thenEvents(check: (events: Event[], stateAfter: State) => void): Event[];
  /** The state after the given events and the produced events satisfies `check`. */
  thenState(check: (stateAfter: State) => void): State;
  /** The command was refused with a DomainError of this kind (and code, when given). */
  thenThrows(kind: DomainErrorKind, code?: string): DomainError;
  /** The command was accepted and produced no event (an idempotent retry). */
  thenNothing(): void;
  /** The command, for reuse in a table of cases. */
  readonly command: Command;
}

export interface WhenSpecification<Command, Event, State> {
  when(command: Command): ThenSpecification<Command, Event, State>;
}

export interface GivenSpecification<Command, Event, State> {
  given(events?: Event[]): WhenSpecification<Command, Event, State>;
}

type Outcome<Event> = { ok: true; events: Event[] } | { ok: false; error: unknown };

function fail(message: string): never {
  throw new AssertionError({ message });
}

const describeError = (error: unknown) =>
  error instanceof DomainError
    ? `${error.kind}/${error.code}: ${error.message}`
    : error instanceof Error
      ? `${error.name}: ${error.message}`
      : String(error);

const describeEvents = (events: unknown[]) =>
  events.length ? events.map((e) => (e as { type?: string }).type ?? JSON.stringify(e)).join(', ') : '(none)';

export const DeciderSpecification = {
  for<Command, Event, State>(decider: Decider<Command, Event, State>): GivenSpecification<Command, Event, State> {
    return {
      given(givenEvents: Event[] = []) {
        return {
          when(command: Command): ThenSpecification<Command, Event, State> {
            const stateBefore = givenEvents.reduce(decider.evolve, decider.initialState());
            let run: Outcome<Event> | undefined;
            const outcome = (): Outcome<Event> => {
              if (!run) {
                try {
                  run = { ok: true, events: decider.decide(command, stateBefore) };
                } catch (error) {
                  run = { ok: false, error };
                }
              }
              return run;
            };
            const accepted = (expectation: string): Event[] => {
              const o = outcome();
              if (!o.ok) fail(`Expected ${expectation}, but the command was refused: ${describeError(o.error)}`);
              return o.events;
            };
            const stateAfter = (events: Event[]) => events.reduce(decider.evolve, stateBefore);

            return {
              command,
              then(expected) {
                const events = accepted(`events [${describeEvents(expected)}]`);
                deepStrictEqual(events, expected);
                return events;
              },
              thenEvents(check) {
                const events = accepted('events');
                if (events.length === 0) fail('Expected events, but the command produced none');
                check(events, stateAfter(events));
                return events;
              },
              thenState(check) {
                const state = stateAfter(accepted('a new state'));
                check(state);
                return state;
              },
              thenThrows(kind, code) {
                const o = outcome();
                const expected = code ? `${kind}/${code}` : kind;
                if (o.ok)
                  fail(
                    `Expected the command to be refused (${expected}), but it produced [${describeEvents(o.events)}]`,
                  );
                if (!(o.error instanceof DomainError))
                  fail(`Expected a DomainError ${expected}, but got ${describeError(o.error)}`);
                const e = o.error;
                if (e.kind !== kind || (code !== undefined && e.code !== code))
                  fail(`Expected the command to be refused with ${expected}, but got ${describeError(e)}`);
                return e;
              },
              thenNothing() {
                const events = accepted('no events');
                if (events.length) fail(`Expected no events, but the command produced [${describeEvents(events)}]`);
              },
            };
          },
        };
      },
    };
  },
};
