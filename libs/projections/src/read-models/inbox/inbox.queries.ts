import type { ReadScope } from '@tdkt/domain';
import { placeholders, ReadModelDb, SqlParam } from '../../db/read-model-db';
import { NOMINATIONS_TABLE } from '../status-board/status-board.schema';
import {
  NominationSummary,
  scopeCondition,
  SUMMARY_COLUMNS,
  toNominationSummary,
} from '../status-board/status-board.queries';
import { INBOX_TABLE } from './inbox.schema';

export interface InboxItem extends NominationSummary {
  /** Which of the caller's keys this nomination waits for. */
  awaitingMe: string[];
}

/**
 * Nominations awaiting any of these keys, the longest-waiting first (at most `limit`), within what
 * the reader may see (`scope`, the domain's `readScopeOf`; every nomination when omitted).
 */
export async function inbox(
  db: ReadModelDb,
  awaitingKeys: string[],
  limit = 1000,
  scope: ReadScope = { all: true },
): Promise<InboxItem[]> {
  const keys = [...new Set(awaitingKeys)];
  if (keys.length === 0) return [];
  const scoped = scope.all ? undefined : scopeCondition(scope, 'n.');
  if (!scope.all && !scoped) return [];
  const params: SqlParam[] = [...keys, ...(scoped?.params ?? [])];
  const rows = await db.all(
    `SELECT i.awaitee AS awaitee_key, ${SUMMARY_COLUMNS.split(', ')
      .map((c) => `n.${c}`)
      .join(', ')}
       FROM ${INBOX_TABLE} i JOIN ${NOMINATIONS_TABLE} n ON n.id = i.nomination_id
       WHERE i.awaitee IN (${placeholders(keys.length)})${scoped ? ` AND ${scoped.sql}` : ''}
       ORDER BY i.since ASC, n.id ASC, i.awaitee ASC`,
    params,
  );
  const byId = new Map<string, InboxItem>();
  for (const row of rows) {
    const id = String(row.id);
    const item = byId.get(id);
    if (item) item.awaitingMe.push(String(row.awaitee_key));
    else if (byId.size < limit) byId.set(id, { ...toNominationSummary(row), awaitingMe: [String(row.awaitee_key)] });
  }
  return [...byId.values()];
}
