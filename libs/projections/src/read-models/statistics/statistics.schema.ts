/**
 * The statistics read model: one row per nomination (what it contributes) and pre-aggregated cells
 * (sums per year × campaign × unit × cluster × award × recipient kind × signing month). A query sums
 * cells — a few hundred rows per province-year — never the nominations, so it answers in constant
 * time whatever the number of awards. A nomination's row is kept so that its old contribution can be
 * taken out of its cell when it moves on (awarded, revoked, ...).
 */
export const STAT_NOMINATIONS_TABLE = 'stat_nominations';
export const STAT_CELLS_TABLE = 'stat_cells';

export const STAT_NOMINATION_COLUMNS = [
  'nomination_id',
  'year',
  'campaign_id',
  'unit_id',
  'cluster_id',
  'award_code',
  'nominee_kind',
  'gender',
  'direct_worker',
  'grassroots',
  'outcome',
  'cash_milli',
  'amount_vnd',
  'signed_month',
  'submitted_at',
  'council_from',
  'council_closed_at',
  'cluster_seconds',
  'council_seconds',
  'signature_seconds',
  'decision_seconds',
] as const;

/** The dimensions of a cell ('' or 0 when unknown: key columns are never NULL). */
export const CELL_KEYS = [
  'year',
  'campaign_id',
  'unit_id',
  'cluster_id',
  'award_code',
  'nominee_kind',
  'signed_month',
] as const;

/**
 * The additive counters of a cell (durations in seconds: exact sums). Cash: `recorded_vnd` sums the
 * amounts awards recorded when signed; `cash_milli` (thousandths of a base salary) only the older awards
 * that recorded none, priced at the query by the schedule in their signing month.
 */
export const CELL_COUNTERS = [
  'nominations',
  'draft',
  'in_progress',
  'awarded',
  'rejected_at_cluster',
  'not_approved',
  'declined',
  'withdrawn',
  'revoked',
  'individuals',
  'collectives',
  'women',
  'gender_known',
  'direct_workers',
  'direct_worker_known',
  'grassroots',
  'grassroots_known',
  'cash_milli',
  'recorded_vnd',
  'decision_seconds',
  'decision_n',
  'cluster_seconds',
  'cluster_n',
  'council_seconds',
  'council_n',
  'signature_seconds',
  'signature_n',
] as const;

export type CellKey = (typeof CELL_KEYS)[number];
export type CellCounter = (typeof CELL_COUNTERS)[number];

export const STATISTICS_DDL = [
  `CREATE TABLE IF NOT EXISTS ${STAT_NOMINATIONS_TABLE} (
    nomination_id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    campaign_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    award_code TEXT NOT NULL,
    nominee_kind TEXT NOT NULL,
    gender TEXT,
    direct_worker INTEGER,
    grassroots INTEGER,
    outcome TEXT NOT NULL,
    cash_milli BIGINT NOT NULL,
    amount_vnd BIGINT,
    signed_month TEXT NOT NULL,
    submitted_at TEXT,
    council_from TEXT,
    council_closed_at TEXT,
    cluster_seconds BIGINT,
    council_seconds BIGINT,
    signature_seconds BIGINT,
    decision_seconds BIGINT
  )`,
  `CREATE TABLE IF NOT EXISTS ${STAT_CELLS_TABLE} (
    year INTEGER NOT NULL,
    campaign_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    award_code TEXT NOT NULL,
    nominee_kind TEXT NOT NULL,
    signed_month TEXT NOT NULL,
    ${CELL_COUNTERS.map((c) => `${c} BIGINT NOT NULL`).join(',\n    ')},
    PRIMARY KEY (${CELL_KEYS.join(', ')})
  )`,
];
