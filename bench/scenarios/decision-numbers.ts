/**
 * Diagnostic of scenario 3: the cost of allocating one decision number (what every signature does,
 * libs/temporal/src/activities/records.ts) as a function of how many numbers the authority has
 * already issued that year. A province signs about 13,000 awards a year, mostly at year end.
 */
import { join } from 'node:path';
import { decisionNumberStreamName, formatDecisionNumber } from '@tdkt/domain';
import { deterministicEventId, SqliteEventStore, type EventToAppend } from '@tdkt/event-store';
import { allocateDecisionNumber } from '@tdkt/temporal';
import { scratchDir } from '../lib/paths';
import { median, now } from '../lib/stats';

const AT = '2026-11-23T03:00:00.000Z';
const actor = { userId: 'chutich', roles: ['CHAIRMAN' as const] };

export async function allocationCost(
  issued: number,
  samples = 3,
): Promise<{ issued: number; msPerAllocation: number; samples: number[] }> {
  const scratch = scratchDir('decision-numbers');
  const store = new SqliteEventStore({ filename: join(scratch.dir, 'events.sqlite') });
  const stream = decisionNumberStreamName('UBND', 2026);
  try {
    // The sequence as earlier signatures left it (same events, ids and metadata as the activity writes).
    for (let from = 0; from < issued; from += 500) {
      const events: EventToAppend[] = [];
      for (let i = from; i < Math.min(issued, from + 500); i++) {
        const nominationId = `earlier-${i}`;
        events.push({
          id: deterministicEventId(stream, nominationId),
          type: 'DecisionNumberAllocated',
          data: {
            authority: 'UBND',
            year: 2026,
            sequence: i + 1,
            decisionNumber: formatDecisionNumber(i + 1, 'UBND'),
            nominationId,
            at: AT,
          },
          metadata: {
            actorId: 'chutich',
            actorRole: 'CHAIRMAN',
            occurredAt: AT,
            correlationId: nominationId,
            causationId: `c-${i}`,
            schemaVersion: 1,
          },
        });
      }
      await store.append(stream, events, from === 0 ? 'no_stream' : from - 1);
    }
    const times: number[] = [];
    for (let k = 0; k < samples; k++) {
      const t0 = now();
      await allocateDecisionNumber(store, {
        authority: 'UBND',
        nominationId: `new-${k}`,
        now: AT,
        actor,
        commandId: `new-${k}`,
      });
      times.push(now() - t0);
    }
    return { issued, msPerAllocation: median(times), samples: times };
  } finally {
    await store.close();
    scratch.remove();
  }
}
