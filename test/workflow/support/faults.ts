import type { EventStore, EventToAppend } from '@tdkt/event-store';

/**
 * The event store as the activities see it, except that an append for which `failAfter` returns
 * true throws right AFTER it has been stored — as if the worker lost the answer or crashed before
 * finishing the activity. The retried activity must then write nothing twice.
 */
export function failingAfterAppend(
  store: EventStore,
  failAfter: (stream: string, events: EventToAppend[]) => boolean,
): EventStore {
  return {
    async append(stream, events, expected) {
      const result = await store.append(stream, events, expected);
      if (failAfter(stream, events))
        throw new Error(`Injected fault after appending ${events.map((e) => e.type).join(', ')} to ${stream}`);
      return result;
    },
    readStream: (stream, options) => store.readStream(stream, options),
    streamRevision: (stream) => store.streamRevision(stream),
    readAll: (options) => store.readAll(options),
    headPosition: () => store.headPosition(),
    storeId: () => store.storeId(),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
  };
}

/** Fails once per event id, for nominations in `nominationIds`, after appending one of `eventTypes`. */
export function oncePerEvent(
  nominationIds: { has(id: string): boolean },
  eventTypes: string[],
  onFault?: (type: string) => void,
) {
  const failed = new Set<string>();
  return (stream: string, events: EventToAppend[]): boolean => {
    const first = events[0];
    const nominationId = stream.startsWith('nomination-') ? stream.slice('nomination-'.length) : undefined;
    if (
      !first ||
      !nominationId ||
      !nominationIds.has(nominationId) ||
      !eventTypes.includes(first.type) ||
      failed.has(first.id)
    )
      return false;
    failed.add(first.id);
    onFault?.(first.type);
    return true;
  };
}
