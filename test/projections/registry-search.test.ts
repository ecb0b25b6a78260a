import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@tdkt/event-store';
import {
  AwardRegistryProjection,
  AWARDS_FTS_TABLE,
  ddlFor,
  normaliseForSearch,
  prepareProjections,
  ProjectionRunner,
  ReadModelQueries,
  rebuild,
  registrySearchStatements,
  searchTerms,
  type AwardView,
  type Projection,
  type ReadModelDb,
  type SearchRegistryQuery,
} from '@tdkt/projections';
import { backends, type ReadModelBackend } from './support/read-model-backends';

/**
 * Registry text search through the full-text index (FTS5 on SQLite, tsvector + GIN on
 * PostgreSQL). The expected results come from the definition of the behaviour, computed here over
 * every award: each query word begins a word of nominee, award, unit or decision number (accents,
 * đ/Đ and case ignored; " ", "/" and "-" separate words), revoked awards only when asked, ordered
 * by year, signing date and id.
 */

interface Award {
  id: string;
  name: string;
  awardName: string;
  unitId: string;
  decisionNumber: string;
  year: number;
  at: string;
  revoked: boolean;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng', 'Võ', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc'];
const GIVEN = ['An', 'Lan', 'Đào', 'Dũng', 'Ánh', 'Đông', 'Anh Thư', 'Bình'];
/** Names holding the characters FTS5 and tsquery treat as syntax, and other separators. */
const ODD_NAMES = [
  'Nguyễn "An" Khang',
  "O'Neil Trần",
  'Lê (An) Vũ',
  'Võ Thị Ánh-Dương',
  'Phạm*Star Lan',
  'Đinh Văn: Hùng',
  'Hồ & Huỳnh | Cường',
  'Mai !Not Linh',
  'Tạ Back\\Slash',
  '100% Quyết Tâm',
  'Đoàn AND OR NEAR',
];

function awards(): Award[] {
  const out: Award[] = [];
  let i = 0;
  const push = (name: string) => {
    const year = 2024 + (i % 3);
    out.push({
      id: `search-${String(i).padStart(4, '0')}`,
      name,
      awardName: i % 4 === 0 ? 'Chiến sĩ thi đua cơ sở' : 'Bằng khen của Chủ tịch UBND tỉnh',
      unitId: `donvi${(i % 4) + 1}`,
      decisionNumber: `${100 + (i % 9)}/QĐ-UBND`,
      year,
      at: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}T02:00:00.000Z`,
      revoked: i % 7 === 3 && !ODD_NAMES.includes(name),
    });
    i++;
  };
  for (const s of SURNAMES) for (const m of MIDDLE) for (const g of GIVEN) push(`${s} ${m} ${g}`);
  for (const n of ODD_NAMES) push(n);
  return out;
}

/** The behaviour, by definition. */
function expected(all: Award[], query: SearchRegistryQuery): string[] {
  const words = (s: string) => ` ${s.replace(/[/-]/g, ' ')}`;
  const terms = searchTerms(query.q).map((t) => ` ${t.replace(/[/-]/g, ' ')}`);
  return all
    .filter((a) => query.includeRevoked || !a.revoked)
    .filter((a) => query.year === undefined || a.year === query.year)
    .filter((a) => query.unitId === undefined || a.unitId === query.unitId)
    .filter((a) => {
      const text = words(normaliseForSearch([a.name, a.awardName, a.unitId, a.decisionNumber].join(' ')));
      return terms.every((t) => text.includes(t));
    })
    .sort((x, y) => y.year - x.year || (x.at < y.at ? 1 : x.at > y.at ? -1 : 0) || (x.id < y.id ? -1 : 1))
    .map((a) => a.id);
}

const QUERIES = [
  'nguyen van an',
  'Nguyễn Văn An',
  'NGUYEN VAN AN',
  'nguyễn văn ăn',
  'dang duc dao',
  'Đặng Đức Đào',
  'ĐẶNG',
  'dang',
  'đang',
  'an',
  'lan',
  'anh',
  'anh thu',
  'thu anh',
  'ng',
  'n',
  'nguyen an',
  'van binh donvi2',
  '105/qd-ubnd',
  '105/QĐ',
  'qd-ubnd',
  'ubnd',
  'chien si',
  'chủ tịch',
  'anh-duong',
  'duong',
  '"an"',
  '"',
  '""',
  'an*',
  '*',
  "o'neil",
  "'",
  '(an)',
  '(',
  ')',
  'van:',
  ':',
  'hung',
  '&',
  '|',
  'huynh | cuong',
  '!not',
  '!',
  '-',
  '-an',
  'an-',
  '/',
  'back\\slash',
  '\\',
  '100%',
  '%',
  '_',
  'and or near',
  'NOT',
  'nguyen NOT van',
  'an OR lan',
  'NEAR(an lan)',
  'an:*',
  'an <-> van',
  // Tokens of the odd names that begin no word ("o'neil", "pham*star", "back\\slash", "!not"): the
  // index finds them, the pattern must drop them.
  'neil',
  'star',
  'slash',
  'not',
  'khang',
  'xyz',
];

describe.each(backends)('Registry search through the full-text index on %s', (_name, createBackend) => {
  let dir: string;
  let store: SqliteEventStore;
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  let runner: ProjectionRunner;
  let queries: ReadModelQueries;
  const all = awards();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-registry-search-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    for (const a of all) {
      const by = { userId: 'chutich', role: 'CHAIRMAN' };
      const metadata = {
        actorId: 'chutich',
        actorRole: 'CHAIRMAN',
        occurredAt: a.at,
        correlationId: a.id,
        schemaVersion: 1,
      };
      await store.append(
        `nomination-${a.id}`,
        [
          {
            id: randomUUID(),
            type: 'AwardDecisionSigned',
            data: {
              decisionNumber: a.decisionNumber,
              nominee: { kind: 'individual', name: a.name, nomineeId: `nominee-${a.id}` },
              awardCode: 'BANG_KHEN_TINH',
              awardName: a.awardName,
              unitId: a.unitId,
              campaignId: `campaign-${a.year}`,
              year: a.year,
              oneOff: false,
              at: a.at,
              by,
              cashMultiple: 1,
            },
            metadata,
          },
        ],
        'no_stream',
      );
    }
    backend = createBackend();
    db = await backend.open();
    runner = new ProjectionRunner(db, store, { batchSize: 50 });
    await runner.start();
    await runner.ready;
    // Revocations arrive live, after the rows were indexed.
    for (const a of all.filter((x) => x.revoked)) {
      await store.append(
        `nomination-${a.id}`,
        [
          {
            id: randomUUID(),
            type: 'AwardRevoked',
            data: {
              at: '2027-01-01T00:00:00.000Z',
              by: { userId: 'chutich', role: 'CHAIRMAN' },
              ground: 'DISHONEST_DECLARATION',
              reason: 'Kê khai sai',
            },
            metadata: {
              actorId: 'chutich',
              actorRole: 'CHAIRMAN',
              occurredAt: '2027-01-01T00:00:00.000Z',
              correlationId: a.id,
              schemaVersion: 1,
            },
          },
        ],
        0,
      );
    }
    await runner.waitForPosition(await store.headPosition(), 30_000);
    queries = new ReadModelQueries(db);
  });

  afterAll(async () => {
    await runner?.stop();
    await db?.close();
    await backend?.dispose();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Every page, concatenated, and the totals each page reported. */
  async function allPages(query: SearchRegistryQuery, pageSize: number) {
    const ids: string[] = [];
    const totals = new Set<number>();
    for (let page = 1; page <= 100; page++) {
      const result = await queries.searchRegistry({ ...query, page, pageSize });
      totals.add(result.total);
      ids.push(...result.items.map((a) => a.nominationId));
      if (result.items.length < pageSize) break;
    }
    return { ids, totals: [...totals] };
  }

  it('finds exactly the awards whose words begin with every query word, FTS and tsquery syntax included, never failing', async () => {
    let nonEmpty = 0;
    for (const q of QUERIES) {
      for (const includeRevoked of [false, true]) {
        const want = expected(all, { q, includeRevoked });
        const { ids, totals } = await allPages({ q, includeRevoked }, 100);
        expect({ q, includeRevoked, ids, totals }).toEqual({ q, includeRevoked, ids: want, totals: [want.length] });
        if (want.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(QUERIES.length); // the oracle is not vacuous
  });

  it('matches every query word as a word prefix, in any order', async () => {
    const names = async (q: string) =>
      (await queries.searchRegistry({ q, pageSize: 200 })).items.map((a) => a.nomineeName);
    expect(await names('ng v an')).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Nguyễn Văn Anh Thư']));
    expect(await names('ng v an')).not.toContain('Nguyễn Văn Lan');
    expect(await names('thu nguyen thi')).toEqual(['Nguyễn Thị Anh Thư']);
    expect(await names('Đặng Đức Đào')).toEqual(['Đặng Đức Đào']);
    expect(await names('dang duc dao')).toEqual(['Đặng Đức Đào']);
    expect(await names('ĐĂNG ĐUC ĐAO')).toEqual(['Đặng Đức Đào']);
    expect(await names('anh-duong')).toEqual(['Võ Thị Ánh-Dương']);
    expect(await names('"an" khang')).toEqual(['Nguyễn "An" Khang']);
    expect(await names("o'neil")).toEqual(["O'Neil Trần"]);
  });

  it('keeps revoked awards searchable when asked, flagged as revoked', async () => {
    const revoked = all.find((a) => a.revoked)!;
    const q = normaliseForSearch(revoked.name);
    expect((await queries.searchRegistry({ q, pageSize: 200 })).items.map((a) => a.nominationId)).not.toContain(
      revoked.id,
    );
    const found = await queries.searchRegistry({ q, includeRevoked: true, pageSize: 200 });
    expect(found.items.find((a: AwardView) => a.nominationId === revoked.id)).toMatchObject({
      revoked: true,
      revocationGround: 'DISHONEST_DECLARATION',
    });
  });

  it('combines the text with the year and unit filters', async () => {
    for (const query of [
      { q: 'nguyen', year: 2025 },
      { q: 'an', unitId: 'donvi3' },
      { q: 'thi', year: 2026, unitId: 'donvi1', includeRevoked: true },
    ]) {
      const want = expected(all, query);
      expect({ query, found: want.length > 0 }).toEqual({ query, found: true });
      expect((await queries.searchRegistry({ ...query, pageSize: 200 })).items.map((a) => a.nominationId)).toEqual(
        want,
      );
    }
  });

  it('reports a total equal to the rows across all pages', async () => {
    for (const q of ['an', 'nguyen', 'ubnd', 'thi']) {
      const want = expected(all, { q });
      expect(want.length).toBeGreaterThan(7);
      const { ids, totals } = await allPages({ q }, 7);
      expect(totals).toEqual([want.length]);
      expect(ids).toEqual(want);
    }
  });

  it('answers a text search from the index, not by scanning the registry', async () => {
    const statements = registrySearchStatements(db.dialect, { q: 'nguyen van an' });
    for (const statement of [statements.count, statements.rows]) {
      const plan = await explain(db, statement.sql, statement.params);
      if (db.dialect === 'sqlite') {
        expect(plan).toMatch(
          new RegExp(`VIRTUAL TABLE INDEX .* ${AWARDS_FTS_TABLE}|SCAN ${AWARDS_FTS_TABLE} VIRTUAL TABLE INDEX`),
        );
        // Candidates are counted and ordered in the search keys index; the page's rows by position.
        expect(plan).toMatch(/SEARCH awards USING INDEX ix_awards_search_keys \(position=\?\)/);
        if (statement === statements.rows) expect(plan).toMatch(/SEARCH awards USING INDEX ix_awards_position/);
        expect(plan).not.toMatch(/SCAN awards\b/);
      } else {
        expect(plan).toMatch(/Bitmap Index Scan on ix_awards_search/);
        expect(plan).not.toMatch(/Seq Scan/);
      }
    }
  });

  it('reads a filtered page in page order from an index, without sorting the matching rows', async () => {
    for (const query of [
      { year: 2026, awardCode: 'BANG_KHEN_TINH' },
      { unitId: 'donvi1', year: 2026 },
      { unitId: 'donvi1' },
      { year: 2026 },
    ]) {
      const { rows } = registrySearchStatements(db.dialect, query);
      const plan = await explain(db, rows.sql, rows.params);
      if (db.dialect === 'sqlite') {
        expect(plan).toMatch(/SEARCH awards USING INDEX ix_awards_(award_|unit_)?page/);
        expect(plan).not.toMatch(/TEMP B-TREE/);
      } else {
        expect(plan).toMatch(/Index Scan (Backward )?using ix_awards_(award_|unit_)?page/);
        expect(plan).not.toMatch(/Sort/);
      }
    }
  });

  it('gives the same results after a rebuild, which recreates the index from the log', async () => {
    const searches: SearchRegistryQuery[] = [
      { q: 'nguyen van' },
      { q: 'an', includeRevoked: true },
      { q: '105/qd-ubnd' },
      { q: 'a"b*' },
    ];
    const before = await Promise.all(searches.map((s) => queries.searchRegistry({ ...s, pageSize: 200 })));
    await runner.stop();
    const result = await rebuild(db, store, { batchSize: 40 });
    expect(result.counts.awards).toBe(all.length);
    const after = await Promise.all(searches.map((s) => queries.searchRegistry({ ...s, pageSize: 200 })));
    expect(after).toEqual(before);
    expect(before[0].total).toBeGreaterThan(0);
  });
});

/** The query plan as text. PostgreSQL: sequential scans discouraged, as on a table too big to scan. */
async function explain(db: ReadModelDb, sql: string, params: (string | number | null)[]): Promise<string> {
  if (db.dialect === 'sqlite') {
    const rows = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
    return rows.map((r) => r.detail).join('\n');
  }
  return db.transaction(async (tx) => {
    await tx.run('SET LOCAL enable_seqscan = off');
    const rows = await tx.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe.each(backends)('Upgrading a registry built before the full-text index, on %s', (_name, createBackend) => {
  it('rebuilds the registry with its index on start, and searches it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-registry-upgrade-'));
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    const backend = createBackend();
    let db = await backend.open();
    try {
      await store.append(
        'nomination-upgrade-1',
        [
          {
            id: randomUUID(),
            type: 'AwardDecisionSigned',
            data: {
              decisionNumber: '7/QĐ-UBND',
              nominee: { kind: 'individual', name: 'Đặng Thị Ánh', nomineeId: 'nominee-upgrade-1' },
              awardCode: 'BANG_KHEN_TINH',
              awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
              unitId: 'donvi1',
              campaignId: 'campaign-2026',
              year: 2026,
              oneOff: false,
              at: '2026-11-25T02:00:00.000Z',
              by: { userId: 'chutich', role: 'CHAIRMAN' },
              cashMultiple: 1,
            },
            metadata: {
              actorId: 'chutich',
              actorRole: 'CHAIRMAN',
              occurredAt: '2026-11-25T02:00:00.000Z',
              correlationId: 'upgrade-1',
              schemaVersion: 1,
            },
          },
        ],
        'no_stream',
      );
      // Version 1: the same table without any search index, caught up to the head.
      const current = new AwardRegistryProjection();
      const v1: Projection = {
        name: current.name,
        version: 1,
        streamPrefixes: current.streamPrefixes,
        tables: current.tables,
        ddl: (d) =>
          ddlFor(current, d)
            .filter((s) => !/fts|ix_awards_position|ix_awards_search/.test(s))
            .map((s) => s.replace(/,\s*search_words tsvector GENERATED[^\n]*STORED/, '')),
        applyBatch: (tx, events) => current.applyBatch(tx, events),
      };
      const old = new ProjectionRunner(db, store, { projections: [v1], live: false });
      await old.start();
      await old.ready;
      await old.stop();
      expect(
        await db.get<{ version: number }>("SELECT version FROM projection_checkpoints WHERE name = 'award-registry'"),
      ).toEqual({ version: 1 });
      await db.close();

      db = await backend.open();
      const runner = new ProjectionRunner(db, store, { projections: [new AwardRegistryProjection()], live: false });
      await runner.start();
      await runner.ready;
      await runner.stop();
      expect(
        await db.get<{ version: number }>("SELECT version FROM projection_checkpoints WHERE name = 'award-registry'"),
      ).toEqual({ version: current.version });
      const found = await new ReadModelQueries(db).searchRegistry({ q: 'dang thi anh' });
      expect(found.items.map((a) => a.nomineeName)).toEqual(['Đặng Thị Ánh']);
      const { count } = registrySearchStatements(db.dialect, { q: 'dang' });
      const plan = await explain(db, count.sql, count.params);
      expect(plan).toMatch(db.dialect === 'sqlite' ? new RegExp(AWARDS_FTS_TABLE) : /ix_awards_search/);
    } finally {
      await db.close();
      await backend.dispose();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(backends)('The search index follows every write of the registry row, on %s', (_name, createBackend) => {
  const signed = (position: number, name: string) =>
    ({
      id: randomUUID(),
      type: 'AwardDecisionSigned',
      stream: 'nomination-rewrite-1',
      revision: position,
      position,
      recordedAt: '2026-01-01T00:00:00.000Z',
      metadata: {
        actorId: 'chutich',
        actorRole: 'CHAIRMAN',
        occurredAt: '2026-01-01T00:00:00.000Z',
        correlationId: 'rewrite-1',
        schemaVersion: 1,
      },
      data: {
        decisionNumber: `${position}/QĐ-UBND`,
        nominee: { kind: 'individual', name },
        awardCode: 'BANG_KHEN_TINH',
        awardName: 'Giấy khen',
        unitId: 'donvi1',
        year: 2026,
        oneOff: false,
        at: '2026-01-01T00:00:00.000Z',
        by: { userId: 'chutich' },
      },
    }) as RecordedEvent;

  it('re-indexes a row written again and forgets a deleted one', async () => {
    const backend = createBackend();
    const db = await backend.open();
    try {
      const projection = new AwardRegistryProjection();
      await prepareProjections(db, [projection]);
      const queries = new ReadModelQueries(db);
      const total = async (q: string) => (await queries.searchRegistry({ q })).total;
      await db.transaction((tx) => projection.applyBatch(tx, [signed(5, 'Nguyễn Văn An')]));
      expect([await total('nguyen an'), await total('5/qd')]).toEqual([1, 1]);
      await db.transaction((tx) => projection.applyBatch(tx, [signed(9, 'Trần Thị Bé')]));
      expect([await total('nguyen an'), await total('5/qd'), await total('tran be'), await total('9/qd-ubnd')]).toEqual(
        [0, 0, 1, 1],
      );
      await db.run('DELETE FROM awards');
      expect(await total('tran be')).toBe(0);
      if (db.dialect === 'sqlite')
        expect(
          await db.all(`SELECT rowid FROM ${AWARDS_FTS_TABLE} WHERE ${AWARDS_FTS_TABLE} MATCH ?`, ['"tran"*']),
        ).toEqual([]);
    } finally {
      await db.close();
      await backend.dispose();
    }
  });
});
