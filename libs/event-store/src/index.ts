export * from './event-store.port';
export { deterministicEventId } from './event-id';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb/eventstoredb-event-store';
export { createEventStore, type EventStoreConfig } from './create-event-store';
export * from './command-handling/handle-command';
export * from './audit';
