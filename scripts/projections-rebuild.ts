/**
 * `npm run projections:rebuild`: drops the read models (status board, audit trail, award registry,
 * inbox, notification feed) and replays the whole event log into them, with a progress bar on stderr, then prints the
 * row counts. Store and read-model database come from the app config (TDKT_DATA_DIR,
 * EVENTSTORE_CONNECTION_STRING, DATABASE_URL), exactly as the API opens them.
 *
 * Stop the API first: a live runner writing to the same database while it is rebuilt would fight.
 * The notification feed comes back with the same ids (read marks kept); the mail outbox is not
 * dropped and mail starts after what was already processed, so a rebuild never mails anyone.
 */
import { existsSync } from 'node:fs';
import { loadAppConfig, loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import { createEventStore, SqliteEventStore, type EventStore } from '@tdkt/event-store';
import {
  defaultProjections,
  NotificationsProjection,
  openReadModelDb,
  prepareNotificationDelivery,
  rebuild,
  type CatchUpProgress,
  type ReadModelDb,
} from '@tdkt/projections';

const BAR_WIDTH = 30;

async function main(): Promise<number> {
  const config = loadAppConfig();
  if (!config.eventStoreConnectionString && !existsSync(config.eventStoreFile)) {
    process.stderr.write(`Không có kho sự kiện tại ${config.eventStoreFile} (no event store: check TDKT_DATA_DIR)\n`);
    return 1;
  }
  let store: EventStore | undefined;
  let db: ReadModelDb | undefined;
  try {
    store = createEventStore(config);
    db = await openReadModelDb({ databaseUrl: config.databaseUrl, sqliteFile: config.readModelFile });
    const where = config.eventStoreConnectionString ? 'EventStoreDB' : config.eventStoreFile;
    process.stderr.write(`Rebuilding the read models in ${db.description}\n  from ${where}\n`);

    // In the SQLite store positions run 1..N, so a position is a count of events of the log;
    // EventStoreDB positions are byte offsets, only good for a percentage.
    const countable = store instanceof SqliteEventStore;
    const bar = new ProgressBar(countable);
    const directory = new OrganisationDirectory(loadOrganisation(config.organisationFile));
    await prepareNotificationDelivery(db, await store.headPosition());
    const projections = [
      ...defaultProjections(),
      new NotificationsProjection({ directory, mail: Boolean(config.notifications.smtp) }),
    ];
    const result = await rebuild(db, store, { projections, onProgress: (p) => bar.update(p) });
    bar.done(result.position, result.elapsedMs);

    const seconds = result.elapsedMs / 1000;
    const rate = seconds > 0 ? Math.round(result.events / seconds) : result.events;
    process.stdout.write(
      `Rebuilt ${fmt(result.events)} nomination events (log position ${fmt(result.position)}) in ${seconds.toFixed(1)} s: ${fmt(rate)} events/s\n`,
    );
    const width = Math.max(...Object.keys(result.counts).map((t) => t.length));
    for (const [table, count] of Object.entries(result.counts))
      process.stdout.write(`  ${table.padEnd(width)}  ${fmt(count)} ${count === 1 ? 'row' : 'rows'}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`\nRebuild failed: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    await db?.close();
    await store?.close();
  }
}

/** A bar redrawn in place on a terminal (at most 10 times a second); a line every 2 s otherwise. */
class ProgressBar {
  private readonly tty = Boolean(process.stderr.isTTY);
  private last = 0;

  constructor(private readonly countable: boolean) {}

  update(p: CatchUpProgress): void {
    const now = Date.now();
    if (p.position >= p.head || now - this.last < (this.tty ? 100 : 2000)) return; // `done` draws the end
    this.last = now;
    this.write(this.line(p.position, p.head, p.elapsedMs));
  }

  done(position: number, elapsedMs: number): void {
    this.write(this.line(position, position, elapsedMs));
    if (this.tty) process.stderr.write('\n');
  }

  private line(position: number, head: number, elapsedMs: number): string {
    const total = Math.max(head, position);
    const share = total > 0 ? position / total : 1;
    const filled = Math.round(share * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(share * 100).toFixed(1).padStart(5)}%`;
    if (!this.countable) return `${bar}  ${(elapsedMs / 1000).toFixed(1)} s`;
    const rate = elapsedMs > 0 ? Math.round((position * 1000) / elapsedMs) : 0;
    return `${bar}  ${fmt(position)}/${fmt(total)} events  ${fmt(rate)} events/s`;
  }

  private write(line: string): void {
    process.stderr.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }
}

const fmt = (n: number) => n.toLocaleString('en');

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
