/** The person register: one row per person, their current unit, look-up columns and the folded state. */
export const PEOPLE_TABLE = 'people';

export const PEOPLE_COLUMNS = [
  'person_id',
  'full_name',
  'name_key',
  'unit_id',
  'date_of_birth',
  'gender',
  'position_title',
  'direct_worker',
  'citizen_id_hash',
  'registered_at',
  'position',
  'state',
] as const;

export const PEOPLE_DDL = [
  `CREATE TABLE IF NOT EXISTS ${PEOPLE_TABLE} (
    person_id TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    date_of_birth TEXT,
    gender TEXT,
    position_title TEXT,
    direct_worker INTEGER NOT NULL,
    citizen_id_hash TEXT,
    registered_at TEXT NOT NULL,
    position BIGINT NOT NULL,
    state TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_people_unit ON ${PEOPLE_TABLE} (unit_id, name_key)`,
  `CREATE INDEX IF NOT EXISTS ix_people_name ON ${PEOPLE_TABLE} (name_key)`,
  `CREATE INDEX IF NOT EXISTS ix_people_citizen_id ON ${PEOPLE_TABLE} (citizen_id_hash)`,
];
