/**
 * Campaigns (one row each, summary columns and the folded state), their registrations (one row per
 * unit, so a reader's scope filters in SQL), and the clusters' year-end scorings (one row per
 * cluster and year with the folded state, one row per unit with its total and rank).
 */
export const CAMPAIGNS_TABLE = 'campaigns';
export const CAMPAIGN_REGISTRATIONS_TABLE = 'campaign_registrations';
export const CLUSTER_SCORINGS_TABLE = 'cluster_scorings';
export const CLUSTER_UNIT_SCORES_TABLE = 'cluster_unit_scores';

export const CAMPAIGN_COLUMNS = [
  'campaign_id',
  'name',
  'kind',
  'year',
  'status',
  'submission_deadline',
  'registrations',
  'position',
  'state',
] as const;
export const REGISTRATION_COLUMNS = [
  'campaign_id',
  'unit_id',
  'cluster_id',
  'commitment',
  'target_award_codes',
  'registered_by',
  'registered_at',
] as const;
export const SCORING_COLUMNS = [
  'scoring_id',
  'cluster_id',
  'year',
  'campaign_id',
  'status',
  'position',
  'state',
] as const;
export const UNIT_SCORE_COLUMNS = [
  'scoring_id',
  'cluster_id',
  'year',
  'unit_id',
  'scores',
  'total',
  'rank',
  'is_leading',
] as const;

export const CAMPAIGNS_DDL = [
  `CREATE TABLE IF NOT EXISTS ${CAMPAIGNS_TABLE} (
    campaign_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    status TEXT NOT NULL,
    submission_deadline TEXT NOT NULL,
    registrations INTEGER NOT NULL,
    position BIGINT NOT NULL,
    state TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_campaigns_year ON ${CAMPAIGNS_TABLE} (year)`,
  `CREATE TABLE IF NOT EXISTS ${CAMPAIGN_REGISTRATIONS_TABLE} (
    campaign_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    commitment TEXT NOT NULL,
    target_award_codes TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    PRIMARY KEY (campaign_id, unit_id)
  )`,
  `CREATE TABLE IF NOT EXISTS ${CLUSTER_SCORINGS_TABLE} (
    scoring_id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    campaign_id TEXT NOT NULL,
    status TEXT NOT NULL,
    position BIGINT NOT NULL,
    state TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_cluster_scorings_cluster_year ON ${CLUSTER_SCORINGS_TABLE} (cluster_id, year)`,
  `CREATE TABLE IF NOT EXISTS ${CLUSTER_UNIT_SCORES_TABLE} (
    scoring_id TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    unit_id TEXT NOT NULL,
    scores TEXT NOT NULL,
    total DOUBLE PRECISION NOT NULL,
    rank INTEGER,
    is_leading INTEGER NOT NULL,
    PRIMARY KEY (scoring_id, unit_id)
  )`,
];
