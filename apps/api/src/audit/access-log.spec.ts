import { SqliteEventStore, type AppendResult, type EventToAppend, type ExpectedRevision } from '@tdkt/event-store';
import { ACCESS_LOG_STREAM, type PersonalDataReadData } from '@tdkt/projections';
import type { ApiRuntime } from '../api-runtime';
import { AccessLogRecorder } from './access-log';

/** The real embedded store, counting its appends. */
class CountingStore extends SqliteEventStore {
  appends = 0;
  override append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.appends++;
    return super.append(stream, events, expected);
  }
}

const read = (n: number): PersonalDataReadData => ({
  resource: 'nomination',
  nominationId: `n-${n}`,
  fields: ['nominee.nomineeId'],
  route: `GET /api/nominations/n-${n}`,
  address: '127.0.0.1',
  actor: { userId: 'thanhtra', roles: ['AUDITOR'] },
  at: new Date().toISOString(),
});

let store: CountingStore;
let recorder: AccessLogRecorder;

beforeEach(() => {
  store = new CountingStore({ filename: ':memory:' });
  recorder = new AccessLogRecorder({ store } as unknown as ApiRuntime);
});
afterEach(() => store.close());

describe('AccessLogRecorder', () => {
  it('records the reads of one turn of the event loop in one append (one disk sync), each answered once stored', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => recorder.record(read(i))));
    expect(store.appends).toBe(1);
    const stored = await store.readStream(ACCESS_LOG_STREAM);
    expect(stored.map((e) => (e.data as PersonalDataReadData).nominationId)).toEqual(
      Array.from({ length: 12 }, (_, i) => `n-${i}`),
    );
  });

  it('a read arriving while an append runs goes into the next one, and is not left waiting', async () => {
    const first = recorder.record(read(1));
    const later = new Promise<void>((resolve, reject) =>
      setImmediate(() => void recorder.record(read(2)).then(resolve, reject)),
    );
    await Promise.all([first, later]);
    expect(await store.readStream(ACCESS_LOG_STREAM)).toHaveLength(2);
  });
});
