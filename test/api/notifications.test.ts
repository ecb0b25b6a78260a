/**
 * Notifications through the whole embedded system: the feed with its unread count, marking read,
 * preferences, the live stream (Server-Sent Events read with a real HTTP client), mail to a real
 * SMTP server started here, the workflow's own reminders and escalations (stage limits in seconds),
 * and a restart that mails nobody twice.
 */
import { openSse } from '../notifications/support/sse-client';
import { SmtpSink } from '../notifications/support/smtp-sink';
import { startStack, type Stack } from './support/stack';

let stack: Stack;
let sink: SmtpSink;

const mailOf = (username: string) => `${username}@tdkt.example`;
const person = (name: string) => ({ nominee: { kind: 'individual', name, position: 'Giáo viên' } });

beforeAll(async () => {
  sink = await SmtpSink.start();
  stack = await startStack({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      MAIL_FROM: '"Hệ thống TĐKT" <tdkt@tdkt.example>',
      // CLUSTER_REVIEW's limit (10) in seconds: the reminder at 8 s, the escalation at 10 s.
      TDKT_STAGE_TIME_UNIT: 'seconds',
    },
    api: { notifications: { mailPollMs: 50, retryBaseMs: 100, retryMaxMs: 1_000, streamPollMs: 50 } },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await sink?.stop();
});

const feed = async (username: string, query = '') => {
  const res = await (await stack.as(username)).get(`/api/notifications${query}`);
  expect(res.status).toBe(200);
  return res.body;
};

/** Polls until `check` holds (notifications of the workflow's own clock come when they come). */
async function eventually<T>(probe: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (check(v)) return v;
    if (Date.now() > until) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** donvi3: drafted, submitted, rejected by the cluster — ended, so no stage clock adds to the feeds. */
async function rejectedAtCluster(name: string): Promise<string> {
  const id = await stack.draft({ ...person(name) }, 'canbo.donvi3');
  await stack.command('thutruong.donvi3', `/api/nominations/${id}/submit`);
  await stack.command('truongcum.cum2', `/api/nominations/${id}/cluster-review`, {
    decision: 'reject',
    comment: 'Thành tích chưa tiêu biểu của cụm',
  });
  return id;
}

describe('GET /api/notifications', () => {
  it('is the signed-in person’s feed, newest first, with the unread count; marking read lowers it', async () => {
    const id = await rejectedAtCluster('Trần Văn Giàu');

    const head = await feed('thutruong.donvi3');
    expect(head).toMatchObject({ total: 2, unread: 2, page: 1 });
    expect(head.items.map((n: any) => [n.nominationId, n.kind, n.reason, n.read])).toEqual([
      [id, 'outcome', 'REJECTED', false],
      [id, 'awaiting', 'AWAITING', false],
    ]);
    expect(head.items[0]).toMatchObject({
      title: 'Không được khen thưởng: Trần Văn Giàu',
      body: expect.stringContaining('Lý do: Thành tích chưa tiêu biểu của cụm'),
      eventType: 'ClusterRejected',
    });
    expect(head.items[0].position).toBeGreaterThan(head.items[1].position);
    // The officer who drafted it hears the outcome, not of their own draft.
    expect((await feed('canbo.donvi3')).items.map((n: any) => n.reason)).toEqual(['REJECTED']);
    // Another unit hears nothing of it.
    expect((await feed('thutruong.donvi1')).items.filter((n: any) => n.nominationId === id)).toEqual([]);

    const [, awaiting] = head.items;
    const read = await (await stack.as('thutruong.donvi3')).post(`/api/notifications/${awaiting.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: awaiting.id, read: true, unread: 1 });
    // Again: nothing changes.
    expect((await (await stack.as('thutruong.donvi3')).post(`/api/notifications/${awaiting.id}/read`)).body).toEqual({
      id: awaiting.id,
      read: true,
      unread: 1,
    });
    expect(await feed('thutruong.donvi3', '?unreadOnly=true')).toMatchObject({
      total: 1,
      unread: 1,
      items: [{ reason: 'REJECTED' }],
    });
    expect((await feed('thutruong.donvi3')).items.map((n: any) => n.read)).toEqual([false, true]);
  });

  it('answers 404 for a notification that is someone else’s or none, and 401 without a token', async () => {
    const [mine] = (await feed('thutruong.donvi3')).items;
    const other = await (await stack.as('canbo.donvi3')).post(`/api/notifications/${mine.id}/read`);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND', message: 'Không tìm thấy thông báo này' });
    expect((await (await stack.as('thutruong.donvi3')).post('/api/notifications/khong-co/read')).status).toBe(404);
    expect((await stack.http.get('/api/notifications')).status).toBe(401);
    expect((await feed('thutruong.donvi3')).items[0].read).toBe(false);
  });

  it('mails the same notifications to the persons’ addresses, with Vietnamese subjects', async () => {
    const mails = await eventually(
      async () => sink.received.filter((m) => m.subject.includes('Trần Văn Giàu')),
      (m) => m.length >= 4,
    );
    expect(mails.map((m) => [m.to.join(), m.subject]).sort()).toEqual(
      [
        [mailOf('thutruong.donvi3'), '[TĐKT] Chờ anh/chị ký trình hồ sơ đề nghị: Trần Văn Giàu'],
        [mailOf('truongcum.cum2'), '[TĐKT] Chờ anh/chị xét hồ sơ ở cụm thi đua: Trần Văn Giàu'],
        [mailOf('canbo.donvi3'), '[TĐKT] Không được khen thưởng: Trần Văn Giàu'],
        [mailOf('thutruong.donvi3'), '[TĐKT] Không được khen thưởng: Trần Văn Giàu'],
      ].sort(),
    );
  });
});

describe('GET /api/notifications/stream', () => {
  it('streams the unread count and each new notification live; a read mark updates the count', async () => {
    const token = await stack.token('truongcum.cum2');
    const stream = await openSse(`${stack.system.url}/api/notifications/stream?access_token=${token}`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      const first = JSON.parse((await stream.next('unread')).data).unread;

      const id = await stack.draft({ ...person('Nguyễn Thị Định') }, 'canbo.donvi3');
      await stack.command('thutruong.donvi3', `/api/nominations/${id}/submit`);
      const pushed = await stream.next('notification', (e) => JSON.parse(e.data).nominationId === id);
      const n = JSON.parse(pushed.data);
      expect(n).toMatchObject({ kind: 'awaiting', title: 'Chờ anh/chị xét hồ sơ ở cụm thi đua: Nguyễn Thị Định' });
      expect(pushed.id).toBe(String(n.position));
      expect(JSON.parse((await stream.next('unread')).data).unread).toBe(first + 1);

      await stack.command('truongcum.cum2', `/api/nominations/${id}/cluster-review`, {
        decision: 'reject',
        comment: 'Chưa đủ',
      });
      await (await stack.as('truongcum.cum2')).post(`/api/notifications/${n.id}/read`);
      expect(JSON.parse((await stream.next('unread')).data).unread).toBe(first);
    } finally {
      stream.close();
    }
  });

  it('resumes after Last-Event-ID, and takes the token from the header or the cookie too', async () => {
    const token = await stack.token('thutruong.donvi3');
    const items = (await feed('thutruong.donvi3')).items;
    const oldest = items[items.length - 1];
    const viaHeader = await openSse(`${stack.system.url}/api/notifications/stream`, {
      Authorization: `Bearer ${token}`,
      'Last-Event-ID': String(oldest.position),
    });
    const viaCookie = await openSse(`${stack.system.url}/api/notifications/stream`, {
      Cookie: `theme=dark; tdkt_access_token=${token}`,
    });
    try {
      expect([viaHeader.status, viaCookie.status]).toEqual([200, 200]);
      // Everything after the oldest, oldest first, replayed on the resumed stream.
      const replayed = await viaHeader.next('notification');
      expect(JSON.parse(replayed.data).id).toBe(items[items.length - 2].id);
      expect(JSON.parse((await viaCookie.next('unread')).data).unread).toBeGreaterThan(0);
    } finally {
      viaHeader.close();
      viaCookie.close();
    }
  });

  it('refuses a stream without a valid token (401, no stream)', async () => {
    const none = await openSse(`${stack.system.url}/api/notifications/stream`);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ statusCode: 401 });
    const forged = await openSse(`${stack.system.url}/api/notifications/stream?access_token=abc.def.ghi`);
    expect(forged.status).toBe(401);
  });
});

describe('GET/PUT /api/me/notification-preferences', () => {
  it('starts with everything on, refuses an incomplete choice in Vietnamese, and keeps a valid one', async () => {
    const me = await stack.as('thanhtra');
    expect((await me.get('/api/me/notification-preferences')).body).toEqual({
      awaiting: { inApp: true, email: true },
      overdue: { inApp: true, email: true, dailyDigest: false },
      outcome: { inApp: true, email: true },
      emailAddressKnown: true,
      mailEnabled: true,
      digestTime: '07:00',
    });
    const auth = `Bearer ${await stack.token('thanhtra')}`;
    const bad = await stack.http
      .put('/api/me/notification-preferences')
      .set('Authorization', auth)
      .send({ awaiting: { inApp: 'có', email: true }, outcome: { inApp: true, email: false } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'awaiting.inApp', reasons: ['Phải là true hoặc false'] },
        { field: 'overdue', reasons: expect.arrayContaining(['Cần lựa chọn cho loại thông báo "nhắc hạn, quá hạn"']) },
      ]),
    );
    const choice = {
      awaiting: { inApp: true, email: false },
      overdue: { inApp: false, email: true, dailyDigest: true },
      outcome: { inApp: true, email: true },
    };
    const put = await stack.http.put('/api/me/notification-preferences').set('Authorization', auth).send(choice);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject(choice);
    expect((await me.get('/api/me/notification-preferences')).body).toMatchObject(choice);
  });

  it('applies the choice to what comes next: no feed item for a kind switched off in the app, a mail still', async () => {
    const auth = `Bearer ${await stack.token('truongcum.cum2')}`;
    const off = {
      awaiting: { inApp: false, email: true },
      overdue: { inApp: true, email: true, dailyDigest: false },
      outcome: { inApp: true, email: true },
    };
    expect((await stack.http.put('/api/me/notification-preferences').set('Authorization', auth).send(off)).status).toBe(
      200,
    );
    const id = await rejectedAtCluster('Võ Thị Sáu');
    expect((await feed('truongcum.cum2')).items.filter((n: any) => n.nominationId === id)).toEqual([]);
    await eventually(
      async () => sink.to(mailOf('truongcum.cum2')).filter((m) => m.subject.includes('Võ Thị Sáu')),
      (m) => m.length === 1,
    );
  });
});

describe('Overdue: the workflow’s reminder and escalation', () => {
  it('tell the awaited cluster leader, and the secretary it is escalated to, in the app and by mail', async () => {
    const id = await stack.draft({ ...person('Lý Tự Trọng') });
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    const leader = await eventually(
      async () => (await feed('truongcum.cum1')).items.filter((n: any) => n.nominationId === id),
      (items) => items.some((n: any) => n.reason === 'ESCALATED'),
    );
    expect(leader.map((n: any) => n.reason)).toEqual(['ESCALATED', 'REMINDER', 'AWAITING']);
    expect(leader[0].title).toBe('Quá hạn xử lý: Lý Tự Trọng');
    const secretary = (await feed('thuky')).items.filter((n: any) => n.nominationId === id);
    expect(secretary.map((n: any) => [n.kind, n.reason])).toEqual([['overdue', 'ESCALATED_TO_YOU']]);
    const mails = await eventually(
      async () => sink.received.filter((m) => m.subject.includes('Lý Tự Trọng')).map((m) => [m.to.join(), m.subject]),
      (m) => m.length >= 5,
    );
    expect(mails).toHaveLength(5);
    expect(mails).toEqual(
      expect.arrayContaining([
        [mailOf('truongcum.cum1'), '[TĐKT] Nhắc hạn xử lý: Lý Tự Trọng'],
        [mailOf('truongcum.cum1'), '[TĐKT] Quá hạn xử lý: Lý Tự Trọng'],
        [mailOf('thuky'), '[TĐKT] Báo cáo quá hạn: Lý Tự Trọng'],
      ]),
    );
    // The stage is escalated once: nothing more comes for it.
    await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, {
      decision: 'reject',
      comment: 'Không đạt',
    });
  });
});

describe('Restart', () => {
  it('mails nobody twice and keeps the feed and its read marks', async () => {
    // The outbox drained: no new mail for a second (a fixed wait was too short on a loaded machine).
    await eventually(
      async () => {
        const count = sink.received.length;
        await new Promise((r) => setTimeout(r, 1_000));
        return sink.received.length === count;
      },
      (quiet) => quiet,
    );
    const before = sink.received.map((m) => m.messageId).sort();
    const feedBefore = await feed('thutruong.donvi3');
    await stack.restart();
    await new Promise((r) => setTimeout(r, 1_000));
    // A mail's Message-ID is its notification's id: one sent again would show its id twice. A mail of a
    // notification the workflows' own clocks raised meanwhile is new, not a second sending.
    const after = sink.received.map((m) => m.messageId);
    expect(new Set(after).size).toBe(after.length);
    expect(after.filter((id) => before.includes(id)).sort()).toEqual(before);
    expect(await feed('thutruong.donvi3')).toEqual(feedBefore);
  });
});

describe('OpenAPI', () => {
  it('documents the notification endpoints, the stream’s media type and its token outside the header', async () => {
    const doc = (await stack.http.get('/api/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/notifications',
        '/api/notifications/stream',
        '/api/notifications/{id}/read',
        '/api/me/notification-preferences',
      ]),
    );
    expect(Object.keys(doc.paths['/api/me/notification-preferences'])).toEqual(['get', 'put']);
    const stream = doc.paths['/api/notifications/stream'].get;
    expect(Object.keys(stream.responses['200'].content)).toEqual(['text/event-stream']);
    expect(stream.parameters.map((p: any) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['query:access_token', 'header:Last-Event-ID']),
    );
    expect(stream.description).toContain('tdkt_access_token');
    expect(stream.security).toEqual(
      expect.arrayContaining([{ bearer: [] }, { access_token: [] }, { tdkt_access_token: [] }]),
    );
    expect(doc.components.securitySchemes.access_token).toEqual({ type: 'apiKey', in: 'query', name: 'access_token' });
    expect(doc.components.securitySchemes.tdkt_access_token).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'tdkt_access_token',
    });
    const feedSchema = doc.components.schemas.NotificationFeedDto;
    expect(Object.keys(feedSchema.properties)).toEqual(['items', 'total', 'unread', 'page', 'pageSize']);
  });
});
