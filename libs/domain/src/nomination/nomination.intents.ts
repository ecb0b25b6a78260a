import type { ClusterDecision, HoldMatter, Nominee, RevocationGround, VoteChoice } from './nomination.types';
import type { NominationCommandType } from './nomination.commands';

/**
 * What a person asks for, before the system adds who they are (from the token), the time and the
 * context it loads itself (award policy, campaign, council roster, award history, decision number).
 * The HTTP edge builds intents; the workflow turns them into commands for `decide`.
 */
type I<T extends NominationCommandType, D = object> = { type: T; comment?: string } & D;

export type NominationIntent =
  | I<
      'DraftNomination',
      {
        campaignId: string;
        awardCode: string;
        nominee: Nominee;
        achievements: string;
        documents?: string[];
        oneOff?: boolean;
      }
    >
  | I<'EditNomination', { changes: { nominee?: Nominee; achievements?: string; documents?: string[] } }>
  | I<'SubmitNomination', { oneOff?: boolean }>
  | I<'ResubmitNomination', { oneOff?: boolean }>
  | I<'ReviewAtCluster', { decision: ClusterDecision }>
  | I<'OpenCouncilVoting'>
  | I<'CastCouncilVote', { choice: VoteChoice; inWriting?: boolean }>
  | I<'RecuseFromCouncil'>
  | I<'CloseCouncilVoting'>
  | I<'SignAwardDecision'>
  | I<'DeclineSignature'>
  | I<'PutOnHold', { matter: HoldMatter }>
  | I<'ReleaseFromHold'>
  | I<'WithdrawNomination'>
  | I<'RevokeAward', { ground: RevocationGround }>
  | I<'ForwardToCentral', { submissionNumber: string; submissionDate: string }>
  | I<
      'RecordCentralDecision',
      { approved: boolean; decisionNumber?: string; decisionDate?: string; authority?: string; reason?: string }
    >;

export type NominationIntentType = NominationIntent['type'];

/** Every intent type at run time (a completeness check of the intent table); the compiler keeps it whole. */
const INTENT_TYPES: { [T in NominationIntentType]: true } = {
  DraftNomination: true,
  EditNomination: true,
  SubmitNomination: true,
  ResubmitNomination: true,
  ReviewAtCluster: true,
  OpenCouncilVoting: true,
  CastCouncilVote: true,
  RecuseFromCouncil: true,
  CloseCouncilVoting: true,
  SignAwardDecision: true,
  DeclineSignature: true,
  PutOnHold: true,
  ReleaseFromHold: true,
  WithdrawNomination: true,
  RevokeAward: true,
  ForwardToCentral: true,
  RecordCentralDecision: true,
};
export const NOMINATION_INTENT_TYPES = Object.keys(INTENT_TYPES) as NominationIntentType[];
