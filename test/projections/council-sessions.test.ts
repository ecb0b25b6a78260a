/**
 * The council sessions read model on SQLite and PostgreSQL: each session folded by the domain's
 * evolve (agenda, attendance, after close every item's tally), in batches, exactly as the stream says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { councilSessionDecider, councilSessionStreamName, type CouncilSessionEvent } from '@tdkt/domain';
import * as f from '../../libs/domain/src/testing/fixtures';
import { SqliteEventStore } from '@tdkt/event-store';
import { getCouncilSession, listCouncilSessions, ProjectionRunner, type ReadModelDb } from '@tdkt/projections';
import { backends, type BackendFactory, type ReadModelBackend } from './support/read-model-backends';

const append = async (store: SqliteEventStore, sessionId: string, events: CouncilSessionEvent[]) => {
  const stream = councilSessionStreamName(sessionId);
  for (const e of events)
    await store.append(
      stream,
      [
        {
          id: randomUUID(),
          type: e.type,
          data: { ...e.data, sessionId },
          metadata: {
            actorId: e.data.by.userId,
            actorRole: e.data.by.role,
            occurredAt: e.data.at,
            correlationId: sessionId,
            schemaVersion: 1,
          },
        },
      ],
      'any',
    );
};

describe.each(backends)('council sessions read model on %s', (_name, createBackend: BackendFactory) => {
  let dir: string;
  let store: SqliteEventStore;
  let backend: ReadModelBackend;
  let db: ReadModelDb;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-sessions-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    backend = createBackend();
    db = await backend.open();
  });
  afterEach(async () => {
    await db.close();
    await backend.dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const catchUp = async (batchSize: number) => {
    const runner = new ProjectionRunner(db, store, { live: false, batchSize });
    await runner.start();
    await runner.ready;
    await runner.stop();
  };

  it('lists sessions and folds one through open, ballots and close, whatever the batch size', async () => {
    const A = f.openItem('A');
    const S = f.secretItem('S');
    await append(store, 's1', f.convened([A, S]));
    await append(store, 's2', f.convened([A]));
    await catchUp(1);
    expect((await listCouncilSessions(db)).map((s) => [s.id, s.status, s.items])).toEqual(
      expect.arrayContaining([
        ['s1', 'SCHEDULED', 2],
        ['s2', 'SCHEDULED', 1],
      ]),
    );
    const members = [f.hoidong2, f.hoidong3, f.hoidong4, f.hoidong5, f.chutich];
    const box = { nominationId: 'S', approve: 5, reject: 0, abstain: 0, ballotsHash: 'h' };
    const closed = councilSessionDecider.decide(
      { ...f.close([box]), sessionId: 's1' },
      [
        ...f.convened([A, S]),
        ...members.map(f.checkedIn),
        f.sessionOpened(
          members.map((m) => m.userId),
          [f.keyOf('S')],
        ),
        ...members.map((m) => f.ballotCast(m, f.allOf(['A']))),
        ...members.map((m) => f.issued(m, 'S')),
      ].reduce(councilSessionDecider.evolve, councilSessionDecider.initialState()),
    );
    await append(store, 's1', [
      ...members.map(f.checkedIn),
      f.sessionOpened(
        members.map((m) => m.userId),
        [f.keyOf('S')],
      ),
      ...members.map((m) => f.ballotCast(m, f.allOf(['A']))),
      ...members.map((m) => f.issued(m, 'S')),
      ...closed,
    ]);
    await catchUp(7);
    const s1 = await getCouncilSession(db, 's1');
    expect(s1).toMatchObject({ status: 'CLOSED', items: 2, openedAt: f.ST.opened, closedAt: f.ST.closed });
    expect(s1!.state.present).toHaveLength(5);
    expect(s1!.state.results!.map((r) => [r.nominationId, r.outcome, r.tally.approve])).toEqual([
      ['A', 'APPROVED', 5],
      ['S', 'THRESHOLD_NOT_MET', 5], // 90 % of 6 needs 6
    ]);
    expect(await getCouncilSession(db, 'nope')).toBeUndefined();
  });
});
