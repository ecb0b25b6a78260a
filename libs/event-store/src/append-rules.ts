import type { ExpectedRevision } from './event-store.port';

/** Whether a stream whose last revision is `current` (-1: no stream) meets the writer's expectation. */
export function meetsExpectation(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return expected === current;
  }
}

/** The `actual` a ConcurrencyError reports. */
export function actualRevision(current: number): number | 'no_stream' {
  return current === -1 ? 'no_stream' : current;
}

/** One append may not carry the same event id twice: the store could not tell a retry from it. */
export function assertDistinctIds(stream: string, events: { id: string }[]): void {
  const ids = new Set(events.map((event) => event.id));
  if (ids.size !== events.length) throw new Error(`The same event id appears twice in one append to ${stream}`);
}
