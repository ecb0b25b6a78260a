import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  evolveNotice,
  initialNoticeState,
  publicNoticeDecider,
  publicNoticeStreamName,
  type PublicNoticeCommand,
  type PublicNoticeEvent,
  type PublicNoticeState,
} from '@tdkt/domain';
import { thuky } from '@tdkt/domain/testing/fixtures';
import { SqliteEventStore } from '@tdkt/event-store';
import { listOpenNotices, ProjectionRunner, type ReadModelDb } from '@tdkt/projections';
import { backends, type ReadModelBackend } from './support/read-model-backends';

/**
 * The public notice board, fed by the real runner from notice streams the real decider wrote: the
 * open notices with their items and comment counts, on SQLite and PostgreSQL.
 */
describe.each(backends)('Public notices read model on %s', (_name, createBackend) => {
  let dir: string;
  let store: SqliteEventStore;
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  let runner: ProjectionRunner;
  const states = new Map<string, PublicNoticeState>();

  async function run(noticeId: string, command: PublicNoticeCommand) {
    const before = states.get(noticeId) ?? initialNoticeState();
    const events: PublicNoticeEvent[] = publicNoticeDecider.decide(command, before);
    await store.append(
      publicNoticeStreamName(noticeId),
      events.map((e) => ({
        id: randomUUID(),
        type: e.type,
        data: e.data,
        metadata: {
          actorId: 'thuky',
          actorRole: 'COUNCIL_SECRETARY',
          occurredAt: command.now,
          correlationId: noticeId,
          schemaVersion: 1,
        },
      })),
      'any',
    );
    states.set(noticeId, events.reduce(evolveNotice, before));
  }

  const publish = (noticeId: string, now: string, nominationId: string): PublicNoticeCommand => ({
    type: 'PublishNotice',
    noticeId,
    actor: thuky,
    now,
    title: `Danh sách ${noticeId}`,
    unit: 'workingDays',
    holidays: [],
    candidates: [
      {
        nominationId,
        awardCode: 'CSTD_TINH',
        awardName: 'Chiến sĩ thi đua cấp tỉnh',
        nomineeName: 'Phạm Văn Toàn',
        nomineeKind: 'individual',
        unitId: 'donvi1',
        status: 'COUNCIL_VOTING',
        onHold: false,
        councilOpen: false,
        workingDays: 10,
      },
    ],
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-notices-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    // Monday 2 March 2026: open until 16 March (Vietnam); an older one, already ended.
    await run('open', publish('open', '2026-03-02T02:00:00.000Z', 'nom-1'));
    await run('old', publish('old', '2026-01-05T02:00:00.000Z', 'nom-2'));
    const comment = (commentId: string) => ({
      type: 'ReceiveComment' as const,
      noticeId: 'open',
      commentId,
      now: '2026-03-03T02:00:00.000Z',
      nominationId: 'nom-1',
      name: 'Trần Thị Bình',
      contact: '0912 345 678',
      text: 'Góp ý',
    });
    await run('open', comment('c-1'));
    await run('open', comment('c-2'));
    await run('open', {
      type: 'ResolveComment',
      noticeId: 'open',
      commentId: 'c-1',
      nominationId: 'nom-1',
      actor: thuky,
      now: '2026-03-04T02:00:00.000Z',
      resolution: 'DISMISSED',
      reason: 'Đã xác minh',
      nomination: { status: 'COUNCIL_VOTING', onHold: false },
    });
    backend = createBackend();
    db = await backend.open();
    runner = new ProjectionRunner(db, store, { batchSize: 2 });
    await runner.start();
    await runner.ready;
  });

  afterAll(async () => {
    await runner?.stop();
    await db?.close();
    await backend?.dispose();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the notices still open, with their items and how many comments wait for the office', async () => {
    const open = await listOpenNotices(db, '2026-03-10T02:00:00.000Z');
    expect(open).toEqual([
      {
        id: 'open',
        title: 'Danh sách open',
        publishedAt: '2026-03-02T02:00:00.000Z',
        startsAt: '2026-03-02T02:00:00.000Z',
        endsAt: '2026-03-16T17:00:00.000Z',
        workingDays: 10,
        items: [expect.objectContaining({ nominationId: 'nom-1', nomineeName: 'Phạm Văn Toàn' })],
        comments: 2,
        openComments: 1,
      },
    ]);
    // No contact on the board.
    expect(JSON.stringify(open)).not.toContain('0912');
  });

  it('an ended notice is off the board', async () => {
    expect(await listOpenNotices(db, '2026-03-16T17:00:00.000Z')).toEqual([]);
  });
});
