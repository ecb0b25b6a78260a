/**
 * Scenario 2: projection rebuild and read-your-append latency.
 *
 * Rebuild: every read model of `defaultProjections()` (twelve: status board, audit trail, award
 * registry, inbox, access log, council sessions, decisions, campaigns, notices, people, statistics,
 * exemplary models) rebuilt from zero by `rebuild()` from the cached seeded store (1,000,000 events; quick: 100,000), into a fresh
 * SQLite read-model file each repetition. Baseline: a raw read of the same events (the rows of the
 * nomination streams in global order, data and metadata JSON-parsed) with better-sqlite3.
 * Diagnostic beside it: the store's own paged readAll with no projection, to split read and write cost.
 *
 * Latency: a child process appends nomination commands at a steady rate (as the worker does);
 * a live ProjectionRunner in this process (as the API runs it) projects them; for each award
 * signature, the time from the start of its append to the registry row being committed.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '@tdkt/event-store';
import { NOMINATION_STREAM_PREFIX, ProjectionRunner, rebuild, SqliteReadModelDb } from '@tdkt/projections';
import { ensureSeededStore } from '../seed/seed-store';
import { forkTs, nextMessage, stopChild } from '../lib/child';
import { scratchDir } from '../lib/paths';
import { row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { median, now, summarise, wallMs } from '../lib/stats';

async function oursRebuild(
  file: string,
  ctx: ScenarioContext,
): Promise<{ eventsPerSecond: number; events: number; elapsedMs: number; counts: Record<string, number> }> {
  const scratch = scratchDir('rebuild');
  const store = new SqliteEventStore({ filename: file });
  const db = SqliteReadModelDb.open(join(scratch.dir, 'read-models.sqlite'));
  try {
    let lastLog = Date.now();
    const result = await rebuild(db, store, {
      onProgress: (p) => {
        if (Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          ctx.log(
            `    rebuild: ${p.events.toLocaleString('en')} events, ${Math.round(p.events / (p.elapsedMs / 1000)).toLocaleString('en')}/s`,
          );
        }
      },
    });
    return {
      eventsPerSecond: result.events / (result.elapsedMs / 1000),
      events: result.events,
      elapsedMs: result.elapsedMs,
      counts: result.counts,
    };
  } finally {
    await db.close();
    await store.close();
    scratch.remove();
  }
}

/** The same events, straight from SQLite: what any reader has to pay at least. */
function rawRead(file: string): { eventsPerSecond: number; events: number } {
  const db = new Database(file, { readonly: true });
  try {
    const t0 = now();
    let events = 0;
    const rows = db
      .prepare('SELECT * FROM events WHERE position > 0 AND instr(stream, ?) = 1 ORDER BY position')
      .iterate(NOMINATION_STREAM_PREFIX);
    for (const r of rows as Iterable<{ data: string; metadata: string }>) {
      const data = JSON.parse(r.data);
      const metadata = JSON.parse(r.metadata);
      if (data && metadata) events++;
    }
    return { eventsPerSecond: events / ((now() - t0) / 1000), events };
  } finally {
    db.close();
  }
}

/** The store's paged readAll over the same events, nothing projected (diagnostic). */
async function storeRead(file: string): Promise<{ eventsPerSecond: number; events: number }> {
  const store = new SqliteEventStore({ filename: file });
  try {
    const t0 = now();
    let from = 0;
    let events = 0;
    for (;;) {
      const page = await store.readAll({
        fromPosition: from,
        maxCount: 1000,
        streamPrefixes: [NOMINATION_STREAM_PREFIX],
      });
      events += page.length;
      if (page.length < 1000) break;
      from = page[page.length - 1].position;
    }
    return { eventsPerSecond: events / ((now() - t0) / 1000), events };
  } finally {
    await store.close();
  }
}

async function latencyUnderLoad(ctx: ScenarioContext, eventsPerSecond: number, seconds: number) {
  const scratch = scratchDir('latency');
  const file = join(scratch.dir, 'events.sqlite');
  await new SqliteEventStore({ filename: file }).close();
  const store = new SqliteEventStore({ filename: file });
  const db = SqliteReadModelDb.open(join(scratch.dir, 'read-models.sqlite'));
  const runner = new ProjectionRunner(db, store);
  await runner.start();
  await runner.ready;
  const writer = forkTs('seed/paced-writer.ts');
  const samples: number[] = [];
  const pending: Promise<void>[] = [];
  try {
    await nextMessage(writer, 'ready');
    writer.on('message', (m: { type: string; position: number; t0: number }) => {
      if (m.type !== 'signed') return;
      pending.push(runner.waitForPosition(m.position, 30_000).then(() => void samples.push(wallMs() - m.t0)));
    });
    const done = nextMessage<{ type: 'done'; events: number; appends: number; eventsPerSecond: number }>(
      writer,
      'done',
      (seconds + 60) * 1000,
    );
    writer.send({ type: 'start', file, eventsPerSecond, seconds });
    const summary = await done;
    await Promise.all(pending);
    ctx.log(
      `  latency: ${summary.events} events in ${summary.appends} appends at ${Math.round(summary.eventsPerSecond)}/s, ${samples.length} signatures`,
    );
    return {
      ...summarise(samples),
      offeredEventsPerSecond: eventsPerSecond,
      achievedEventsPerSecond: summary.eventsPerSecond,
      seconds,
    };
  } finally {
    await stopChild(writer);
    await runner.stop();
    await db.close();
    await store.close();
    scratch.remove();
  }
}

export const rebuildScenario: Scenario = {
  id: 'rebuild',
  title: '2. Projection rebuild and append→registry latency',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const size = ctx.quick ? 50_000 : 1_000_000;
    const reps = ctx.quick ? 2 : 3;
    const seeded = await ensureSeededStore({ kind: 'realistic', events: size }, ctx.log);
    ctx.log(
      `  store: ${seeded.stats.totalEvents.toLocaleString('en')} events (${seeded.stats.nominationEvents.toLocaleString('en')} in nomination streams, ` +
        `${seeded.stats.nominations.toLocaleString('en')} nominations, ${seeded.stats.awards.toLocaleString('en')} awards) — ` +
        (seeded.cached ? 'cached' : `seeded in ${((seeded.seedMs ?? 0) / 1000).toFixed(1)} s`),
    );
    const ours: Awaited<ReturnType<typeof oursRebuild>>[] = [];
    const raw: ReturnType<typeof rawRead>[] = [];
    const read: Awaited<ReturnType<typeof storeRead>>[] = [];
    for (let rep = 0; rep < reps; rep++) {
      raw.push(rawRead(seeded.file));
      read.push(await storeRead(seeded.file));
      ours.push(await oursRebuild(seeded.file, ctx));
      ctx.log(
        `  rep ${rep + 1}: rebuild ${Math.round(ours[rep].eventsPerSecond)}/s, store read ${Math.round(read[rep].eventsPerSecond)}/s, raw read ${Math.round(raw[rep].eventsPerSecond)}/s`,
      );
    }
    const rate = ctx.quick ? 500 : 1_000;
    const seconds = ctx.quick ? 3 : 20;
    const latency = await latencyUnderLoad(ctx, rate, seconds);
    const baselineName = 'raw better-sqlite3 read + JSON.parse of the same events';
    const rows = [
      row({
        scenario: '2 rebuild',
        metric: `rebuild every read model, ${(size / 1e6).toLocaleString('en')}M-event store`,
        unit: 'events/s',
        ours: median(ours.map((o) => o.eventsPerSecond)),
        baseline: median(raw.map((r) => r.eventsPerSecond)),
        baselineName,
        reps,
      }),
      row({
        scenario: '2 rebuild',
        metric: '(diagnostic) store readAll only',
        unit: 'events/s',
        ours: median(read.map((o) => o.eventsPerSecond)),
        baseline: median(raw.map((r) => r.eventsPerSecond)),
        baselineName,
        reps,
      }),
      row({
        scenario: '2 latency',
        metric: `append→registry p50 @${rate} ev/s`,
        unit: 'ms',
        ours: latency.p50,
        reps: 1,
        note: `${latency.count} signatures`,
      }),
      row({
        scenario: '2 latency',
        metric: `append→registry p99 @${rate} ev/s`,
        unit: 'ms',
        ours: latency.p99,
        reps: 1,
      }),
    ];
    return { rows, details: { store: { ...seeded.stats, file: seeded.file }, ours, raw, storeRead: read, latency } };
  },
};
