import type { SqlExecutor, SqlParam } from '../db/read-model-db';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/** The page asked for, made safe: from 1, at most MAX_PAGE_SIZE rows, and the rows it skips. */
export function paging(page?: number, pageSize?: number) {
  const p = Number.isFinite(page) && (page as number) >= 1 ? Math.floor(page as number) : 1;
  const s =
    Number.isFinite(pageSize) && (pageSize as number) >= 1
      ? Math.min(Math.floor(pageSize as number), MAX_PAGE_SIZE)
      : DEFAULT_PAGE_SIZE;
  return { page: p, pageSize: s, offset: (p - 1) * s };
}

/** The `n` of a `SELECT COUNT(*) AS n ...` statement. */
export async function countRows(db: SqlExecutor, sql: string, params: SqlParam[] = []): Promise<number> {
  const row = await db.get<{ n: number }>(sql, params);
  return Number(row?.n ?? 0);
}
