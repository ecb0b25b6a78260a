/** Exemplary models (gương điển hình): one row per story, its current text, consent, status and history. */
export const EXEMPLARY_MODELS_TABLE = 'exemplary_models';

export const EXEMPLARY_MODEL_COLUMNS = [
  'model_id',
  'status',
  'title',
  'body',
  'photo_url',
  'award',
  'consent',
  'history',
  'created_at',
  'updated_at',
  'published_at',
  'search_text',
  'position',
] as const;

export const EXEMPLARY_MODELS_DDL = [
  `CREATE TABLE IF NOT EXISTS ${EXEMPLARY_MODELS_TABLE} (
    model_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    photo_url TEXT,
    award TEXT NOT NULL,
    consent TEXT,
    history TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT,
    search_text TEXT NOT NULL,
    position BIGINT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_exemplary_models_status ON ${EXEMPLARY_MODELS_TABLE} (status, published_at)`,
];
