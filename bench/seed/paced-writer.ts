/**
 * Child process of scenario 2's latency run: appends generated nomination commands to the store at a
 * steady rate, through SqliteEventStore.append (expected revision, full durability), as the worker
 * does in the embedded stack, and reports every award signature's position and append start time.
 */
import { SqliteEventStore } from '@tdkt/event-store';
import { wallMs } from '../lib/stats';
import { NominationGenerator } from './nomination-generator';

interface Start {
  type: 'start';
  file: string;
  eventsPerSecond: number;
  seconds: number;
}

process.on('message', (m: Start) => {
  if (m?.type === 'start')
    run(m).catch((error) => {
      console.error(error);
      process.exit(1);
    });
});
process.send!({ type: 'ready' });

async function run(m: Start) {
  const store = new SqliteEventStore({ filename: m.file });
  const generator = new NominationGenerator({
    expectedEvents: m.eventsPerSecond * m.seconds,
    seed: 99,
    idPrefix: 'live',
  });
  const started = wallMs();
  let written = 0;
  let appends = 0;
  while (wallMs() - started < m.seconds * 1000) {
    const due = ((wallMs() - started) / 1000) * m.eventsPerSecond;
    while (written < due) {
      const a = generator.next();
      const t0 = wallMs();
      const result = await store.append(a.stream, a.events, a.expectedRevision < 0 ? 'no_stream' : a.expectedRevision);
      written += a.events.length;
      appends++;
      if (a.events.some((e) => e.type === 'AwardDecisionSigned'))
        process.send!({ type: 'signed', position: result.position, t0 });
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await store.close();
  const seconds = (wallMs() - started) / 1000;
  process.send!({ type: 'done', events: written, appends, eventsPerSecond: written / seconds }, () => process.exit(0));
}
