/**
 * Message definitions of the nomination workflow: one Update per human intent, one Query.
 * Imported by the workflow and by the client gateway (defining them runs no workflow code).
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { NominationIntent } from '../../libs/domain/src/nomination/nomination.intents';
import type { CommandEnvelope, CommandOutcome, NominationView } from '../../libs/temporal/src/contracts';

type Of<T extends NominationIntent['type']> = CommandEnvelope<Extract<NominationIntent, { type: T }>>;
const update = <T extends NominationIntent['type']>(name: string) => defineUpdate<CommandOutcome, [Of<T>]>(name);

export const draftUpdate = update<'DraftNomination'>('draft');
export const editUpdate = update<'EditNomination'>('edit');
export const submitUpdate = update<'SubmitNomination'>('submit');
export const resubmitUpdate = update<'ResubmitNomination'>('resubmit');
export const clusterReviewUpdate = update<'ReviewAtCluster'>('clusterReview');
export const openVotingUpdate = update<'OpenCouncilVoting'>('openVoting');
export const castVoteUpdate = update<'CastCouncilVote'>('castVote');
export const recuseUpdate = update<'RecuseFromCouncil'>('recuse');
export const closeVotingUpdate = update<'CloseCouncilVoting'>('closeVoting');
export const signUpdate = update<'SignAwardDecision'>('sign');
export const declineUpdate = update<'DeclineSignature'>('decline');
export const holdUpdate = update<'PutOnHold'>('hold');
export const releaseUpdate = update<'ReleaseFromHold'>('release');
export const withdrawUpdate = update<'WithdrawNomination'>('withdraw');

export const viewQuery = defineQuery<NominationView>('view');
