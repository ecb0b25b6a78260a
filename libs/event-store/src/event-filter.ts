import type { ReadAllOptions } from './event-store.port';

export type EventFilter = Pick<ReadAllOptions, 'eventTypePrefixes' | 'streamPrefixes'>;

/** True when the list actually filters: an absent or empty list means "everything". */
export function hasPrefixes(prefixes: string[] | undefined): prefixes is string[] {
  return prefixes !== undefined && prefixes.length > 0;
}

/** The port's prefix filters as a predicate, for adapters that cannot filter on the server. */
export function matchesFilter(event: { type: string; stream: string }, filter: EventFilter): boolean {
  const { eventTypePrefixes: types, streamPrefixes: streams } = filter;
  if (hasPrefixes(types) && !types.some((prefix) => event.type.startsWith(prefix))) return false;
  if (hasPrefixes(streams) && !streams.some((prefix) => event.stream.startsWith(prefix))) return false;
  return true;
}
