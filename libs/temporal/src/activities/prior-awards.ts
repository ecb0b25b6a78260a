import { SYSTEM_ACTOR, isThematicAward, type PriorAward } from '@tdkt/domain';
import { loadCampaign } from '../campaigns/campaign-streams';
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

/**
 * The nominee's award history as eligibility reads it. An award from a thematic campaign is no
 * ground for higher titles, however it was recorded (signed before the campaign's kind was known,
 * or imported): the campaign's stream says.
 */
export async function readPriorAwards(store: EventStore, nomineeId: string): Promise<PriorAward[]> {
  const awards = (await readNomineeRecord(store, nomineeId)).record.awards;
  const kinds = new Map<string, string | undefined>();
  for (const a of awards)
    if (!kinds.has(a.campaignId)) kinds.set(a.campaignId, (await loadCampaign(store, a.campaignId))?.definition.kind);
  return awards.map((a) =>
    !a.thematic && isThematicAward({}, { kind: kinds.get(a.campaignId) as never }) ? { ...a, thematic: true } : a,
  );
}
