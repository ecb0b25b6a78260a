import type { OneAwardPolicy } from '../catalog/award-catalog';
import { duplicateAwardMessage, findDuplicateAward } from '../eligibility/one-award';
import { conflict } from '../shared/errors';
import type { PriorAward, RevocationGround } from '../nomination/nomination.types';

/**
 * Where an entry of the history comes from: signed in this system, imported (the organisation file,
 * an .xlsx list), or recorded by the unit head (the unit's own awards, awards from elsewhere).
 */
export type AwardRecordSource = 'SIGNED' | 'IMPORTED' | 'RECORDED';

/**
 * A nominee's award history (one stream per nominee). It is what eligibility reads, and appending
 * to it with the expected revision is what enforces "one achievement, one award" across nominations.
 */
export type NomineeRecordCommand =
  | {
      type: 'RecordAward';
      nomineeId: string;
      award: PriorAward;
      now: string;
      source: AwardRecordSource;
      /** Kinds and exceptions of "one achievement, one award" (award catalog); absent: each award its own kind. */
      oneAward?: OneAwardPolicy;
    }
  | { type: 'RecordRevocation'; nomineeId: string; nominationId: string; ground: RevocationGround; now: string };

export type NomineeRecordEvent =
  | {
      type: 'NomineeAwardRecorded';
      data: { nomineeId: string; award: PriorAward; source: AwardRecordSource; at: string };
    }
  | {
      type: 'NomineeAwardRevoked';
      data: { nomineeId: string; nominationId: string; ground: RevocationGround; at: string };
    };

export interface NomineeRecord {
  awards: PriorAward[];
}

export const nomineeStreamName = (nomineeId: string) => `nominee-${nomineeId}`;
export const initialNomineeRecord = (): NomineeRecord => ({ awards: [] });

export function evolveNomineeRecord(state: NomineeRecord, event: NomineeRecordEvent): NomineeRecord {
  switch (event.type) {
    case 'NomineeAwardRecorded':
      return { awards: [...state.awards, event.data.award] };
    case 'NomineeAwardRevoked':
      return {
        awards: state.awards.map((a) => (a.nominationId === event.data.nominationId ? { ...a, revoked: true } : a)),
      };
  }
}

export function decideNomineeRecord(command: NomineeRecordCommand, state: NomineeRecord): NomineeRecordEvent[] {
  if (command.type === 'RecordAward') {
    const { award } = command;
    if (state.awards.some((a) => a.nominationId === award.nominationId)) return []; // a retry: already recorded
    const candidate = {
      awardCode: award.awardCode,
      year: award.year,
      recordId: award.nominationId,
      oneOff: award.oneOff,
      ...(award.thematic ? { thematic: true } : {}),
    };
    const dup = findDuplicateAward(state.awards, candidate, command.oneAward);
    if (dup) throw conflict('ONE_ACHIEVEMENT_ONE_AWARD', duplicateAwardMessage(dup, candidate, command.oneAward));
    return [
      {
        type: 'NomineeAwardRecorded',
        data: { nomineeId: command.nomineeId, award, source: command.source, at: command.now },
      },
    ];
  }
  const held = state.awards.find((a) => a.nominationId === command.nominationId);
  if (!held || held.revoked) return [];
  return [
    {
      type: 'NomineeAwardRevoked',
      data: {
        nomineeId: command.nomineeId,
        nominationId: command.nominationId,
        ground: command.ground,
        at: command.now,
      },
    },
  ];
}
