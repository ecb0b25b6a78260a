import type { AwardDecisionSigned, AwardRevoked } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, ReadModelDialect, SqlExecutor, SqlParam, toBit, upsertClause } from '../db/read-model-db';
import { normaliseForSearch } from '../normalise';
import type { Projection } from '../projection';
import { WORDS_TSVECTOR_SQL } from '../registry-search';
import { nominationIdOf, NOMINATION_STREAM_PREFIX } from './nomination-events';

export const AWARDS_TABLE = 'awards';
/** SQLite: contentless FTS5 index of `awards.search_text`, rowid = `awards.position`. */
export const AWARDS_FTS_TABLE = 'awards_fts';

const COLUMNS = [
  'nomination_id',
  'decision_number',
  'decision_key',
  'nominee_id',
  'nominee_name',
  'nominee_kind',
  'award_code',
  'award_name',
  'unit_id',
  'campaign_id',
  'year',
  'one_off',
  'signed_at',
  'signed_by',
  'cash_multiple',
  'revoked',
  'revoked_at',
  'revoked_by',
  'revocation_ground',
  'revocation_reason',
  'search_text',
  'position',
] as const;

const UPSERT = upsertClause(['nomination_id'], COLUMNS);

/** The normalised text a registry search runs against: nominee, award, unit, decision number. */
export function registrySearchText(parts: { nomineeName: string; awardName: string; unitId: string; decisionNumber: string }): string {
  return normaliseForSearch([parts.nomineeName, parts.awardName, parts.unitId, parts.decisionNumber].join(' '));
}

/** Key for looking a decision up by its number: "163/QĐ-UBND", "163/qd-ubnd" and "163/QD-UBND" all match. */
export const decisionKey = (decisionNumber: string) => normaliseForSearch(decisionNumber).replace(/\s+/g, '');

const TABLE_DDL = (dialect: ReadModelDialect) => [
  `CREATE TABLE IF NOT EXISTS ${AWARDS_TABLE} (
    nomination_id TEXT PRIMARY KEY,
    decision_number TEXT NOT NULL,
    decision_key TEXT NOT NULL,
    nominee_id TEXT,
    nominee_name TEXT NOT NULL,
    nominee_kind TEXT,
    award_code TEXT NOT NULL,
    award_name TEXT NOT NULL,
    unit_id TEXT,
    campaign_id TEXT,
    year INTEGER,
    one_off INTEGER NOT NULL,
    signed_at TEXT,
    signed_by TEXT,
    cash_multiple DOUBLE PRECISION,
    revoked INTEGER NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT,
    revocation_ground TEXT,
    revocation_reason TEXT,
    search_text TEXT NOT NULL,
    position BIGINT NOT NULL${dialect === 'postgres' ? `,
    search_words tsvector GENERATED ALWAYS AS (${WORDS_TSVECTOR_SQL}) STORED` : ''}
  )`,
];

const COMMON_INDEXES = [
  `CREATE INDEX IF NOT EXISTS ix_awards_decision ON ${AWARDS_TABLE} (decision_key, year)`,
  // Filter + the registry's page order (year DESC, signed_at DESC, nomination_id): a filtered page is
  // read in order and stops at its LIMIT, and its COUNT is answered from the index, not a sort.
  `CREATE INDEX IF NOT EXISTS ix_awards_page ON ${AWARDS_TABLE} (year DESC, signed_at DESC, nomination_id)`,
  `CREATE INDEX IF NOT EXISTS ix_awards_award_page ON ${AWARDS_TABLE} (award_code, year DESC, signed_at DESC, nomination_id)`,
  `CREATE INDEX IF NOT EXISTS ix_awards_unit_page ON ${AWARDS_TABLE} (unit_id, year DESC, signed_at DESC, nomination_id)`,
  `CREATE INDEX IF NOT EXISTS ix_awards_nominee ON ${AWARDS_TABLE} (nominee_id)`,
];

/**
 * The FTS5 index follows the rows through triggers, so it is written in the very transaction that
 * writes the row and advances the checkpoint (exactly once). Contentless: it stores only the index;
 * the triggers hand it the old text to remove. Keyed by the signing event's global position (unique,
 * and stable, unlike the implicit rowid of a TEXT-keyed table).
 */
const SQLITE_FTS_DDL = [
  `CREATE UNIQUE INDEX IF NOT EXISTS ix_awards_position ON ${AWARDS_TABLE} (position)`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${AWARDS_FTS_TABLE} USING fts5(search_text, content='', tokenize='unicode61 remove_diacritics 0')`,
  `CREATE TRIGGER IF NOT EXISTS tr_awards_fts_insert AFTER INSERT ON ${AWARDS_TABLE} BEGIN
    INSERT INTO ${AWARDS_FTS_TABLE} (rowid, search_text) VALUES (new.position, new.search_text);
  END`,
  `CREATE TRIGGER IF NOT EXISTS tr_awards_fts_update AFTER UPDATE OF position, search_text ON ${AWARDS_TABLE}
  WHEN old.position IS NOT new.position OR old.search_text IS NOT new.search_text BEGIN
    INSERT INTO ${AWARDS_FTS_TABLE} (${AWARDS_FTS_TABLE}, rowid, search_text) VALUES ('delete', old.position, old.search_text);
    INSERT INTO ${AWARDS_FTS_TABLE} (rowid, search_text) VALUES (new.position, new.search_text);
  END`,
  `CREATE TRIGGER IF NOT EXISTS tr_awards_fts_delete AFTER DELETE ON ${AWARDS_TABLE} BEGIN
    INSERT INTO ${AWARDS_FTS_TABLE} (${AWARDS_FTS_TABLE}, rowid, search_text) VALUES ('delete', old.position, old.search_text);
  END`,
];

/**
 * PostgreSQL: the words as a generated tsvector column (maintained by the row's own write), GIN-indexed.
 * fastupdate off: no pending list that every search would scan until the next vacuum (measured: it
 * doubled the latency of a selective search after a bulk load); the price is paid on writes.
 */
const POSTGRES_SEARCH_DDL = [`CREATE INDEX IF NOT EXISTS ix_awards_search ON ${AWARDS_TABLE} USING GIN (search_words) WITH (fastupdate = off)`];

/**
 * The award registry (sổ khen thưởng): one row per signed award; a revocation flags the row (it is
 * never deleted: the registry shows what was awarded and what was later revoked, and why).
 */
export class AwardRegistryProjection implements Projection {
  readonly name = 'award-registry';
  /** 2: full-text index of the search text (FTS5 on SQLite, tsvector + GIN on PostgreSQL); 3: indexes in page order. */
  readonly version = 3;
  readonly streamPrefixes = [NOMINATION_STREAM_PREFIX];
  readonly tables = [AWARDS_TABLE];
  readonly indexTables = [AWARDS_FTS_TABLE];

  readonly ddl = (dialect: ReadModelDialect): readonly string[] => [
    ...TABLE_DDL(dialect),
    ...COMMON_INDEXES,
    ...(dialect === 'sqlite' ? SQLITE_FTS_DDL : POSTGRES_SEARCH_DDL),
  ];

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    // Signatures are inserted together; a revocation in the same batch must come after its signature.
    let pending: SqlParam[][] = [];
    const flush = async () => {
      await insertMany(tx, AWARDS_TABLE, COLUMNS, pending, UPSERT);
      pending = [];
    };
    for (const e of events) {
      if (e.type === 'AwardDecisionSigned') {
        pending.push(signedRow(e as RecordedEvent<AwardDecisionSigned['data']>));
      } else if (e.type === 'AwardRevoked') {
        await flush();
        const d = (e as RecordedEvent<AwardRevoked['data']>).data;
        await tx.run(
          `UPDATE ${AWARDS_TABLE} SET revoked = 1, revoked_at = ?, revoked_by = ?, revocation_ground = ?, revocation_reason = ? WHERE nomination_id = ?`,
          [d.at, d.by?.userId ?? e.metadata?.actorId ?? null, d.ground, d.reason ?? null, nominationIdOf(e)],
        );
      }
    }
    await flush();
  }
}

function signedRow(e: RecordedEvent<AwardDecisionSigned['data']>): SqlParam[] {
  const d = e.data;
  const row: Record<(typeof COLUMNS)[number], SqlParam> = {
    nomination_id: nominationIdOf(e),
    decision_number: d.decisionNumber,
    decision_key: decisionKey(d.decisionNumber),
    nominee_id: d.nominee.nomineeId ?? null,
    nominee_name: d.nominee.name,
    nominee_kind: d.nominee.kind ?? null,
    award_code: d.awardCode,
    award_name: d.awardName,
    unit_id: d.unitId ?? null,
    campaign_id: d.campaignId ?? null,
    year: d.year ?? null,
    one_off: toBit(d.oneOff),
    signed_at: d.at,
    signed_by: d.by?.userId ?? e.metadata?.actorId ?? null,
    cash_multiple: d.cashMultiple ?? null,
    revoked: 0,
    revoked_at: null,
    revoked_by: null,
    revocation_ground: null,
    revocation_reason: null,
    search_text: registrySearchText({ nomineeName: d.nominee.name, awardName: d.awardName, unitId: d.unitId ?? '', decisionNumber: d.decisionNumber }),
    position: e.position,
  };
  return COLUMNS.map((c) => row[c]);
}
