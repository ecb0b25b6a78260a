// Run as a separate Node process by sqlite-event-store.test.ts: appends `batches` batches of 50
// events to `stream` in the given file, with optimistic retries, then exits.
import { ConcurrencyError } from '../../../libs/event-store/src/event-store.port';
import { SqliteEventStore } from '../../../libs/event-store/src/sqlite/sqlite-event-store';

async function main(filename: string, stream: string, batches: number): Promise<void> {
  const store = SqliteEventStore.open(filename);
  for (let batch = 0; batch < batches; batch++) {
    const events = Array.from({ length: 50 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(batch * 50 + i).padStart(12, '0')}`,
      type: 'NominationDrafted',
      data: { n: batch * 50 + i },
      metadata: {
        actorId: 'child',
        actorRole: 'SYSTEM',
        occurredAt: new Date().toISOString(),
        correlationId: 'child',
        schemaVersion: 1,
      },
    }));
    for (;;) {
      const revision = await store.streamRevision(stream);
      try {
        await store.append(stream, events, revision === -1 ? 'no_stream' : revision);
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }
  await store.close();
}

const [filename, stream, batches] = process.argv.slice(2);
main(filename, stream, Number(batches)).catch((error) => {
  console.error(error);
  process.exit(1);
});
