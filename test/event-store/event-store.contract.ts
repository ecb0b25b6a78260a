import { randomUUID } from 'node:crypto';
import {
  auditLogOf,
  CheckpointSigner,
  Checkpointer,
  ConcurrencyError,
  eventLeafHash,
  LEAF_SALT_BYTES,
  leafHashOf,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyInclusion,
  type AuditLog,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
  type Subscription,
} from '@tdkt/event-store';

/** A backing shared by every store it opens: one SQLite file, or one EventStoreDB server. */
export interface EventStoreFixture {
  /** A new store instance on the same backing, as another process would open it. */
  open(): EventStore;
  /** Removes what the fixture created (temp files). */
  dispose?(): Promise<void> | void;
  /** The audit log over a store (default: `auditLogOf`, the adapter's own choice). */
  auditLog?(store: EventStore): AuditLog;
}

/**
 * The behaviour every adapter of the EventStore port must show. Tests only look at streams named
 * with a per-test tag and read $all from the head they found, so a shared server does not disturb them.
 */
export function runEventStoreContract(name: string, createFixture: () => EventStoreFixture): void {
  describe(`${name} — event store contract`, () => {
    let fixture: EventStoreFixture;
    let opened: EventStore[];
    let subscriptions: Subscription[];
    let tag: string;

    const open = (): EventStore => {
      const store = fixture.open();
      opened.push(store);
      return store;
    };
    const stream = (name: string) => `${name}-${tag}`;
    const subscribe = (store: EventStore, options: Parameters<EventStore['subscribeToAll']>[0]) => {
      const subscription = store.subscribeToAll(options);
      subscriptions.push(subscription);
      return subscription;
    };

    beforeEach(() => {
      fixture = createFixture();
      opened = [];
      subscriptions = [];
      tag = randomUUID().slice(0, 8);
    });

    afterEach(async () => {
      for (const subscription of subscriptions) await subscription.close();
      for (const store of opened) await store.close();
      await fixture.dispose?.();
    });

    describe('append and optimistic concurrency', () => {
      it('appends to a new stream with no_stream: revisions from 0, increasing positions', async () => {
        const store = open();
        const result = await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');

        expect(result.idempotent).toBe(false);
        expect(result.nextExpectedRevision).toBe(1);
        expect(result.positions).toHaveLength(2);
        expect(result.positions[1]).toBeGreaterThan(result.positions[0]);
        expect(result.position).toBe(result.positions[1]);
        const events = await store.readStream(stream('nomination'));
        expect(events.map((e) => e.revision)).toEqual([0, 1]);
        expect(events.map((e) => e.position)).toEqual(result.positions);
        expect(await store.streamRevision(stream('nomination'))).toBe(1);
      });

      it('rejects a second no_stream append with ConcurrencyError and appends nothing', async () => {
        const store = open();
        await store.append(stream('nomination'), [drafted(1)], 'no_stream');

        const error = await store.append(stream('nomination'), [drafted(2)], 'no_stream').catch((e: unknown) => e);

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ stream: stream('nomination'), expected: 'no_stream', actual: 0 });
        expect(await store.readStream(stream('nomination'))).toHaveLength(1);
      });

      it('accepts the exact expected revision', async () => {
        const store = open();
        await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');

        const result = await store.append(stream('nomination'), [endorsed(3)], 1);

        expect(result.nextExpectedRevision).toBe(2);
        expect(await store.streamRevision(stream('nomination'))).toBe(2);
      });

      it('rejects a stale expected revision with ConcurrencyError and appends nothing', async () => {
        const store = open();
        await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');

        await expect(store.append(stream('nomination'), [endorsed(3)], 0)).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append(stream('nomination'), [endorsed(4)], 5)).rejects.toBeInstanceOf(ConcurrencyError);

        expect((await store.readStream(stream('nomination'))).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
      });

      it('rejects stream_exists on a missing stream and accepts it on an existing one', async () => {
        const store = open();

        await expect(store.append(stream('nomination'), [drafted(1)], 'stream_exists')).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
        expect(await store.streamRevision(stream('nomination'))).toBe(-1);

        await store.append(stream('nomination'), [drafted(1)], 'no_stream');
        const result = await store.append(stream('nomination'), [submitted(2)], 'stream_exists');
        expect(result.nextExpectedRevision).toBe(1);
      });

      it('appends with any whether or not the stream exists', async () => {
        const store = open();

        await store.append(stream('nomination'), [drafted(1)], 'any');
        const result = await store.append(stream('nomination'), [submitted(2)], 'any');

        expect(result.nextExpectedRevision).toBe(1);
        expect(await store.readStream(stream('nomination'))).toHaveLength(2);
      });
    });

    describe('idempotent appends by event id', () => {
      it('treats a re-append of the same ids as a no-op that returns the original positions', async () => {
        const store = open();
        const events = [drafted(1), submitted(2)];
        const original = await store.append(stream('nomination'), events, 'no_stream');

        const retry = await store.append(stream('nomination'), events, 'no_stream');

        expect(retry).toEqual({ ...original, idempotent: true });
        expect(await store.readStream(stream('nomination'))).toHaveLength(2);
      });

      it('answers a retry with the original result even when its expected revision is now stale', async () => {
        const store = open();
        const first = [drafted(1)];
        const original = await store.append(stream('nomination'), first, 'no_stream');
        await store.append(stream('nomination'), [submitted(2), endorsed(3)], 0);

        for (const expected of ['no_stream', 0, 2, 'any', 'stream_exists'] as ExpectedRevision[]) {
          await expect(store.append(stream('nomination'), first, expected)).resolves.toEqual({
            ...original,
            idempotent: true,
          });
        }
        const middle = (await store.readStream(stream('nomination'))).slice(1);
        const retryOfMiddle = await store.append(stream('nomination'), middle.map(toAppend), 'no_stream');
        expect(retryOfMiddle).toMatchObject({
          nextExpectedRevision: 2,
          positions: middle.map((e) => e.position),
          idempotent: true,
        });
        expect(await store.readStream(stream('nomination'))).toHaveLength(3);
      });

      it('rejects a partial duplicate with ConcurrencyError and appends nothing', async () => {
        const store = open();
        const stored = [drafted(1), submitted(2)];
        await store.append(stream('nomination'), stored, 'no_stream');

        await expect(store.append(stream('nomination'), [stored[1], endorsed(3)], 1)).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
        await expect(store.append(stream('nomination'), [stored[1], stored[0]], 'any')).rejects.toBeInstanceOf(
          ConcurrencyError,
        );

        expect(await store.readStream(stream('nomination'))).toHaveLength(2);
      });
    });

    describe('reading', () => {
      it('returns an empty array and revision -1 for a stream that does not exist', async () => {
        const store = open();

        expect(await store.readStream(stream('nothing'))).toEqual([]);
        expect(await store.streamRevision(stream('nothing'))).toBe(-1);
      });

      it('reads a stream in revision order, from a revision, up to maxCount', async () => {
        const store = open();
        await store.append(stream('nomination'), [1, 2, 3, 4, 5].map(drafted), 'no_stream');

        expect((await store.readStream(stream('nomination'))).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expect((await store.readStream(stream('nomination'), { fromRevision: 2 })).map((e) => e.revision)).toEqual([
          2, 3, 4,
        ]);
        expect(
          (await store.readStream(stream('nomination'), { fromRevision: 1, maxCount: 2 })).map((e) => e.revision),
        ).toEqual([1, 2]);
        expect(await store.readStream(stream('nomination'), { fromRevision: 9 })).toEqual([]);
      });

      it('keeps the envelope: id, type, stream, data, metadata and the time it was recorded', async () => {
        const store = open();
        const event = { ...drafted(1), data: { nominee: 'Nguyễn Văn A', award: 'CSTD_CO_SO', years: [2023, 2024] } };

        await store.append(stream('nomination'), [event], 'no_stream');

        const [recorded] = await store.readStream(stream('nomination'));
        expect(recorded).toMatchObject({ id: event.id, type: event.type, stream: stream('nomination'), revision: 0 });
        expect(recorded.data).toEqual(event.data);
        expect(recorded.metadata).toEqual(event.metadata);
        expect(Number.isNaN(Date.parse(recorded.recordedAt))).toBe(false);
      });

      it('reads all streams in global order, after an exclusive fromPosition, up to maxCount', async () => {
        const store = open();
        const before = await store.headPosition();
        const a = await store.append(stream('nomination-a'), [drafted(1)], 'no_stream');
        const b = await store.append(stream('nomination-b'), [drafted(2), submitted(3)], 'no_stream');
        await store.append(stream('nomination-a'), [submitted(4)], 0);
        const ours = { streamPrefixes: [`nomination-a-${tag}`, `nomination-b-${tag}`] };

        const all = await store.readAll({ fromPosition: before, ...ours });
        expect(all.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
        expect(all.map((e) => e.stream)).toEqual([
          stream('nomination-a'),
          stream('nomination-b'),
          stream('nomination-b'),
          stream('nomination-a'),
        ]);
        expectIncreasing(all.map((e) => e.position));

        const afterA = await store.readAll({ fromPosition: a.position, ...ours });
        expect(afterA.map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
        const firstOfB = await store.readAll({ fromPosition: b.positions[0], maxCount: 1, ...ours });
        expect(firstOfB.map((e) => e.data)).toEqual([{ n: 3 }]);
      });

      it('filters reads of all streams by event type prefix and by stream prefix', async () => {
        const store = open();
        const before = await store.headPosition();
        await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');
        await store.append(stream('council'), [event('CouncilVoteCast', 3)], 'no_stream');
        await store.append(
          stream('registry'),
          [event('AwardRegistered', 4), event('NominationIndexed', 5)],
          'no_stream',
        );
        const isOurs = (e: RecordedEvent) => e.stream.endsWith(tag);

        const nominationEvents = await store.readAll({ fromPosition: before, eventTypePrefixes: ['Nomination'] });
        expect(nominationEvents.every((e) => e.type.startsWith('Nomination'))).toBe(true);
        expect(nominationEvents.filter(isOurs).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 5 }]);

        const votesOrAwards = await store.readAll({
          fromPosition: before,
          eventTypePrefixes: ['CouncilVote', 'AwardReg'],
        });
        expect(votesOrAwards.filter(isOurs).map((e) => e.data)).toEqual([{ n: 3 }, { n: 4 }]);

        const registry = await store.readAll({ fromPosition: before, streamPrefixes: [stream('registry')] });
        expect(registry.map((e) => e.data)).toEqual([{ n: 4 }, { n: 5 }]);

        const both = await store.readAll({
          fromPosition: before,
          streamPrefixes: [stream('registry'), stream('nomination')],
          eventTypePrefixes: ['NominationIndexed', 'NominationSubmitted'],
        });
        expect(both.map((e) => e.data)).toEqual([{ n: 2 }, { n: 5 }]);
      });

      it('moves the head position to the last appended event', async () => {
        const store = open();
        const before = await store.headPosition();

        const result = await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');

        expect(before).toBeLessThan(result.position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });
    });

    describe('subscriptions to all streams', () => {
      it('delivers catch-up then live events in order, one at a time, calling onCaughtUp once', async () => {
        const store = open();
        const before = await store.headPosition();
        await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');
        await store.append(stream('council'), [event('CouncilVoteCast', 3)], 'no_stream');
        const log: string[] = [];
        const positions: number[] = [];
        let running = 0;
        let mostAtOnce = 0;

        subscribe(store, {
          fromPosition: before,
          streamPrefixes: [stream('nomination'), stream('council')],
          onEvent: async (e) => {
            running += 1;
            mostAtOnce = Math.max(mostAtOnce, running);
            await sleep(5);
            log.push(`event ${(e.data as { n: number }).n}`);
            positions.push(e.position);
            running -= 1;
          },
          onCaughtUp: () => log.push('caught up'),
        });
        await waitFor(() => log.includes('caught up'));
        await store.append(stream('nomination'), [endorsed(4)], 1);
        await store.append(stream('council'), [event('CouncilVoteCast', 5)], 0);
        await waitFor(() => log.length === 6);
        await sleep(100);

        expect(log).toEqual(['event 1', 'event 2', 'event 3', 'caught up', 'event 4', 'event 5']);
        expectIncreasing(positions);
        expect(mostAtOnce).toBe(1);
      });

      it('from a middle position delivers only the later events', async () => {
        const store = open();
        const appended = await store.append(stream('nomination'), [1, 2, 3].map(drafted), 'no_stream');
        const seen: unknown[] = [];

        subscribe(store, {
          fromPosition: appended.positions[1],
          streamPrefixes: [stream('nomination')],
          onEvent: (e) => void seen.push(e.data),
        });
        await store.append(stream('nomination'), [drafted(4)], 2);
        await waitFor(() => seen.length === 2);
        await sleep(100);

        expect(seen).toEqual([{ n: 3 }, { n: 4 }]);
      });

      it('delivers only events matching the type and stream prefixes', async () => {
        const store = open();
        const before = await store.headPosition();
        const seen: unknown[] = [];
        subscribe(store, {
          fromPosition: before,
          eventTypePrefixes: ['NominationSub', 'CouncilVote'],
          streamPrefixes: [stream('nomination'), stream('council')],
          onEvent: (e) => void seen.push(e.data),
        });

        await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');
        await store.append(stream('council'), [event('CouncilVoteCast', 3)], 'no_stream');
        await store.append(stream('other'), [submitted(4)], 'no_stream');
        await waitFor(() => seen.length === 2);
        await sleep(150);

        expect(seen).toEqual([{ n: 2 }, { n: 3 }]);
      });

      it('reports checkpoints past filtered-out events, never ahead of an event not yet delivered', async () => {
        const store = open();
        const before = await store.headPosition();
        const seen: { kind: 'event' | 'checkpoint'; position: number }[] = [];
        subscribe(store, {
          fromPosition: before,
          streamPrefixes: [stream('nomination')],
          onEvent: async (e) => {
            await sleep(2);
            seen.push({ kind: 'event', position: e.position });
          },
          onCheckpoint: (position) => void seen.push({ kind: 'checkpoint', position }),
        });
        const others = (from: number) => Array.from({ length: 100 }, (_, i) => event('NominationIndexed', from + i));

        await store.append(stream('nomination'), [drafted(1)], 'no_stream');
        await store.append(stream('other'), others(100), 'no_stream');
        const second = await store.append(stream('nomination'), [submitted(2)], 0);
        await store.append(stream('other'), others(200), 99);
        await waitFor(() => seen.some((s) => s.kind === 'checkpoint' && s.position > second.position), 10_000);

        expect(seen.filter((s) => s.kind === 'event')).toHaveLength(2);
        expectIncreasing(seen.map((s) => s.position));
      });

      it('close() waits for the running handler and stops delivery', async () => {
        const store = open();
        const before = await store.headPosition();
        const started: number[] = [];
        let finished = 0;
        const subscription = subscribe(store, {
          fromPosition: before,
          streamPrefixes: [stream('nomination')],
          onEvent: async (e) => {
            started.push((e.data as { n: number }).n);
            await sleep(150);
            finished += 1;
          },
        });
        await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');
        await waitFor(() => started.length === 1);

        await subscription.close();

        expect(finished).toBe(1);
        await store.append(stream('nomination'), [endorsed(3)], 1);
        await sleep(200);
        expect(started).toEqual([1]);
      });

      it('stops at a failing handler and reports it through onError, never skipping the event', async () => {
        const store = open();
        const before = await store.headPosition();
        const handled: number[] = [];
        const errors: Error[] = [];
        subscribe(store, {
          fromPosition: before,
          streamPrefixes: [stream('nomination')],
          onEvent: (e) => {
            const n = (e.data as { n: number }).n;
            handled.push(n);
            if (n === 2) throw new Error('projection failed on event 2');
          },
          onError: (error) => errors.push(error),
        });

        await store.append(stream('nomination'), [drafted(1), submitted(2), endorsed(3)], 'no_stream');
        await waitFor(() => errors.length === 1);
        await store.append(stream('nomination'), [endorsed(4)], 2);
        await sleep(150);

        expect(errors.map((e) => e.message)).toEqual(['projection failed on event 2']);
        expect(handled).toEqual([1, 2]);
      });
    });

    describe('durability and volume', () => {
      it('loses nothing when a new instance opens the same store after close', async () => {
        const first = open();
        const appended = await first.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');
        await first.close();

        const second = open();
        const events = await second.readStream(stream('nomination'));
        expect(events.map((e) => e.position)).toEqual(appended.positions);
        expect(await second.streamRevision(stream('nomination'))).toBe(1);
        await expect(second.append(stream('nomination'), [endorsed(3)], 1)).resolves.toMatchObject({
          nextExpectedRevision: 2,
        });
      });

      it('appends 5,000 events in batches of 100 and reads them back in order', async () => {
        const store = open();
        const ids: string[] = [];
        for (let batch = 0; batch < 50; batch++) {
          const events = Array.from({ length: 100 }, (_, i) => drafted(batch * 100 + i));
          ids.push(...events.map((e) => e.id));
          await store.append(stream('bulk'), events, batch === 0 ? 'no_stream' : batch * 100 - 1);
        }

        const events = await store.readStream(stream('bulk'));
        expect(events.map((e) => e.id)).toEqual(ids);
        expect(events.map((e) => e.revision)).toEqual(ids.map((_, i) => i));
        expectIncreasing(events.map((e) => e.position));
        const all = await store.readAll({ fromPosition: events[0].position - 1, streamPrefixes: [stream('bulk')] });
        expect(all.map((e) => e.id)).toEqual(ids);
      }, 120_000);

      it('ends concurrent writers with optimistic retries in a gap-free revision sequence', async () => {
        const store = open();
        const writers = 8;
        const eventsPerWriter = 10;
        let conflicts = 0;

        const writer = async (w: number) => {
          for (let i = 0; i < eventsPerWriter; i++) {
            const vote = event('CouncilVoteCast', w * 100 + i);
            for (;;) {
              const revision = await store.streamRevision(stream('council'));
              try {
                await store.append(stream('council'), [vote], revision === -1 ? 'no_stream' : revision);
                break;
              } catch (error) {
                if (!(error instanceof ConcurrencyError)) throw error;
                conflicts += 1;
              }
            }
          }
        };
        await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));

        const events = await store.readStream(stream('council'));
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: writers * eventsPerWriter }, (_, i) => i));
        expect(new Set(events.map((e) => (e.data as { n: number }).n)).size).toBe(writers * eventsPerWriter);
        expect(conflicts).toBeGreaterThan(0);
      }, 120_000);
    });

    describe('tamper-evident audit log (RFC 9162)', () => {
      const logOf = (store: EventStore) => (fixture.auditLog ?? auditLogOf)(store);

      it('makes every appended event a leaf, in global order, whose inclusion proof verifies against the root', async () => {
        const store = open();
        const log = logOf(store);
        const before = await log.size();
        await store.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');
        await store.append(stream('other'), [drafted(3)], 'no_stream');

        const size = await log.size();
        expect(size).toBeGreaterThanOrEqual(before + 3);
        const root = await log.root(size);
        const stored = [
          ...(await store.readStream(stream('nomination'))),
          ...(await store.readStream(stream('other'))),
        ];
        const indexes: number[] = [];
        for (const event of stored) {
          const logged = await log.findEvent(event.id);
          expect(logged?.event).toMatchObject({ id: event.id, stream: event.stream, position: event.position });
          const leaf = await log.leafHash(logged!.index);
          // A salted (v2) leaf: recomputable with the salt the log keeps, not from the event alone.
          expect(logged!.salt).toHaveLength(LEAF_SALT_BYTES);
          expect(leaf).toEqual(leafHashOf(event, logged!.salt));
          expect(leaf).not.toEqual(eventLeafHash(event));
          expect((await log.readLeaves(logged!.index, 1))[0].salt).toEqual(logged!.salt);
          expect(verifyInclusion(leaf, logged!.index, size, await log.inclusionProof(logged!.index, size), root)).toBe(
            true,
          );
          indexes.push(logged!.index);
        }
        expectIncreasing(indexes);
      });

      it('signs checkpoints that the public key verifies and that are consistent with each other', async () => {
        const store = open();
        const log = logOf(store);
        const checkpointer = new Checkpointer(log, CheckpointSigner.generate());
        await store.append(stream('nomination'), [drafted(1)], 'no_stream');
        const first = (await checkpointer.issue())!;
        await store.append(stream('nomination'), [submitted(2), endorsed(3)], 0);
        const second = (await checkpointer.issue())!;

        expect(second.treeSize).toBeGreaterThanOrEqual(first.treeSize + 2);
        for (const c of [first, second]) {
          expect(verifyCheckpointSignature(c, checkpointer.signer.publicKey)).toBe(true);
          expect(c.rootHash).toBe((await log.root(c.treeSize)).toString('hex'));
        }
        const proof = await log.consistencyProof(first.treeSize, second.treeSize);
        const hash = (hex: string) => Buffer.from(hex, 'hex');
        expect(
          verifyConsistency(first.treeSize, second.treeSize, proof, hash(first.rootHash), hash(second.rootHash)),
        ).toBe(true);
        expect((await log.checkpoints({ fromSize: first.treeSize })).map((c) => c.treeSize)).toEqual(
          expect.arrayContaining([first.treeSize, second.treeSize]),
        );
        expect(verifyCheckpointSignature(second, CheckpointSigner.generate().publicKey)).toBe(false);
      });

      it('shows another process the same log: same leaves, same root', async () => {
        const [a, b] = [open(), open()];
        await a.append(stream('nomination'), [drafted(1), submitted(2)], 'no_stream');
        const size = await logOf(a).size();
        expect(await logOf(b).size()).toBeGreaterThanOrEqual(size);
        expect(await logOf(b).root(size)).toEqual(await logOf(a).root(size));
      });
    });
  });
}

function event(type: string, n: number): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data: { n },
    metadata: {
      actorId: 'officer-1',
      actorRole: 'UNIT_OFFICER',
      actorUnitId: 'unit-1',
      occurredAt: '2025-01-15T08:00:00.000Z',
      correlationId: 'correlation-1',
      schemaVersion: 1,
    },
  };
}

const drafted = (n: number) => event('NominationDrafted', n);
const submitted = (n: number) => event('NominationSubmitted', n);
const endorsed = (n: number) => event('NominationEndorsed', n);

function toAppend(e: RecordedEvent): EventToAppend {
  return { id: e.id, type: e.type, data: e.data, metadata: e.metadata };
}

function expectIncreasing(values: number[]): void {
  values.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(values[i]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}
