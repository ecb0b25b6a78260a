import type { CampaignDraftingContext } from '../campaign/nomination-rules';
import type { Actor } from '../shared/actor';
import type { StageLimitsConfig } from '../sla/stage-limits';
import type { NoticeGate } from '../public-notice/notice-clearance';
import type { AwardType, OneAwardPolicy } from '../catalog/award-catalog';
import type {
  Campaign,
  ClusterDecision,
  CouncilOutcome,
  CouncilPolicy,
  CouncilMember,
  HoldMatter,
  Nominee,
  OfficeCheckResult,
  PriorAward,
  RevocationGround,
  TimedStage,
  SecretBallotCounts,
  SubmissionRef,
  VoteChoice,
  VoteTally,
} from './nomination.types';

/**
 * Every command carries who issues it and when (`now`, ISO): the decider reads no clock.
 * Context the decider cannot load itself (award policy, campaign, council roster, award
 * history, an allocated decision number) travels on the command, loaded by the caller.
 */
interface Base {
  nominationId: string;
  actor: Actor;
  now: string;
  comment?: string;
}

export interface DraftNomination extends Base {
  type: 'DraftNomination';
  unitId: string;
  clusterId: string;
  campaign: Campaign;
  award: AwardType;
  nominee: Nominee;
  achievements: string;
  documents?: string[];
  /**
   * Refused when true: one-off (đột xuất) is the unit head's declaration at submission
   * (`SubmitNomination.oneOff`). Kept so an old client's request is refused, not silently dropped.
   */
  oneOff?: boolean;
  /** The unit the nominee works in now, when the nominee is a person of the register (else absent). */
  personUnitId?: string;
  /** The nominee's award history, for the eligibility check. */
  priorAwards: PriorAward[];
  /** What the campaign (run as an event stream) rules for drafts; absent for a campaign of the organisation file. */
  campaignRules?: CampaignDraftingContext;
  /** The nominee's other nominations still in progress (same award kind and year: refused). */
  pendingNominations?: PriorAward[];
  /** "One achievement, one award" kinds and exceptions (award catalog); absent: each award its own kind. */
  oneAward?: OneAwardPolicy;
  /** The stage limits its workflow runs with (recorded, so a reader can show the stage clock without asking it). */
  stageLimits?: StageLimitsConfig;
}

export interface EditNomination extends Base {
  type: 'EditNomination';
  changes: { nominee?: Nominee; achievements?: string; documents?: string[] };
  /** The unit the new nominee works in now, when the nominee is a person of the register. */
  personUnitId?: string;
}

export interface SubmitNomination extends Base {
  type: 'SubmitNomination';
  /** The unit head declares the nomination one-off (đột xuất), if the award's policy allows it. */
  oneOff?: boolean;
  campaign: Campaign;
  priorAwards: PriorAward[];
  pendingNominations?: PriorAward[];
  oneAward?: OneAwardPolicy;
  /** The office checks the dossier before the council (set by the workflow, patch `office-check-stage`). */
  officeCheck?: boolean;
  submission?: SubmissionRef;
}

export interface ResubmitNomination extends Base {
  type: 'ResubmitNomination';
  /** Refused when newly true: one-off is declared on the first submission only. */
  oneOff?: boolean;
  officeCheck?: boolean;
  submission?: SubmissionRef;
}

export interface ReviewAtCluster extends Base {
  type: 'ReviewAtCluster';
  decision: ClusterDecision;
  /** An endorsement goes to the office's check, not straight to the council (patch `office-check-stage`). */
  officeCheck?: boolean;
}

/** The office's check of the dossier (thẩm định), by the council secretary. */
export interface RecordOfficeCheck extends Base {
  type: 'RecordOfficeCheck';
  result: OfficeCheckResult;
  /** Incomplete: what is missing (document types or free text), at least one item. */
  missing?: string[];
}

export interface OpenCouncilVoting extends Base {
  type: 'OpenCouncilVoting';
  /** The whole council at opening; quorum and threshold count over all of them. */
  members: CouncilMember[];
  /** ISO; the workflow closes voting when it passes. */
  deadline: string;
  /** The award's public notice and the nomination's notice: voting waits until it is cleared. */
  notice?: NoticeGate;
  /** The nominee's award history now: eligibility is checked again at the council (absent: not checked). */
  priorAwards?: PriorAward[];
}

export interface CastCouncilVote extends Base {
  type: 'CastCouncilVote';
  choice: VoteChoice;
  /** An absent member voting in writing (phiếu bằng văn bản). */
  inWriting?: boolean;
}

export interface RecuseFromCouncil extends Base {
  type: 'RecuseFromCouncil';
}

export interface CloseCouncilVoting extends Base {
  type: 'CloseCouncilVoting';
  trigger: 'SECRETARY' | 'ALL_VOTED' | 'DEADLINE';
}

/**
 * The outcome of a council session for this nomination (issued by the session's workflow, actor
 * SYSTEM): the session tallied the item with the award's policy; the nomination moves on.
 */
export interface RecordSessionOutcome extends Base {
  type: 'RecordSessionOutcome';
  sessionId: string;
  tally: VoteTally;
  rule: CouncilPolicy;
  outcome: CouncilOutcome;
  /** Secret items only: blind signatures issued and ballots cast. */
  secret?: SecretBallotCounts;
}

export interface SignAwardDecision extends Base {
  type: 'SignAwardDecision';
  /** Allocated from the decision-number sequence before signing, e.g. "163/QĐ-UBND". */
  decisionNumber: string;
  priorAwards: PriorAward[];
  oneAward?: OneAwardPolicy;
  /** Set when the signature is one recipient of an award decision (libs/domain/src/award-decision). */
  decisionId?: string;
  verificationCode?: string;
  /** The cash paid, in đồng, as recorded: the decision's amount for its recipient, else the base salary in force at signing. */
  amountVnd?: number;
}

export interface DeclineSignature extends Base {
  type: 'DeclineSignature';
}

export interface PutOnHold extends Base {
  type: 'PutOnHold';
  matter: HoldMatter;
}

export interface ReleaseFromHold extends Base {
  type: 'ReleaseFromHold';
}

export interface WithdrawNomination extends Base {
  type: 'WithdrawNomination';
}

export interface RevokeAward extends Base {
  type: 'RevokeAward';
  ground: RevocationGround;
  /** The revocation decision's number, allocated in the same register as award decisions. */
  revocationDecisionNumber?: string;
  revocationYear?: number;
}

/** The Chairman signs the submission (tờ trình) of an award decided above the province. */
export interface ForwardToCentral extends Base {
  type: 'ForwardToCentral';
  submissionNumber: string;
  /** YYYY-MM-DD */
  submissionDate: string;
}

/** The office records what the central level decided (number, date, authority), or that it did not approve. */
export interface RecordCentralDecision extends Base {
  type: 'RecordCentralDecision';
  approved: boolean;
  decisionNumber?: string;
  /** YYYY-MM-DD */
  decisionDate?: string;
  authority?: string;
  /** Why it was not approved (required then). */
  reason?: string;
  /** The nominee's award history: "one achievement, one award" holds for central awards too. */
  priorAwards?: PriorAward[];
}

export interface IssueStageReminder extends Base {
  type: 'IssueStageReminder';
  stage: TimedStage;
  dueAt: string;
}

export interface EscalateStage extends Base {
  type: 'EscalateStage';
  stage: TimedStage;
  dueAt: string;
}

export type NominationCommand =
  | DraftNomination
  | EditNomination
  | SubmitNomination
  | ResubmitNomination
  | ReviewAtCluster
  | RecordOfficeCheck
  | OpenCouncilVoting
  | CastCouncilVote
  | RecuseFromCouncil
  | CloseCouncilVoting
  | RecordSessionOutcome
  | SignAwardDecision
  | DeclineSignature
  | PutOnHold
  | ReleaseFromHold
  | WithdrawNomination
  | RevokeAward
  | ForwardToCentral
  | RecordCentralDecision
  | IssueStageReminder
  | EscalateStage;

export type NominationCommandType = NominationCommand['type'];
