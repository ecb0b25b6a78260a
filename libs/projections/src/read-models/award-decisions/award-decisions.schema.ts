/** Award decisions: one row per decision, its summary columns and its folded state (recipients, signer). */
export const AWARD_DECISIONS_TABLE = 'award_decisions';

export const AWARD_DECISION_COLUMNS = [
  'decision_id',
  'kind',
  'authority',
  'title',
  'status',
  'decision_number',
  'year',
  'drafted_at',
  'signed_at',
  'recipients',
  'position',
  'state',
] as const;

export const AWARD_DECISIONS_DDL = [
  `CREATE TABLE IF NOT EXISTS ${AWARD_DECISIONS_TABLE} (
    decision_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    authority TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    decision_number TEXT,
    year INTEGER,
    drafted_at TEXT NOT NULL,
    signed_at TEXT,
    recipients INTEGER NOT NULL,
    position BIGINT NOT NULL,
    state TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_award_decisions_drafted ON ${AWARD_DECISIONS_TABLE} (drafted_at)`,
];
