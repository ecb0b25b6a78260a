import { SYSTEM_ACTOR } from '@tdkt/domain';
import type { ImportedAward } from '@tdkt/config';
import type { EventStore } from '@tdkt/event-store';
import { readNomineeRecord, recordNomineeAward } from './records';

/**
 * Seeds nominee records with awards held before this system (the organisation file's
 * `priorAwards`): what eligibility reads. Idempotent: an award already recorded for the same
 * nomination id is skipped, and event ids are deterministic. Returns how many were recorded now.
 */
export async function importPriorAwards(
  store: EventStore,
  priorAwards: ImportedAward[],
  now = new Date().toISOString(),
): Promise<number> {
  let recorded = 0;
  for (const { nomineeId, ...award } of priorAwards) {
    const before = await readNomineeRecord(store, nomineeId);
    if (before.record.awards.some((a) => a.nominationId === award.nominationId)) continue;
    await recordNomineeAward(store, {
      nomineeId,
      award,
      now,
      source: 'IMPORTED',
      actor: SYSTEM_ACTOR,
      causationId: `import:${award.nominationId}`,
    });
    recorded++;
  }
  return recorded;
}
