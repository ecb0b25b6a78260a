/**
 * Seeds a SQLite event store with generated nomination streams, once: the file is cached in
 * bench/.data under a name that carries the generator version, the mix and the size, and reused by
 * every later run. Run alone: `node -r ts-node/register/transpile-only -r tsconfig-paths/register
 * bench/seed/seed-store.ts 1000000` (or `--registry 100000`).
 *
 * Rows are written straight into the store's own table (same columns, same JSON, same revisions
 * and positions as SqliteEventStore.append writes) in large transactions without fsync: appending a
 * million events one command at a time with full durability would take the better part of an hour,
 * and it is the reading side these stores are for. The store's schema comes from SqliteEventStore.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@tdkt/event-store';
import { DATA_DIR } from '../lib/paths';
import {
  GENERATOR_VERSION,
  NominationGenerator,
  REALISTIC_MIX,
  REGISTRY_MIX,
  type GeneratorStats,
} from './nomination-generator';

export type SeedKind = 'realistic' | 'registry';

export interface SeedSpec {
  kind: SeedKind;
  /** `realistic`: stop at this many events (all streams). */
  events?: number;
  /** `registry`: stop at this many signed awards. */
  awards?: number;
}

export interface SeededStore {
  file: string;
  stats: GeneratorStats & { totalEvents: number; nominationEvents: number };
  cached: boolean;
  seedMs?: number;
}

export function seedFileName(spec: SeedSpec): string {
  const size = spec.kind === 'registry' ? `${spec.awards}awards` : `${spec.events}events`;
  return join(DATA_DIR, `store-${spec.kind}-${size}-g${GENERATOR_VERSION}.sqlite`);
}

/** The cached store for `spec`, generated first when missing. */
export async function ensureSeededStore(
  spec: SeedSpec,
  log: (line: string) => void = () => undefined,
): Promise<SeededStore> {
  const file = seedFileName(spec);
  if (existsSync(file)) {
    await ensureAuditLog(file, log);
    return { file, stats: readStats(file), cached: true };
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const started = Date.now();

  // The schema exactly as the store creates it (its audit log is filled when the store is first opened).
  await new SqliteEventStore({ filename: partial, audit: false }).close();

  const db = new Database(partial);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const target = spec.kind === 'registry' ? (spec.awards ?? 0) * 14 : (spec.events ?? 0);
  const generator = new NominationGenerator({
    expectedEvents: target,
    mix: spec.kind === 'registry' ? REGISTRY_MIX : REALISTIC_MIX,
    idPrefix: spec.kind === 'registry' ? 'reg' : 'nom',
  });
  const done = () =>
    spec.kind === 'registry'
      ? generator.stats.awards >= (spec.awards ?? 0)
      : generator.stats.events >= (spec.events ?? 0);
  let nominationEvents = 0;
  let lastLog = Date.now();
  const chunk = db.transaction(() => {
    for (let i = 0; i < 2_000 && !done(); i++) {
      const append = generator.next();
      const nomination = append.stream.startsWith('nomination-');
      append.events.forEach((e, index) => {
        insert.run(
          append.stream,
          append.expectedRevision + 1 + index,
          e.id,
          e.type,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          append.at,
        );
        if (nomination) nominationEvents++;
      });
    }
  });
  while (!done()) {
    chunk();
    if (Date.now() - lastLog > 5_000) {
      lastLog = Date.now();
      log(
        `  seeding ${spec.kind}: ${generator.stats.events.toLocaleString('en')} events, ${generator.stats.awards.toLocaleString('en')} awards`,
      );
    }
  }
  const stats = { ...generator.stats, totalEvents: generator.stats.events, nominationEvents };
  db.exec('CREATE TABLE bench_seed_stats (json TEXT NOT NULL)');
  db.prepare('INSERT INTO bench_seed_stats (json) VALUES (?)').run(JSON.stringify(stats));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, file);
  for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  await ensureAuditLog(file, log);
  return { file, stats, cached: false, seedMs: Date.now() - started };
}

/**
 * Opening the store logs the events its audit log lacks (a cache seeded before the log existed, or
 * just seeded): done here once, so no scenario times it.
 */
async function ensureAuditLog(file: string, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const store = new SqliteEventStore({ filename: file });
  await store.close();
  if (Date.now() - started > 1_000)
    log(`  audit log of the seeded store filled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function readStats(file: string): SeededStore['stats'] {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT json FROM bench_seed_stats').get() as { json: string };
    return JSON.parse(row.json);
  } finally {
    db.close();
  }
}

/** `seed-store.ts [events]` or `seed-store.ts --registry [awards]`: fills the cache ahead of a run. */
if (require.main === module) {
  const registry = process.argv[2] === '--registry';
  const size = Number(process.argv[registry ? 3 : 2] ?? (registry ? 100_000 : 1_000_000));
  const spec: SeedSpec = registry ? { kind: 'registry', awards: size } : { kind: 'realistic', events: size };
  ensureSeededStore(spec, console.log).then((result) => console.log(JSON.stringify(result, null, 2)));
}
