import { EventStoreDbEventStore, FollowingAuditLog, auditLogOf, createEventStore } from '@tdkt/event-store';
import { runEventStoreContract } from './event-store.contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  runEventStoreContract('EventStoreDB adapter', () => ({
    open: () => EventStoreDbEventStore.connect(connectionString),
  }));
} else {
  describe('EventStoreDB adapter contract', () => {
    it('is skipped: EVENTSTORE_CONNECTION_STRING is not set', () => {
      process.stdout.write(
        'EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB server can run on this machine)\n',
      );
      // What can be checked without a server: the adapter loads, implements the port, and the factory picks it.
      for (const method of [
        'append',
        'readStream',
        'streamRevision',
        'readAll',
        'headPosition',
        'subscribeToAll',
        'close',
      ] as const) {
        expect(typeof EventStoreDbEventStore.prototype[method]).toBe('function');
      }
      const store = createEventStore({
        eventStoreConnectionString: 'esdb://localhost:2113?tls=false',
        sqliteFile: 'unused.sqlite',
      });
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
      // Its audit log is the $all follower (positions are not dense), run against SQLite in sqlite-event-store.test.ts.
      expect(auditLogOf(store)).toBeInstanceOf(FollowingAuditLog);
      return store.close();
    });
  });
}
