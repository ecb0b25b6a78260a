/**
 * Notifications from the event log to a real SMTP server: the notifications projection (fed by the
 * real runner from a real SQLite event store the real decider wrote), the mail outbox sending
 * through nodemailer to smtp-server on loopback, on SQLite and on PostgreSQL read models.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import {
  draftNomination,
  escalateStage,
  issueStageReminder,
  reviewAtCluster,
  submitNomination,
} from '@tdkt/domain/testing/fixtures';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  DEFAULT_PREFERENCES,
  notificationFeed,
  NotificationsProjection,
  outboxRecords,
  prepareNotificationDelivery,
  ProjectionRunner,
  rebuild,
  saveNotificationPreferences,
  markNotificationRead,
  type ReadModelDb,
} from '@tdkt/projections';
import { DigestClock } from '../../apps/api/src/notifications/digest-clock';
import { MailOutbox } from '../../apps/api/src/notifications/mail-outbox';
import { smtpTransport } from '../../apps/api/src/notifications/mail-transport';
import { resolveNotificationOptions } from '../../apps/api/src/notifications/notification-options';
import { NominationLog } from '../projections/support/nomination-log';
import { backends, type ReadModelBackend } from '../projections/support/read-model-backends';
import { SmtpSink } from './support/smtp-sink';

const directory = new OrganisationDirectory(loadOrganisation(join(__dirname, '../../config/demo-organisation.json')));
const FROM = '"Hệ thống TĐKT" <tdkt@tdkt.example>';
const mailOf = (username: string) => `${username}@tdkt.example`;

describe.each(backends)('Notifications by e-mail on %s read models', (_name, createBackend) => {
  let dir: string;
  let store: SqliteEventStore;
  let log: NominationLog;
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  let sink: SmtpSink;
  let outbox: MailOutbox | undefined;
  /** The test's clock: mail retries and the digest read it. */
  let now: Date;
  const clock = () => now;
  const options = () =>
    resolveNotificationOptions({ now: clock, retryBaseMs: 1_000, retryMaxMs: 8_000, maxAttempts: 6, leaseMs: 60_000 });

  const projection = () => new NotificationsProjection({ directory, mail: true });
  /** A runner over the whole log, stopped once caught up (a process that starts, catches up and stops). */
  const project = async (target = db) => {
    const runner = new ProjectionRunner(target, store, { projections: [projection()], live: false });
    await runner.start();
    await runner.ready;
    await runner.stop();
  };
  const newOutbox = (port = sink.port) =>
    (outbox = new MailOutbox(db, smtpTransport({ host: '127.0.0.1', port, secure: false }), FROM, options()));
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  /** Draft by the unit officer, submitted by the unit head: the unit head, then the cluster leader are awaited. */
  const draftAndSubmit = async (nominationId: string) => {
    await log.run(draftNomination({ nominationId }), submitNomination({ nominationId }));
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-notify-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    log = new NominationLog(store);
    backend = createBackend();
    db = await backend.open();
    await prepareNotificationDelivery(db, await store.headPosition());
    sink = await SmtpSink.start();
    now = new Date('2026-11-20T00:00:00.000Z');
  });

  afterEach(async () => {
    await outbox?.stop();
    outbox = undefined;
    await sink.stop();
    await db.close();
    await backend.dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('mails the persons awaited at each stage, at their address, with a Vietnamese subject', async () => {
    await draftAndSubmit('nom-1');
    await log.run(reviewAtCluster('return', { nominationId: 'nom-1', comment: 'Thiếu minh chứng sáng kiến' }));
    await project();

    expect(await newOutbox().drain()).toBe(4);
    const got = sink.received.map((m) => [m.to.join(), m.subject]).sort();
    expect(got).toEqual(
      [
        // drafted: the unit head is awaited to submit it (the officer who drafted is not told of their own act)
        [mailOf('thutruong.donvi1'), '[TĐKT] Chờ anh/chị ký trình hồ sơ đề nghị: Nguyễn Văn An'],
        // submitted: the cluster leader of cum1
        [mailOf('truongcum.cum1'), '[TĐKT] Chờ anh/chị xét hồ sơ ở cụm thi đua: Nguyễn Văn An'],
        // returned with reasons: the unit's officer and head hear the outcome (once each, not also as "awaiting")
        [mailOf('canbo.donvi1'), '[TĐKT] Trả lại để bổ sung: Nguyễn Văn An'],
        [mailOf('thutruong.donvi1'), '[TĐKT] Trả lại để bổ sung: Nguyễn Văn An'],
      ].sort(),
    );
    const returned = sink.to(mailOf('canbo.donvi1'))[0];
    expect(returned.text).toContain('Kính gửi Trần Thị Mai');
    expect(returned.text).toContain('Lý do: Thiếu minh chứng sáng kiến');
    expect(returned.text).toContain('Mã hồ sơ: nom-1');
    expect(returned.raw).toMatch(/Content-Type: text\/html/i);
    expect(sink.received.every((m) => m.from === 'tdkt@tdkt.example')).toBe(true);
    expect((await outboxRecords(db)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });

  it('retries a relay that refuses (451 at RCPT, then 554 at DATA) and delivers each mail once, not lost, not doubled', async () => {
    await log.run(draftNomination({ nominationId: 'nom-2' }));
    await project();
    sink.refuseRcpt = 2;
    sink.refuseData = 1;
    const sender = newOutbox();

    expect(await sender.drain()).toBe(0); // 451 at RCPT
    let [record] = await outboxRecords(db);
    expect(record).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(record.lastError).toMatch(/^451/);
    expect(await sender.drain()).toBe(0); // not due yet: back-off
    expect(sink.refused).toBe(1);

    later(1_000);
    expect(await sender.drain()).toBe(0); // 451 again
    later(2_000);
    expect(await sender.drain()).toBe(0); // 554 at DATA
    [record] = await outboxRecords(db);
    expect(record).toMatchObject({ status: 'pending', attempts: 3 });
    expect(record.lastError).toMatch(/^554/);
    later(4_000);
    expect(await sender.drain()).toBe(1); // accepted
    later(60_000);
    expect(await sender.drain()).toBe(0);

    expect(sink.refused).toBe(3);
    expect(sink.received.map((m) => m.to)).toEqual([[mailOf('thutruong.donvi1')]]);
    [record] = await outboxRecords(db);
    expect(record).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
    expect(sink.received[0].messageId).toBe(`<${record.id}@tdkt>`);
  });

  it('keeps the mail while the relay is down and sends it once when it comes back', async () => {
    await sink.stop(); // the relay is down
    await log.run(draftNomination({ nominationId: 'nom-3' }));
    await project();
    const sender = newOutbox();

    expect(await sender.drain()).toBe(0);
    later(1_000);
    expect(await sender.drain()).toBe(0);
    const [record] = await outboxRecords(db);
    expect(record).toMatchObject({ status: 'pending', attempts: 2 });
    expect(record.lastError).toMatch(/ECONNREFUSED/);

    await sink.listen(); // back, on the same port
    later(2_000);
    expect(await sender.drain()).toBe(1);
    later(60_000);
    expect(await sender.drain()).toBe(0);
    expect(sink.received).toHaveLength(1);
    expect((await outboxRecords(db))[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('gives a mail up after the last attempt, kept as failed with the reason', async () => {
    await log.run(draftNomination({ nominationId: 'nom-4' }));
    await project();
    sink.refuseRcpt = 100;
    const sender = newOutbox();
    for (let i = 0; i < 8; i++) {
      await sender.drain();
      later(10_000);
    }
    expect((await outboxRecords(db))[0]).toMatchObject({ status: 'failed', attempts: 6 });
    expect(sink.received).toHaveLength(0);
  });

  it('a restart and a rebuild mail nobody again, and the rebuilt feed keeps its ids and read marks', async () => {
    // The cluster leader first wants no mail for what awaits them.
    const noMail = { ...DEFAULT_PREFERENCES, awaiting: { inApp: true, email: false } };
    await saveNotificationPreferences(db, 'truongcum.cum1', noMail, now);
    await draftAndSubmit('nom-5');
    await project();
    expect(await newOutbox().drain()).toBe(1);
    const feed = await notificationFeed(db, 'thutruong.donvi1');
    expect(feed).toMatchObject({ total: 1, unread: 1 });
    expect(await markNotificationRead(db, 'thutruong.donvi1', feed.items[0].id, now)).toBe(true);
    // Then they want it: had that applied to the past, the rebuild would mail them the submission now.
    await saveNotificationPreferences(db, 'truongcum.cum1', DEFAULT_PREFERENCES, now);

    await project(); // a restart: the runner starts from its checkpoint
    await rebuild(db, store, { projections: [projection()] }); // drops the feed and replays everything
    await project();
    later(60_000);
    expect(await outbox!.drain()).toBe(0);
    expect(sink.received.map((m) => m.to)).toEqual([[mailOf('thutruong.donvi1')]]);
    expect(await outboxRecords(db)).toHaveLength(1);
    expect((await notificationFeed(db, 'truongcum.cum1')).total).toBe(1);
    expect(await notificationFeed(db, 'thutruong.donvi1')).toMatchObject({
      total: 1,
      unread: 0,
      items: [{ id: feed.items[0].id, read: true }],
    });

    // Later events are mailed as usual.
    await log.run(reviewAtCluster('endorse', { nominationId: 'nom-5' }));
    await project();
    expect(await outbox!.drain()).toBe(1);
    expect(sink.received.at(-1)?.to).toEqual([mailOf('thuky')]);
  });

  it('switched on over an existing log, it mails none of the past and shows the past as read', async () => {
    await draftAndSubmit('nom-6');
    const fresh = createBackend();
    const late = await fresh.open();
    try {
      await prepareNotificationDelivery(late, await store.headPosition());
      await project(late);
      expect(await outboxRecords(late)).toEqual([]);
      expect(await notificationFeed(late, 'truongcum.cum1')).toMatchObject({ total: 1, unread: 0 });
    } finally {
      await late.close();
      await fresh.dispose();
    }
  });

  it('follows each person’s choices per kind and channel', async () => {
    await saveNotificationPreferences(
      db,
      'thutruong.donvi1',
      { ...DEFAULT_PREFERENCES, awaiting: { inApp: false, email: true } },
      now,
    );
    await saveNotificationPreferences(
      db,
      'truongcum.cum1',
      { ...DEFAULT_PREFERENCES, awaiting: { inApp: true, email: false } },
      now,
    );
    await draftAndSubmit('nom-7');
    await log.run(reviewAtCluster('return', { nominationId: 'nom-7', comment: 'Bổ sung' }));
    await project();
    await newOutbox().drain();

    // The unit head: awaiting by mail only; the outcome (default) in the app and by mail.
    expect((await notificationFeed(db, 'thutruong.donvi1')).items.map((i) => i.kind)).toEqual(['outcome']);
    expect(sink.to(mailOf('thutruong.donvi1')).map((m) => m.subject)).toEqual([
      '[TĐKT] Chờ anh/chị ký trình hồ sơ đề nghị: Nguyễn Văn An',
      '[TĐKT] Trả lại để bổ sung: Nguyễn Văn An',
    ]);
    // The cluster leader: awaiting in the app only.
    expect((await notificationFeed(db, 'truongcum.cum1')).items.map((i) => i.kind)).toEqual(['awaiting']);
    expect(sink.to(mailOf('truongcum.cum1'))).toEqual([]);
  });

  it('sends overdue items as one daily digest to those who chose it, at the digest time, once a day', async () => {
    await saveNotificationPreferences(
      db,
      'truongcum.cum1',
      { ...DEFAULT_PREFERENCES, overdue: { inApp: true, email: true, dailyDigest: true } },
      now,
    );
    const dueAt = '2026-11-17T02:00:00.000Z';
    for (const nominationId of ['nom-8a', 'nom-8b']) {
      await draftAndSubmit(nominationId);
      await log.run(
        issueStageReminder('CLUSTER_REVIEW', { nominationId, at: '2026-11-13T02:00:00.000Z', dueAt }),
        escalateStage('CLUSTER_REVIEW', { nominationId, at: '2026-11-18T02:00:00.000Z', dueAt }),
      );
    }
    await project();
    const sender = newOutbox();
    await sender.drain();
    // One mail per item for the secretary (escalated to them), none for the cluster leader's overdue items.
    expect(sink.to(mailOf('thuky')).map((m) => m.subject)).toEqual([
      '[TĐKT] Báo cáo quá hạn: Nguyễn Văn An',
      '[TĐKT] Báo cáo quá hạn: Nguyễn Văn An',
    ]);
    expect(sink.to(mailOf('truongcum.cum1')).map((m) => m.subject)).toEqual([
      '[TĐKT] Chờ anh/chị xét hồ sơ ở cụm thi đua: Nguyễn Văn An',
      '[TĐKT] Chờ anh/chị xét hồ sơ ở cụm thi đua: Nguyễn Văn An',
    ]);
    // In the app the overdue items show one by one.
    expect((await notificationFeed(db, 'truongcum.cum1')).items.filter((i) => i.kind === 'overdue')).toHaveLength(4);

    const digest = new DigestClock(db, directory, '07:30', options());
    now = new Date('2026-11-20T00:29:00.000Z'); // 07:29 in Vietnam
    expect(await digest.runDue()).toBe(0);
    now = new Date('2026-11-20T00:30:00.000Z'); // 07:30
    expect(await digest.runDue()).toBe(1);
    expect(await digest.runDue()).toBe(0); // once a day
    await sender.drain();
    const [mail] = sink.to(mailOf('truongcum.cum1')).filter((m) => m.subject.includes('Tổng hợp'));
    expect(mail.subject).toBe('[TĐKT] Tổng hợp hạn xử lý ngày 20/11/2026: 4 thông báo');
    expect(mail.text).toContain('Nhắc hạn xử lý: Nguyễn Văn An');
    expect(mail.text).toContain('Quá hạn xử lý: Nguyễn Văn An');
    expect(mail.text).toContain('nom-8b');

    // A new overdue item the same day waits for tomorrow's digest.
    await draftAndSubmit('nom-8c');
    await log.run(
      issueStageReminder('CLUSTER_REVIEW', { nominationId: 'nom-8c', at: '2026-11-20T03:00:00.000Z', dueAt }),
    );
    await project();
    now = new Date('2026-11-20T10:00:00.000Z');
    expect(await digest.runDue()).toBe(0);
    now = new Date('2026-11-21T00:30:00.000Z');
    expect(await digest.runDue()).toBe(1);
    expect(await digest.runDue()).toBe(0);
    await sender.drain();
    const digests = sink.to(mailOf('truongcum.cum1')).filter((m) => m.subject.includes('Tổng hợp'));
    expect(digests.map((m) => m.subject)).toEqual([
      '[TĐKT] Tổng hợp hạn xử lý ngày 20/11/2026: 4 thông báo',
      '[TĐKT] Tổng hợp hạn xử lý ngày 21/11/2026: 1 thông báo',
    ]);
  });
});
