/**
 * Registry search latency with a large registry, before (pattern over every row) and after (full-text
 * index, then the pattern over the candidates only), on SQLite and PostgreSQL. A measurement, not a
 * test: it prints medians, asserts nothing.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     test/projections/measure-registry-search.ts [awards=100000] [repeats=30]
 *
 * Rows are written through the award-registry projection (so the index is maintained as in
 * production: FTS5 triggers / generated tsvector). "Before" runs the previous statements (same
 * filters, no index condition) on the same rows; the insert time is also given without the index.
 * KEEP_SCHEMA=1 keeps the SQLite files and the PostgreSQL schema for a look at the plans.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@tdkt/event-store';
import {
  AwardRegistryProjection,
  ddlFor,
  PostgresReadModelDb,
  prepareProjections,
  ReadModelQueries,
  registrySearchStatements,
  SqliteReadModelDb,
  type Projection,
  type ReadModelDb,
  type SearchRegistryQuery,
} from '@tdkt/projections';
import { Client } from 'pg';

const AWARDS = Number(process.argv[2] ?? 100_000);
const REPEATS = Number(process.argv[3] ?? 30);
const PG_URL = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quốc', 'Thu', 'Đức', 'Kim', 'Hoài', 'Gia'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Ngân',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Trung',
  'Tuấn',
  'Vy',
  'Yến',
];
const AWARD_NAMES = [
  'Bằng khen của Chủ tịch UBND tỉnh',
  'Chiến sĩ thi đua cơ sở',
  'Chiến sĩ thi đua cấp tỉnh',
  'Giấy khen',
];

const SEARCHES: SearchRegistryQuery[] = [
  { q: 'nguyen van an' },
  { q: 'Trần Thị Lan' },
  { q: 'dang duc' },
  { q: '163/qd-ubnd' },
  { q: 'nguyen' },
  { q: 'an' },
  { q: 'n' },
  { q: 'xyz' },
  { q: 'nguyen van an', year: 2024 },
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

function events(): RecordedEvent[] {
  const random = prng(20261123);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const perYear = new Map<number, number>();
  const out: RecordedEvent[] = [];
  for (let i = 0; i < AWARDS; i++) {
    const year = 2019 + Math.floor((i * 8) / AWARDS);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const at = new Date(
      Date.UTC(year, 0, 15) + Math.floor((((i * 8) % AWARDS) / AWARDS) * 340 * 86_400_000),
    ).toISOString();
    out.push({
      id: randomUUID(),
      type: 'AwardDecisionSigned',
      stream: `nomination-m${i}`,
      revision: 20,
      position: i + 1,
      recordedAt: at,
      data: {
        decisionNumber: `${n}/QĐ-UBND`,
        nominee: {
          kind: 'individual',
          name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
          nomineeId: `nominee-${i}`,
        },
        awardCode: 'BANG_KHEN_TINH',
        awardName: pick(AWARD_NAMES),
        unitId: `donvi${1 + (i % 4)}`,
        campaignId: `campaign-${year}`,
        year,
        oneOff: false,
        at,
        by: { userId: 'chutich', role: 'CHAIRMAN' },
        cashMultiple: 1,
      },
      metadata: { actorId: 'chutich', actorRole: 'CHAIRMAN', occurredAt: at, correlationId: `m${i}`, schemaVersion: 1 },
    });
  }
  return out;
}

/** The projection without its full-text index (version 1's schema). */
function withoutIndex(p: AwardRegistryProjection): Projection {
  const strip = (sql: string) => sql.replace(/,\s*search_words tsvector GENERATED[^\n]*STORED/, '');
  return {
    name: p.name,
    version: p.version,
    streamPrefixes: p.streamPrefixes,
    tables: p.tables,
    indexTables: p.indexTables,
    ddl: (d) =>
      ddlFor(p, d)
        .filter((s) => !/fts|ix_awards_position|ix_awards_search/.test(s))
        .map(strip),
    applyBatch: (tx, es) => p.applyBatch(tx, es),
  };
}

async function load(db: ReadModelDb, projection: Projection, all: RecordedEvent[]): Promise<number> {
  await prepareProjections(db, [projection]);
  const started = process.hrtime.bigint();
  for (let i = 0; i < all.length; i += 5000)
    await db.transaction((tx) => projection.applyBatch(tx, all.slice(i, i + 5000)));
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** The previous search: the same statements without the index condition. */
async function searchBefore(db: ReadModelDb, query: SearchRegistryQuery) {
  const { count, rows } = registrySearchStatements(db.dialect, query);
  const strip = (sql: string, params: unknown[]) => {
    const indexed =
      /position IN \(SELECT rowid FROM awards_fts WHERE awards_fts MATCH \?\) AND |search_words @@ \?::tsquery AND /;
    const m = sql.match(indexed);
    if (!m) return { sql, params };
    const before = sql.slice(0, m.index).split('?').length - 1;
    return { sql: sql.replace(indexed, ''), params: params.filter((_, i) => i !== before) };
  };
  const c = strip(count.sql, count.params);
  const r = strip(rows.sql, rows.params);
  const total = await db.get<{ n: number }>(c.sql, c.params as never);
  const items = await db.all(r.sql, r.params as never);
  return { total: Number(total?.n), items: items.length };
}

async function measure(label: string, open: () => Promise<ReadModelDb>, all: RecordedEvent[]) {
  const projection = new AwardRegistryProjection();
  const plain = await open();
  const loadPlain = await load(plain, withoutIndex(projection), all);
  await plain.run('DROP TABLE awards');
  await plain.run('DELETE FROM projection_checkpoints');
  await plain.close();
  const db = await open();
  const loadIndexed = await load(db, projection, all);
  if (db.dialect === 'postgres') await db.run('ANALYZE awards');
  console.log(
    `\n${label}: ${AWARDS} awards; insert through the projection ${loadPlain.toFixed(0)} ms without the index, ${loadIndexed.toFixed(0)} ms with it`,
  );
  console.log('query                              matches  before (ms)  after (ms)  ratio');
  const queries = new ReadModelQueries(db);
  for (const s of SEARCHES) {
    const after = await queries.searchRegistry(s);
    const before = await searchBefore(db, s);
    if (before.total !== after.total || before.items !== after.items.length)
      throw new Error(`${label} ${JSON.stringify(s)}: before ${JSON.stringify(before)} after ${after.total}`);
    const tb = await time(() => searchBefore(db, s));
    const ta = await time(() => queries.searchRegistry(s));
    const name = JSON.stringify(s).padEnd(34);
    console.log(
      `${name} ${String(after.total).padStart(7)}  ${tb.toFixed(2).padStart(11)}  ${ta.toFixed(2).padStart(10)}  ${(tb / ta).toFixed(1).padStart(5)}x`,
    );
  }
  await db.close();
}

async function main() {
  const all = events();
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-measure-search-'));
  try {
    let n = 0;
    await measure('SQLite', async () => SqliteReadModelDb.open(join(dir, `rm-${n++}.sqlite`)), all);
  } finally {
    if (process.env.KEEP_SCHEMA) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const schema = `tdkt_measure_${process.pid}`;
  try {
    await measure('PostgreSQL', () => PostgresReadModelDb.open({ connectionString: PG_URL, schema, max: 2 }), all);
  } finally {
    const c = new Client({ connectionString: PG_URL });
    await c.connect();
    if (process.env.KEEP_SCHEMA) console.log(`kept schema ${schema}`);
    else await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
