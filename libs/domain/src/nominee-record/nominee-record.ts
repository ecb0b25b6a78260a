import { conflict } from '../shared/errors';
import type { PriorAward, RevocationGround } from '../nomination/nomination.types';

/**
 * A nominee's award history (one stream per nominee). It is what eligibility reads, and appending
 * to it with the expected revision is what enforces "one achievement, one award" across nominations.
 */
export type NomineeRecordCommand =
  | { type: 'RecordAward'; nomineeId: string; award: PriorAward; now: string; source: 'SIGNED' | 'IMPORTED' }
  | { type: 'RecordRevocation'; nomineeId: string; nominationId: string; ground: RevocationGround; now: string };

export type NomineeRecordEvent =
  | {
      type: 'NomineeAwardRecorded';
      data: { nomineeId: string; award: PriorAward; source: 'SIGNED' | 'IMPORTED'; at: string };
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
    const dup = state.awards.find(
      (a) => a.awardCode === award.awardCode && a.campaignId === award.campaignId && !a.revoked,
    );
    if (dup)
      throw conflict(
        'ONE_ACHIEVEMENT_ONE_AWARD',
        `Đã được tặng ${award.awardCode} trong đợt ${award.campaignId}${dup.decisionNumber ? ` (QĐ ${dup.decisionNumber})` : ''}`,
      );
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
