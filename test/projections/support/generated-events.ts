import type { EventStore } from '@tdkt/event-store';
import type { NominationGenerator } from '../../../bench/seed/nomination-generator';

/** Appends the bench generator's next `n` events (whole appends: it may overshoot by one append's events). */
export async function appendGenerated(store: EventStore, generator: NominationGenerator, n: number): Promise<void> {
  const until = generator.stats.events + n;
  while (generator.stats.events < until) {
    const a = generator.next();
    await store.append(a.stream, a.events, a.expectedRevision < 0 ? 'no_stream' : a.expectedRevision);
  }
}
