/**
 * Scenario 1: event store append. Single-event appends (one command, one event, exact expected
 * revision) and 100-event batches on SqliteEventStore, beside raw better-sqlite3 inserts of the
 * same rows into the same schema with the same pragmas (WAL, synchronous=FULL), one transaction
 * per append. What the ratio shows: the cost of the port's guarantees (expected-revision check,
 * idempotency lookup by event id, envelope) over the bare durable write.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore, type EventToAppend } from '@tdkt/event-store';
import { NominationGenerator } from '../seed/nomination-generator';
import { scratchDir } from '../lib/paths';
import { row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { alternate, median, now } from '../lib/stats';

const STREAMS = 100;

/** Real event bodies from the generator (ids made unique per use). */
function sampleEvents(count: number): EventToAppend[] {
  const g = new NominationGenerator({ expectedEvents: count, seed: 7 });
  const out: EventToAppend[] = [];
  while (out.length < count) for (const e of g.next().events) out.push(e);
  return out.slice(0, count);
}

const withId = (e: EventToAppend, id: string): EventToAppend => ({ ...e, id });
const uuidOf = (rep: number, i: number) =>
  `00000000-0000-4000-8000-${(rep * 10_000_000 + i).toString(16).padStart(12, '0')}`;

async function oursSingle(events: EventToAppend[], rep: number): Promise<number> {
  const scratch = scratchDir('append-ours');
  const store = new SqliteEventStore({ filename: join(scratch.dir, 'events.sqlite') });
  const revisions = new Array<number>(STREAMS).fill(-1);
  try {
    const t0 = now();
    for (let i = 0; i < events.length; i++) {
      const s = i % STREAMS;
      await store.append(
        `nomination-s${s}`,
        [withId(events[i], uuidOf(rep, i))],
        revisions[s] < 0 ? 'no_stream' : revisions[s],
      );
      revisions[s]++;
    }
    return events.length / ((now() - t0) / 1000);
  } finally {
    await store.close();
    scratch.remove();
  }
}

async function oursBatch(events: EventToAppend[], batch: number, rep: number): Promise<number> {
  const scratch = scratchDir('append-ours-batch');
  const store = new SqliteEventStore({ filename: join(scratch.dir, 'events.sqlite') });
  try {
    const t0 = now();
    for (let i = 0; i < events.length; i += batch) {
      const slice = events.slice(i, i + batch).map((e, j) => withId(e, uuidOf(rep, i + j)));
      await store.append(`nomination-b${i / batch}`, slice, 'no_stream');
    }
    return events.length / ((now() - t0) / 1000);
  } finally {
    await store.close();
    scratch.remove();
  }
}

/** The bare durable write: same schema (created by the store itself), same pragmas, same row values. */
async function rawInserts(events: EventToAppend[], batch: number, rep: number): Promise<number> {
  const scratch = scratchDir('append-raw');
  const file = join(scratch.dir, 'events.sqlite');
  // Without the audit log's tables and index: the bare durable write (its cost is scenario 5's).
  await new SqliteEventStore({ filename: file, audit: false }).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction((stream: string, firstRevision: number, slice: EventToAppend[], firstIndex: number) => {
    const recordedAt = new Date().toISOString();
    slice.forEach((e, j) =>
      insert.run(
        stream,
        firstRevision + j,
        uuidOf(rep, firstIndex + j),
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        recordedAt,
      ),
    );
  });
  const revisions = new Array<number>(STREAMS).fill(-1);
  try {
    const t0 = now();
    for (let i = 0; i < events.length; i += batch) {
      const slice = events.slice(i, i + batch);
      if (batch === 1) {
        const s = i % STREAMS;
        write.immediate(`nomination-s${s}`, revisions[s] + 1, slice, i);
        revisions[s]++;
      } else {
        write.immediate(`nomination-b${i / batch}`, 0, slice, i);
      }
    }
    return events.length / ((now() - t0) / 1000);
  } finally {
    db.close();
    scratch.remove();
  }
}

export const appendScenario: Scenario = {
  id: 'append',
  title: '1. Event store append',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const reps = ctx.quick ? 3 : 5;
    const singles = ctx.quick ? 300 : 2_000;
    const batches = ctx.quick ? 30 : 200;
    const singleEvents = sampleEvents(singles);
    const batchEvents = sampleEvents(batches * 100);
    ctx.log(`  single-event appends: ${singles} per repetition, ${reps} repetitions`);
    const single = await alternate(
      reps,
      (rep) => oursSingle(singleEvents, rep),
      (rep) => rawInserts(singleEvents, 1, rep),
    );
    ctx.log(`  100-event batches: ${batches} per repetition`);
    const batch = await alternate(
      reps,
      (rep) => oursBatch(batchEvents, 100, rep),
      (rep) => rawInserts(batchEvents, 100, rep),
    );
    const baselineName = 'raw better-sqlite3 INSERTs, same schema/pragmas';
    return {
      rows: [
        row({
          scenario: '1 append',
          metric: 'single-event appends',
          unit: 'events/s',
          ours: median(single.a),
          baseline: median(single.b),
          baselineName,
          reps,
        }),
        row({
          scenario: '1 append',
          metric: '100-event batches',
          unit: 'events/s',
          ours: median(batch.a),
          baseline: median(batch.b),
          baselineName,
          reps,
        }),
      ],
      details: {
        singles,
        batches,
        batchSize: 100,
        streams: STREAMS,
        single,
        batch,
        bytesPerEvent: avgBytes(singleEvents),
      },
    };
  },
};

function avgBytes(events: EventToAppend[]): number {
  const total = events.reduce((n, e) => n + JSON.stringify(e.data).length + JSON.stringify(e.metadata).length, 0);
  return Math.round(total / events.length);
}
