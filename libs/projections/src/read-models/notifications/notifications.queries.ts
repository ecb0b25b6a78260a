import type { NoticeKind } from '@tdkt/domain';
import type { ReadModelDb, SqlParam } from '../../db/read-model-db';
import { lockSchema } from '../../projection-schema';
import { countRows, paging, type Page } from '../paging';
import { preferencesFrom, type NotificationPreferences } from './notification-preferences';
import {
  DELIVERY_DDL,
  NOTIFICATION_DELIVERY_TABLE,
  NOTIFICATION_PREFERENCES_TABLE,
  NOTIFICATION_READS_TABLE,
  NOTIFICATIONS_TABLE,
} from './notifications.schema';

export interface NotificationView {
  id: string;
  kind: NoticeKind;
  /** Why: AWAITING, REMINDER, ESCALATED, ESCALATED_TO_YOU, AWARDED, REJECTED, RETURNED, WITHDRAWN, REVOKED. */
  reason: string;
  eventType: string;
  nominationId: string;
  title: string;
  body: string;
  /** When the event happened (ISO). */
  at: string;
  /** Global position of the event: the feed's order, and the SSE event id. */
  position: number;
  read: boolean;
}

export interface NotificationFeed extends Page<NotificationView> {
  /** The person's unread notifications, all pages together. */
  unread: number;
}

const SELECT = `SELECT n.id, n.kind, n.reason, n.event_type, n.nomination_id, n.title, n.body, n.at, n.position,
  CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS is_read
  FROM ${NOTIFICATIONS_TABLE} n LEFT JOIN ${NOTIFICATION_READS_TABLE} r ON r.id = n.id`;

const toView = (r: Record<string, unknown>): NotificationView => ({
  id: String(r.id),
  kind: String(r.kind) as NoticeKind,
  reason: String(r.reason),
  eventType: String(r.event_type),
  nominationId: String(r.nomination_id),
  title: String(r.title),
  body: String(r.body),
  at: String(r.at),
  position: Number(r.position),
  read: Number(r.is_read) === 1,
});

/**
 * Creates the delivery tables and, once, the row saying where mail starts: at the log's head when
 * notifications are first switched on (`head`), so the past is not mailed. Call before the runner
 * starts (the projection refuses to run without it).
 */
export async function prepareNotificationDelivery(db: ReadModelDb, head: number): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSchema(db, tx);
    for (const ddl of DELIVERY_DDL) await tx.run(ddl);
    await tx.run(
      `INSERT INTO ${NOTIFICATION_DELIVERY_TABLE} (id, horizon, mailed_through) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [head, head],
    );
  });
}

/** The person's feed, newest first, with their unread count. */
export async function notificationFeed(
  db: ReadModelDb,
  username: string,
  query: { page?: number; pageSize?: number; unreadOnly?: boolean } = {},
): Promise<NotificationFeed> {
  const { page, pageSize, offset } = paging(query.page, query.pageSize);
  const where = `WHERE n.username = ?${query.unreadOnly ? ' AND r.id IS NULL' : ''}`;
  const params: SqlParam[] = [username];
  const [rows, total, unread] = await Promise.all([
    db.all(`${SELECT} ${where} ORDER BY n.position DESC, n.id LIMIT ? OFFSET ?`, [...params, pageSize, offset]),
    countRows(
      db,
      `SELECT COUNT(*) AS n FROM ${NOTIFICATIONS_TABLE} n LEFT JOIN ${NOTIFICATION_READS_TABLE} r ON r.id = n.id ${where}`,
      params,
    ),
    unreadCount(db, username),
  ]);
  return { items: rows.map(toView), total, unread, page, pageSize };
}

export function unreadCount(db: ReadModelDb, username: string): Promise<number> {
  return countRows(
    db,
    `SELECT COUNT(*) AS n FROM ${NOTIFICATIONS_TABLE} n LEFT JOIN ${NOTIFICATION_READS_TABLE} r ON r.id = n.id
     WHERE n.username = ? AND r.id IS NULL`,
    [username],
  );
}

/** The person's notifications after a position, oldest first (the live stream's catch-up). */
export async function notificationsAfter(
  db: ReadModelDb,
  username: string,
  position: number,
  limit = 100,
): Promise<NotificationView[]> {
  const rows = await db.all(`${SELECT} WHERE n.username = ? AND n.position > ? ORDER BY n.position, n.id LIMIT ?`, [
    username,
    position,
    limit,
  ]);
  return rows.map(toView);
}

/** The position of the person's latest notification (0 when none). */
export async function latestNotificationPosition(db: ReadModelDb, username: string): Promise<number> {
  const row = await db.get<{ p: number | null }>(
    `SELECT MAX(position) AS p FROM ${NOTIFICATIONS_TABLE} WHERE username = ?`,
    [username],
  );
  return Number(row?.p ?? 0);
}

/** Marks one of the person's notifications read; false when they have none with this id. */
export async function markNotificationRead(db: ReadModelDb, username: string, id: string, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const own = await tx.get(`SELECT id FROM ${NOTIFICATIONS_TABLE} WHERE id = ? AND username = ?`, [id, username]);
    if (!own) return false;
    await tx.run(
      `INSERT INTO ${NOTIFICATION_READS_TABLE} (id, username, read_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [id, username, at.toISOString()],
    );
    return true;
  });
}

export async function notificationPreferences(db: ReadModelDb, username: string): Promise<NotificationPreferences> {
  const row = await db.get<{ preferences: string }>(
    `SELECT preferences FROM ${NOTIFICATION_PREFERENCES_TABLE} WHERE username = ?`,
    [username],
  );
  return preferencesFrom(row?.preferences);
}

/** Replaces the person's choices; they apply to every notification produced from then on. */
export async function saveNotificationPreferences(
  db: ReadModelDb,
  username: string,
  preferences: NotificationPreferences,
  at: Date,
): Promise<NotificationPreferences> {
  const clean = preferencesFrom(JSON.stringify(preferences));
  await db.run(
    `INSERT INTO ${NOTIFICATION_PREFERENCES_TABLE} (username, preferences, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (username) DO UPDATE SET preferences = excluded.preferences, updated_at = excluded.updated_at`,
    [username, JSON.stringify(clean), at.toISOString()],
  );
  return clean;
}
