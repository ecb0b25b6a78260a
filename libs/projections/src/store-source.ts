import type { EventStore } from '@tdkt/event-store';
import { CHECKPOINTS_TABLE } from './checkpoints';
import type { ReadModelDb, SqlExecutor } from './db/read-model-db';
import { ownedTables, type Projection } from './projection';

/**
 * Which event store the read models follow: its identity (EventStore.storeId) and the head it had
 * when last checked, one row beside the checkpoints. Without it, read models pointed at another
 * store (a mistyped DATABASE_URL, a store restored from an older backup) would resume from a
 * checkpoint that means nothing there and silently skip that store's first events.
 */
export const SOURCE_TABLE = 'read_model_source';
const SOURCE_KEY = 'event_store';

export const SOURCE_DDL = `CREATE TABLE IF NOT EXISTS ${SOURCE_TABLE} (
  key TEXT PRIMARY KEY,
  store_id TEXT NOT NULL,
  head BIGINT NOT NULL,
  updated_at TEXT NOT NULL
)`;

/** What to do with read models that followed another store, or stand beyond this store's head. */
export type StoreMismatchPolicy = 'rebuild' | 'refuse';

export interface StoreSourceOptions {
  /** Default `rebuild`: drop the read models and replay this store from its start. */
  onMismatch?: StoreMismatchPolicy;
  /** The outcome of the check at start (for the host's log). */
  onChecked?(check: StoreSourceCheck): void;
}

export interface StoreSourceCheck {
  /**
   * `new`: nothing recorded and nothing applied yet; `same`: recorded store, checkpoints within its
   * head; `adopted`: read models from before the identity was recorded, within this store's head;
   * `rebuilt`: a mismatch, read models dropped (they replay from zero).
   */
  outcome: 'new' | 'same' | 'adopted' | 'rebuilt';
  storeId: string;
  head: number;
  /** Highest checkpoint found. */
  checkpoint: number;
  recordedStoreId?: string;
  /** Why the read models do not belong to this store (for `rebuilt`). */
  mismatch?: string;
}

/** Thrown at start under the `refuse` policy: the process must not serve these read models. */
export class ReadModelStoreMismatchError extends Error {
  constructor(
    readonly where: string,
    readonly mismatch: string,
  ) {
    super(
      `The read models in ${where} do not belong to the configured event store: ${mismatch}. ` +
        'Refusing to serve them (TDKT_READ_MODELS_ON_STORE_MISMATCH=refuse). Check DATABASE_URL and ' +
        'EVENTSTORE_CONNECTION_STRING / TDKT_DATA_DIR, then rebuild them (npm run projections:rebuild) ' +
        'or start with TDKT_READ_MODELS_ON_STORE_MISMATCH=rebuild.',
    );
    this.name = 'ReadModelStoreMismatchError';
  }
}

/**
 * Inside the schema transaction (before the projections' tables are created): locks the source
 * row and the checkpoints (so no live runner advances them meanwhile), then compares them with the
 * store. The head is read after the locks: every checkpoint committed so far was at most the head
 * then, so a checkpoint beyond it really is from elsewhere. Records the store on success.
 */
export async function checkStoreSource(
  db: ReadModelDb,
  tx: SqlExecutor,
  projections: readonly Projection[],
  store: Pick<EventStore, 'storeId' | 'headPosition'>,
  options: StoreSourceOptions = {},
): Promise<StoreSourceCheck> {
  await tx.run(SOURCE_DDL);
  const recorded = await tx.get<{ store_id: string }>(
    `SELECT store_id FROM ${SOURCE_TABLE} WHERE key = ?${db.forUpdate}`,
    [SOURCE_KEY],
  );
  const names = new Set(projections.map((p) => p.name));
  const rows = await tx.all<{ name: string; position: number }>(
    `SELECT name, position FROM ${CHECKPOINTS_TABLE}${db.forUpdate}`,
  );
  const checkpoint = Math.max(0, ...rows.filter((r) => names.has(r.name)).map((r) => Number(r.position)));
  const storeId = await store.storeId();
  const head = await store.headPosition();

  let mismatch: string | undefined;
  if (recorded && recorded.store_id !== storeId)
    mismatch = `they followed event store ${recorded.store_id} (up to position ${checkpoint}), the configured one is ${storeId} (head ${head})`;
  else if (checkpoint > head)
    mismatch = `their checkpoint ${checkpoint} is beyond the head ${head} of event store ${storeId} (a store restored from an older backup, or another store)`;

  let outcome: StoreSourceCheck['outcome'] = recorded ? 'same' : checkpoint > 0 ? 'adopted' : 'new';
  if (mismatch) {
    if (options.onMismatch === 'refuse') throw new ReadModelStoreMismatchError(db.description, mismatch);
    for (const p of projections) {
      for (const table of ownedTables(p)) await tx.run(`DROP TABLE IF EXISTS ${table}`);
      await tx.run(`DELETE FROM ${CHECKPOINTS_TABLE} WHERE name = ?`, [p.name]);
    }
    outcome = 'rebuilt';
  }
  await tx.run(
    `INSERT INTO ${SOURCE_TABLE} (key, store_id, head, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET store_id = excluded.store_id, head = excluded.head, updated_at = excluded.updated_at`,
    [SOURCE_KEY, storeId, head, new Date().toISOString()],
  );
  return {
    outcome,
    storeId,
    head,
    checkpoint,
    ...(recorded ? { recordedStoreId: recorded.store_id } : {}),
    ...(mismatch ? { mismatch } : {}),
  };
}

/** Forgets the recorded store (a full rebuild follows whichever store it reads). */
export async function forgetStoreSource(tx: SqlExecutor): Promise<void> {
  await tx.run(SOURCE_DDL);
  await tx.run(`DELETE FROM ${SOURCE_TABLE} WHERE key = ?`, [SOURCE_KEY]);
}

/** One line for the log; undefined when there is nothing worth saying (same store, nothing new). */
export function describeStoreSourceCheck(check: StoreSourceCheck): string | undefined {
  switch (check.outcome) {
    case 'rebuilt':
      return `Read models rebuilt from event store ${check.storeId}: ${check.mismatch}`;
    case 'adopted':
      return `Read models (checkpoint ${check.checkpoint}) now record that they follow event store ${check.storeId} (head ${check.head})`;
    case 'new':
      return `Read models follow event store ${check.storeId} (head ${check.head})`;
    default:
      return undefined;
  }
}
