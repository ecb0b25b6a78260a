import type { ReadModelDb, Row, SqlParam } from '../../db/read-model-db';
import { countRows, Page, paging } from '../paging';
import { ACCESS_LOG_TABLE } from './access-log.schema';

export interface PersonalDataReadView {
  position: number;
  eventId: string;
  actorId: string;
  actorRoles: string[];
  actorUnitId: string | null;
  readAt: string;
  address: string | null;
  route: string;
  resource: string;
  nominationId: string | null;
  fields: string[];
}

export interface ListAccessLogQuery {
  nominationId?: string;
  actorId?: string;
  /** ISO instants (UTC), inclusive. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** Reads of personal data, newest first. */
export async function listAccessLog(
  db: ReadModelDb,
  query: ListAccessLogQuery = {},
): Promise<Page<PersonalDataReadView>> {
  const { page, pageSize, offset } = paging(query.page, query.pageSize);
  const where: string[] = [];
  const params: SqlParam[] = [];
  for (const [sql, value] of [
    ['nomination_id = ?', query.nominationId],
    ['actor_id = ?', query.actorId],
    ['read_at >= ?', query.from],
    ['read_at <= ?', query.to],
  ] as const)
    if (value !== undefined) {
      where.push(sql);
      params.push(value);
    }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = await countRows(db, `SELECT COUNT(*) AS n FROM ${ACCESS_LOG_TABLE}${clause}`, params);
  const rows = await db.all(`SELECT * FROM ${ACCESS_LOG_TABLE}${clause} ORDER BY position DESC LIMIT ? OFFSET ?`, [
    ...params,
    pageSize,
    offset,
  ]);
  return { items: rows.map(toView), total, page, pageSize };
}

function toView(r: Row): PersonalDataReadView {
  return {
    position: Number(r.position),
    eventId: String(r.event_id),
    actorId: String(r.actor_id),
    actorRoles: String(r.actor_roles).split(',').filter(Boolean),
    actorUnitId: r.actor_unit_id == null ? null : String(r.actor_unit_id),
    readAt: String(r.read_at),
    address: r.address == null ? null : String(r.address),
    route: String(r.route),
    resource: String(r.resource),
    nominationId: r.nomination_id == null ? null : String(r.nomination_id),
    fields: JSON.parse(String(r.fields)) as string[],
  };
}
