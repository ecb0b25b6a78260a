import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** `sqliteFile`, or the app config's `eventStoreFile`, names the embedded store's file. */
export type EventStoreConfig = { eventStoreConnectionString?: string } & (
  { sqliteFile: string } | { eventStoreFile: string }
);

/** EventStoreDB when a connection string is configured (production), else the embedded SQLite file. */
export function createEventStore(config: EventStoreConfig): EventStore {
  if (config.eventStoreConnectionString) return EventStoreDbEventStore.connect(config.eventStoreConnectionString);
  return SqliteEventStore.open('sqliteFile' in config ? config.sqliteFile : config.eventStoreFile);
}
