import { CHECKPOINTS_TABLE, type ReadModelDb } from '@tdkt/projections';

/** Projections' names, as their checkpoint rows carry them. */
export const STATISTICS_PROJECTION = 'statistics';
export const AWARD_REGISTRY_PROJECTION = 'award-registry';

/**
 * Answers computed from one read model, kept until that read model moves on. The projection writes
 * its tables and its checkpoint row in one transaction, so the stored checkpoint changes whenever the
 * tables do. Each request reads the checkpoint first (one row by primary key) and computes after it,
 * so a kept answer is never older than what the read model held when the request arrived: a user
 * whose command has returned (its position reached) finds a new checkpoint, misses, and sees the
 * new figures (read-your-writes). Events a projection does not read (another stream's) leave its
 * stored checkpoint as it was (ProjectionRunner writes none for them), so reads that append to the
 * access log do not empty the cache. Each API process keeps its own; nothing is shared across
 * replicas. Kept answers are shared between requests: callers copy, never mutate them.
 */
export class CheckpointCache<T> {
  private at: number | undefined;
  private readonly entries = new Map<string, T>();
  private readonly sql: string;

  constructor(
    private readonly db: ReadModelDb,
    private readonly projection: string,
    /** Answers kept at most (the oldest goes first): the filters × scopes in use, not every combination. */
    private readonly maxEntries = 2000,
  ) {
    this.sql = `SELECT position FROM ${CHECKPOINTS_TABLE} WHERE name = ?`;
  }

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const row = await this.db.get<{ position: number | string }>(this.sql, [this.projection]);
    const at = row ? Number(row.position) : -1;
    if (at !== this.at) {
      this.entries.clear();
      this.at = at;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = await compute();
    // Another request may have seen a newer checkpoint meanwhile (PostgreSQL reads interleave): keep
    // the answer only under the checkpoint it was computed after.
    if (this.at === at) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Answers kept now (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }
}
