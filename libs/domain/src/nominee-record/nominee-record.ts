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
  | { type: 'RecordRevocation'; nomineeId: string; nominationId: string; ground: RevocationGround; now: string }
  /** A nomination drafted for this nominee (the award it proposes, the year): "one achievement, one award" sees it. */
  | { type: 'RecordNomination'; nomineeId: string; nomination: PriorAward; now: string };

export type NomineeRecordEvent =
  | {
      type: 'NomineeAwardRecorded';
      data: { nomineeId: string; award: PriorAward; source: AwardRecordSource; at: string };
    }
  | {
      type: 'NomineeAwardRevoked';
      data: { nomineeId: string; nominationId: string; ground: RevocationGround; at: string };
    }
  | { type: 'NomineeNominated'; data: { nomineeId: string; nomination: PriorAward; at: string } };

export interface NomineeRecord {
  awards: PriorAward[];
  /**
   * Nominations drafted for this nominee, whatever became of them since: the reader keeps those
   * still in progress (their own streams say so) when checking a new draft or a submission.
   */
  nominations?: PriorAward[];
}

export const nomineeStreamName = (nomineeId: string) => `nominee-${nomineeId}`;
/**
 * The nominations drafted for a nominee, on a stream of their own beside the award history (the
 * history stays awards only): what "one achievement, one award" reads before any signature.
 */
export const nomineeNominationsStreamName = (nomineeId: string) => `nominations-of-${nomineeId}`;
export const initialNomineeRecord = (): NomineeRecord => ({ awards: [] });

export function evolveNomineeRecord(state: NomineeRecord, event: NomineeRecordEvent): NomineeRecord {
  switch (event.type) {
    case 'NomineeAwardRecorded':
      return { ...state, awards: [...state.awards, event.data.award] };
    case 'NomineeNominated':
      return { ...state, nominations: [...(state.nominations ?? []), event.data.nomination] };
    case 'NomineeAwardRevoked':
      return {
        ...state,
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
  if (command.type === 'RecordNomination') {
    if (state.nominations?.some((n) => n.nominationId === command.nomination.nominationId)) return [];
    return [
      {
        type: 'NomineeNominated',
        data: { nomineeId: command.nomineeId, nomination: command.nomination, at: command.now },
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
