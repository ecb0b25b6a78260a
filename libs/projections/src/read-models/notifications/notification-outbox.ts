import { chunks, placeholders, type ReadModelDb } from '../../db/read-model-db';
import { digestMail, type MailItem } from './notification-mail';
import { NOTIFICATION_DIGEST_TABLE, NOTIFICATION_OUTBOX_TABLE } from './notifications.schema';

/** A mail in the outbox, as the sender needs it. */
export interface OutboxMail {
  /** The notification id (or `digest:<username>:<day>`): the mail's identity, sent at most once. */
  id: string;
  username: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Attempts so far, this one included once claimed. */
  attempts: number;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** Mails due at `now` and not held by another sender, oldest first. */
export async function dueMails(db: ReadModelDb, now: Date, limit = 20): Promise<OutboxMail[]> {
  const t = now.toISOString();
  const rows = await db.all(
    `SELECT id, username, to_address, subject, text_body, html_body, attempts FROM ${NOTIFICATION_OUTBOX_TABLE}
     WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
     ORDER BY next_attempt_at, id LIMIT ?`,
    [t, t, limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    username: String(r.username),
    to: String(r.to_address),
    subject: String(r.subject),
    text: String(r.text_body),
    html: String(r.html_body),
    attempts: Number(r.attempts),
  }));
}

/**
 * Takes the mail for one attempt (counted), held for `leaseMs`: several API replicas share the
 * outbox, and only the one whose update changed the row sends. False: another sender has it.
 */
export async function claimMail(db: ReadModelDb, id: string, now: Date, leaseMs: number): Promise<boolean> {
  const t = now.toISOString();
  const r = await db.run(
    `UPDATE ${NOTIFICATION_OUTBOX_TABLE} SET lease_until = ?, attempts = attempts + 1
     WHERE id = ? AND status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)`,
    [new Date(now.getTime() + leaseMs).toISOString(), id, t, t],
  );
  return r.changes === 1;
}

/** The relay accepted it: never sent again. */
export async function markMailSent(db: ReadModelDb, id: string, at: Date): Promise<void> {
  await db.run(
    `UPDATE ${NOTIFICATION_OUTBOX_TABLE} SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL WHERE id = ?`,
    [at.toISOString(), id],
  );
}

/** The attempt failed: try again at `retryAt`, or give up (`failed`, kept for the record) when null. */
export async function markMailFailed(db: ReadModelDb, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db.run(
    `UPDATE ${NOTIFICATION_OUTBOX_TABLE} SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at),
     lease_until = NULL, last_error = ? WHERE id = ?`,
    [retryAt ? 'pending' : 'failed', retryAt?.toISOString() ?? null, error.slice(0, 1000), id],
  );
}

export interface OutboxRecord {
  id: string;
  username: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

/** Every mail of the outbox (operators and tests: what was sent, what waits, what failed). */
export async function outboxRecords(db: ReadModelDb): Promise<OutboxRecord[]> {
  const rows = await db.all(
    `SELECT id, username, to_address, subject, status, attempts, last_error, sent_at FROM ${NOTIFICATION_OUTBOX_TABLE} ORDER BY created_at, id`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    username: String(r.username),
    to: String(r.to_address),
    subject: String(r.subject),
    status: String(r.status) as OutboxStatus,
    attempts: Number(r.attempts),
    lastError: r.last_error === null || r.last_error === undefined ? null : String(r.last_error),
    sentAt: r.sent_at === null || r.sent_at === undefined ? null : String(r.sent_at),
  }));
}

/**
 * The day's digest: every overdue item waiting for a digest becomes one mail per person,
 * `digest:<username>:<day>`, queued at most once a day (a second run, on this replica or another,
 * finds the id taken and leaves the newer items for the next day). A person without an address
 * has their items set aside. Returns the digests queued.
 */
export async function queueDigests(
  db: ReadModelDb,
  day: string,
  now: Date,
  recipient: (username: string) => { displayName: string; email?: string } | undefined,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.all(
      `SELECT notification_id, username, nomination_id, title, body, at FROM ${NOTIFICATION_DIGEST_TABLE}
       WHERE digest_id IS NULL ORDER BY username, position`,
    );
    const byUser = new Map<string, (MailItem & { id: string })[]>();
    for (const r of rows) {
      const list = byUser.get(String(r.username)) ?? [];
      list.push({
        id: String(r.notification_id),
        title: String(r.title),
        body: String(r.body),
        nominationId: String(r.nomination_id),
        at: String(r.at),
      });
      byUser.set(String(r.username), list);
    }
    let queued = 0;
    for (const [username, items] of byUser) {
      const who = recipient(username);
      const digestId = `digest:${username}:${day}`;
      let taken = 'no-address';
      if (who?.email) {
        const mail = digestMail(who.displayName, day, items);
        const t = now.toISOString();
        const r = await tx.run(
          `INSERT INTO ${NOTIFICATION_OUTBOX_TABLE} (id, username, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (id) DO NOTHING`,
          [digestId, username, who.email, mail.subject, mail.text, mail.html, t, t],
        );
        if (r.changes !== 1) continue;
        taken = digestId;
        queued++;
      }
      for (const chunk of chunks(items.map((i) => i.id)))
        await tx.run(
          `UPDATE ${NOTIFICATION_DIGEST_TABLE} SET digest_id = ? WHERE notification_id IN (${placeholders(chunk.length)})`,
          [taken, ...chunk],
        );
    }
    return queued;
  });
}
