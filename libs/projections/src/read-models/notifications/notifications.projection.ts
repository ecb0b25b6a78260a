import { createHash } from 'node:crypto';
import { evolve, noticesOf, type NominationState, type Notice } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, upsertClause } from '../../db/read-model-db';
import type { Projection } from '../../projection';
import { asNominationEvent, byNomination, foldState, loadByIds, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import { notificationMail } from './notification-mail';
import { preferencesFrom } from './notification-preferences';
import { notificationText, type NotificationText } from './notification-texts';
import {
  DELIVERY_DDL,
  DIGEST_COLUMNS,
  NOTIFICATION_COLUMNS,
  NOTIFICATION_DELIVERY_TABLE,
  NOTIFICATION_DIGEST_TABLE,
  NOTIFICATION_OUTBOX_TABLE,
  NOTIFICATION_PREFERENCES_TABLE,
  NOTIFICATION_READS_TABLE,
  NOTIFICATION_STATE_COLUMNS,
  NOTIFICATION_STATE_TABLE,
  NOTIFICATIONS_DDL,
  NOTIFICATIONS_TABLE,
  OUTBOX_COLUMNS,
} from './notifications.schema';

/** A person the organisation directory names for an awaitee key. */
export interface NotificationRecipient {
  username: string;
  displayName: string;
  email?: string;
}

/** What the projection asks of the organisation directory (libs/config's OrganisationDirectory fits). */
export interface NotificationDirectory {
  usersAwaited(key: string): readonly NotificationRecipient[];
  unit(id: string): { name: string } | undefined;
}

export interface NotificationsProjectionOptions {
  directory: NotificationDirectory;
  /** Queue mail (a relay is configured). Off: in the app only, and nothing piles up for later. */
  mail: boolean;
}

/** Deterministic: the same event and person give the same id on every run, restart or rebuild. */
export const notificationId = (eventId: string, username: string) =>
  createHash('sha256').update(`${eventId}\n${username}`).digest('hex').slice(0, 32);

const DUE_AT_ONCE = new Date(0).toISOString();
const STATE_UPSERT = upsertClause(['nomination_id'], NOTIFICATION_STATE_COLUMNS);
const FEED_UPSERT = upsertClause(['id'], NOTIFICATION_COLUMNS);

interface Candidate {
  recorded: RecordedEvent;
  notice: Notice;
  user: NotificationRecipient;
  nominationId: string;
  text: NotificationText;
}

/**
 * The notifications of the nomination events: for each event, the domain's `noticesOf` names who
 * it concerns (awaitee keys), the organisation directory names the persons, and each person's
 * preferences decide the channels. Exactly once per (event, person), like every projection: the
 * feed rows commit with the checkpoint. Mail is queued in the SAME transaction into the outbox,
 * which a rebuild never drops, keyed by the notification id (`ON CONFLICT DO NOTHING`), and only
 * for events after `mailed_through` (advanced here, kept across rebuilds): a restart, a second
 * runner, a rebuild or a version bump never mails twice, and a first start over an existing log
 * mails nothing of the past (its notifications arrive already read).
 */
export class NotificationsProjection implements Projection {
  readonly name = 'notifications';
  readonly version = 1;
  readonly streamPrefixes = [NOMINATION_STREAM_PREFIX];
  readonly tables = [NOTIFICATIONS_TABLE, NOTIFICATION_STATE_TABLE];
  readonly ddl = [...NOTIFICATIONS_DDL, ...DELIVERY_DDL];

  constructor(private readonly options: NotificationsProjectionOptions) {}

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const delivery = await tx.get<{ horizon: number; mailed_through: number }>(
      `SELECT horizon, mailed_through FROM ${NOTIFICATION_DELIVERY_TABLE} WHERE id = 1`,
    );
    if (!delivery) throw new Error('notification delivery is not prepared (call prepareNotificationDelivery first)');
    const horizon = Number(delivery.horizon);
    const mailedThrough = Number(delivery.mailed_through);

    const groups = byNomination(events);
    const stored = await loadByIds<{ nomination_id: string; state: string }>(
      tx,
      NOTIFICATION_STATE_TABLE,
      'nomination_id',
      'nomination_id, state',
      [...groups.keys()],
    );
    const states: SqlParam[][] = [];
    const candidates: Candidate[] = [];
    for (const [id, list] of groups) {
      let state: NominationState = foldState(stored.get(id)?.state, []);
      for (const recorded of list) {
        const event = asNominationEvent(recorded);
        const after = evolve(state, event);
        if (after.status !== 'NONE') candidates.push(...this.concerned(recorded, state, after, id));
        state = after;
      }
      if (state.status !== 'NONE') states.push([id, JSON.stringify(state)]);
    }

    const prefs = await loadByIds<{ username: string; preferences: string }>(
      tx,
      NOTIFICATION_PREFERENCES_TABLE,
      'username',
      'username, preferences',
      [...new Set(candidates.map((c) => c.user.username))],
    );
    const feed: SqlParam[][] = [];
    const reads: SqlParam[][] = [];
    const outbox: SqlParam[][] = [];
    const digest: SqlParam[][] = [];
    for (const c of candidates) {
      const p = preferencesFrom(prefs.get(c.user.username)?.preferences);
      const { kind, reason } = c.notice;
      const id = notificationId(c.recorded.id, c.user.username);
      const at = String((c.recorded.data as { at?: string }).at ?? c.recorded.recordedAt);
      const { title, body } = c.text;
      if (p[kind].inApp) {
        feed.push([
          id,
          c.user.username,
          kind,
          reason,
          c.recorded.type,
          c.nominationId,
          title,
          body,
          c.recorded.position,
          at,
        ]);
        if (c.recorded.position <= horizon) reads.push([id, c.user.username, at]);
      }
      if (!this.options.mail || c.recorded.position <= mailedThrough || !c.user.email || !p[kind].email) continue;
      if (kind === 'overdue' && p.overdue.dailyDigest) {
        digest.push([id, c.user.username, c.recorded.position, c.nominationId, title, body, at]);
      } else {
        const mail = notificationMail(c.user.displayName, { title, body, nominationId: c.nominationId, at });
        // Due at once (the epoch: whichever clock the sender runs on); created_at orders the outbox.
        const queued = c.recorded.recordedAt;
        outbox.push([
          id,
          c.user.username,
          c.user.email,
          mail.subject,
          mail.text,
          mail.html,
          'pending',
          0,
          DUE_AT_ONCE,
          queued,
        ]);
      }
    }
    await insertMany(tx, NOTIFICATIONS_TABLE, NOTIFICATION_COLUMNS, feed, FEED_UPSERT);
    await insertMany(tx, NOTIFICATION_READS_TABLE, ['id', 'username', 'read_at'], reads, 'ON CONFLICT (id) DO NOTHING');
    await insertMany(tx, NOTIFICATION_OUTBOX_TABLE, OUTBOX_COLUMNS, outbox, 'ON CONFLICT (id) DO NOTHING');
    await insertMany(tx, NOTIFICATION_DIGEST_TABLE, DIGEST_COLUMNS, digest, 'ON CONFLICT (notification_id) DO NOTHING');
    await insertMany(tx, NOTIFICATION_STATE_TABLE, NOTIFICATION_STATE_COLUMNS, states, STATE_UPSERT);
    const last = events[events.length - 1].position;
    if (last > mailedThrough)
      await tx.run(`UPDATE ${NOTIFICATION_DELIVERY_TABLE} SET mailed_through = ? WHERE id = 1`, [last]);
  }

  /** The persons this event concerns, each once (first notice wins), never its own actor. */
  private concerned(
    recorded: RecordedEvent,
    before: NominationState,
    after: Exclude<NominationState, { status: 'NONE' }>,
    nominationId: string,
  ): Candidate[] {
    const event = asNominationEvent(recorded);
    const actor = (event.data as { by?: { userId?: string } }).by?.userId;
    const names = (keys: readonly string[]) => [
      ...new Set(keys.flatMap((k) => this.options.directory.usersAwaited(k).map((u) => u.displayName))),
    ];
    const unitName = this.options.directory.unit(after.unitId)?.name ?? after.unitId;
    const told = new Set<string>();
    const out: Candidate[] = [];
    for (const notice of noticesOf(before, event, after)) {
      let text: NotificationText | undefined;
      for (const key of notice.to)
        for (const user of this.options.directory.usersAwaited(key)) {
          if (user.username === actor || told.has(user.username)) continue;
          told.add(user.username);
          text ??= notificationText(notice.reason, {
            state: after,
            event,
            unitName,
            awaitedNames: event.type === 'StageEscalated' ? names(event.data.awaiting) : [],
          });
          out.push({ recorded, notice, user, nominationId, text });
        }
    }
    return out;
  }
}
