/**
 * The feed (rebuilt from the events) and the delivery records (kept across rebuilds).
 *
 * Owned by the projection, dropped and replayed by a rebuild:
 *   notifications       one row per (event, recipient) shown in the app
 *   notification_state  the projection's own folded state per nomination
 * Never dropped by a rebuild (a person's choices and what was already sent):
 *   notification_reads        read marks, by notification id (ids are deterministic, so they survive a rebuild)
 *   notification_preferences  each person's choices
 *   notification_outbox       mail to send and mail sent, by notification id (or digest id)
 *   notification_digest_items overdue items waiting for the day's digest
 *   notification_delivery     one row: where mail starts (see prepareNotificationDelivery)
 */
export const NOTIFICATIONS_TABLE = 'notifications';
export const NOTIFICATION_STATE_TABLE = 'notification_state';
export const NOTIFICATION_READS_TABLE = 'notification_reads';
export const NOTIFICATION_PREFERENCES_TABLE = 'notification_preferences';
export const NOTIFICATION_OUTBOX_TABLE = 'notification_outbox';
export const NOTIFICATION_DIGEST_TABLE = 'notification_digest_items';
export const NOTIFICATION_DELIVERY_TABLE = 'notification_delivery';

export const NOTIFICATION_COLUMNS = [
  'id',
  'username',
  'kind',
  'reason',
  'event_type',
  'nomination_id',
  'title',
  'body',
  'position',
  'at',
] as const;
export const NOTIFICATION_STATE_COLUMNS = ['nomination_id', 'state'] as const;
export const OUTBOX_COLUMNS = [
  'id',
  'username',
  'to_address',
  'subject',
  'text_body',
  'html_body',
  'status',
  'attempts',
  'next_attempt_at',
  'created_at',
] as const;
export const DIGEST_COLUMNS = [
  'notification_id',
  'username',
  'position',
  'nomination_id',
  'title',
  'body',
  'at',
] as const;

export const NOTIFICATIONS_DDL = [
  `CREATE TABLE IF NOT EXISTS ${NOTIFICATIONS_TABLE} (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    event_type TEXT NOT NULL,
    nomination_id TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    position BIGINT NOT NULL,
    at TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_notifications_user ON ${NOTIFICATIONS_TABLE} (username, position)`,
  `CREATE TABLE IF NOT EXISTS ${NOTIFICATION_STATE_TABLE} (
    nomination_id TEXT PRIMARY KEY,
    state TEXT NOT NULL
  )`,
];

export const DELIVERY_DDL = [
  `CREATE TABLE IF NOT EXISTS ${NOTIFICATION_READS_TABLE} (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    read_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${NOTIFICATION_PREFERENCES_TABLE} (
    username TEXT PRIMARY KEY,
    preferences TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${NOTIFICATION_OUTBOX_TABLE} (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
  )`,
  `CREATE INDEX IF NOT EXISTS ix_outbox_due ON ${NOTIFICATION_OUTBOX_TABLE} (status, next_attempt_at)`,
  `CREATE TABLE IF NOT EXISTS ${NOTIFICATION_DIGEST_TABLE} (
    notification_id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    position BIGINT NOT NULL,
    nomination_id TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    at TEXT NOT NULL,
    digest_id TEXT
  )`,
  `CREATE INDEX IF NOT EXISTS ix_digest_pending ON ${NOTIFICATION_DIGEST_TABLE} (digest_id, username)`,
  `CREATE TABLE IF NOT EXISTS ${NOTIFICATION_DELIVERY_TABLE} (
    id INTEGER PRIMARY KEY,
    horizon BIGINT NOT NULL,
    mailed_through BIGINT NOT NULL
  )`,
];
