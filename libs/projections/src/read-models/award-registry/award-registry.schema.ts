import type { ReadModelDialect } from '../../db/read-model-db';
import { WORDS_TSVECTOR_SQL } from '../../registry-search';

/** The award registry's table: one row per signed award, revoked ones flagged. */
export const AWARDS_TABLE = 'awards';
/** SQLite: contentless FTS5 index of `awards.search_text`, rowid = `awards.position`. */
export const AWARDS_FTS_TABLE = 'awards_fts';

export const AWARD_COLUMNS = [
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
  /** 1 when the search text's words are exactly its FTS5 tokens (`isPlainSearchText`). */
  'search_plain',
  'position',
  'revoked_position',
  'decision_id',
  'signing_year',
  'verification_code',
  'revocation_decision_number',
  'revocation_key',
  'revocation_year',
  /** Who decided an award given above the province (central decision); null: the province's Chairman. */
  'authority',
] as const;

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
    search_plain INTEGER NOT NULL,
    position BIGINT NOT NULL,
    revoked_position BIGINT,
    decision_id TEXT,
    signing_year INTEGER,
    verification_code TEXT,
    revocation_decision_number TEXT,
    revocation_key TEXT,
    revocation_year INTEGER,
    authority TEXT${
      dialect === 'postgres'
        ? `,
    search_words tsvector GENERATED ALWAYS AS (${WORDS_TSVECTOR_SQL}) STORED`
        : ''
    }
  )`,
];

const COMMON_INDEXES = [
  // Numbers restart every SIGNING year (Decree 30/2020): number + signing year is the key of a decision.
  `CREATE INDEX IF NOT EXISTS ix_awards_decision ON ${AWARDS_TABLE} (decision_key, signing_year)`,
  `CREATE INDEX IF NOT EXISTS ix_awards_revocation ON ${AWARDS_TABLE} (revocation_key, revocation_year)`,
  `CREATE INDEX IF NOT EXISTS ix_awards_verification ON ${AWARDS_TABLE} (verification_code)`,
  // Filter + the registry's page order (year DESC, signed_at DESC, nomination_id): a filtered page is
  // read in order and stops at its LIMIT, and its COUNT is answered from the index, not a sort.
  `CREATE INDEX IF NOT EXISTS ix_awards_page ON ${AWARDS_TABLE} (year DESC, signed_at DESC, nomination_id)`,
  `CREATE INDEX IF NOT EXISTS ix_awards_award_page ON ${AWARDS_TABLE} (award_code, year DESC, signed_at DESC, nomination_id)`,
  `CREATE INDEX IF NOT EXISTS ix_awards_unit_page ON ${AWARDS_TABLE} (unit_id, year DESC, signed_at DESC, nomination_id)`,
  `CREATE INDEX IF NOT EXISTS ix_awards_nominee ON ${AWARDS_TABLE} (nominee_id)`,
];

/** SQLite: the index a text search reads its candidates through (see SQLITE_FTS_DDL). */
export const AWARDS_SEARCH_KEYS_INDEX = 'ix_awards_search_keys';

/**
 * The FTS5 index follows the rows through triggers, so it is written in the very transaction that
 * writes the row and advances the checkpoint (exactly once). Contentless: it stores only the index;
 * the triggers hand it the old text to remove. Keyed by the signing event's global position (unique,
 * and stable, unlike the implicit rowid of a TEXT-keyed table).
 * - `prefix='2 3'`: a query word of 2 or 3 letters ("vo", "le", "ngu") reads one stored list
 *   instead of merging the lists of every word it begins (measured: bench/README.md, 2026-12-02).
 * - `ix_awards_search_keys`: a candidate's position, whether the pattern must be checked, the
 *   filters a search usually carries and its page order, so counting the candidates and ordering
 *   them reads this index, not the table (the table is read for the rows of the page, and for the
 *   few rows whose text is not plain).
 */
const SQLITE_FTS_DDL = [
  `CREATE UNIQUE INDEX IF NOT EXISTS ix_awards_position ON ${AWARDS_TABLE} (position)`,
  `CREATE INDEX IF NOT EXISTS ${AWARDS_SEARCH_KEYS_INDEX} ON ${AWARDS_TABLE} (position, search_plain, revoked, year, signed_at, nomination_id)`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${AWARDS_FTS_TABLE} USING fts5(search_text, content='', tokenize='unicode61 remove_diacritics 0', prefix='2 3')`,
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
const POSTGRES_SEARCH_DDL = [
  `CREATE INDEX IF NOT EXISTS ix_awards_search ON ${AWARDS_TABLE} USING GIN (search_words) WITH (fastupdate = off)`,
];

/** The registry's tables and indexes for this database (its full-text index differs per dialect). */
export const awardRegistryDdl = (dialect: ReadModelDialect): readonly string[] => [
  ...TABLE_DDL(dialect),
  ...COMMON_INDEXES,
  ...(dialect === 'sqlite' ? SQLITE_FTS_DDL : POSTGRES_SEARCH_DDL),
];
