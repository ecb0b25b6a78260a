/**
 * Fixtures for specs of the nomination decider: the demo organisation's people
 * (config/demo-organisation.json), the shipped award catalog (config/award-catalog.json),
 * a campaign, and builders for commands and events, so a spec reads as behaviour:
 *
 *   spec.given(story.inClusterReview()).when(reviewAtCluster('endorse')).then([clusterEndorsed()]);
 *
 * Every builder takes the defaults of the demo scenario (an individual of donvi1, cluster cum1,
 * proposed for BANG_KHEN_TINH in campaign dong-khoi-moi-2026) and accepts overrides. Event builders
 * write events exactly as `decide` does, so `then([...])` can compare them whole.
 */
import { Actor, Role, actingAs, SYSTEM_ACTOR } from '../shared/actor';
import { AwardCatalog, AwardType, findAward, parseAwardCatalog } from '../catalog/award-catalog';
import type * as C from '../nomination/nomination.commands';
import type * as E from '../nomination/nomination.events';
import type {
  Campaign,
  ClusterDecision,
  CouncilMember,
  CouncilOutcome,
  CouncilPolicy,
  HoldMatter,
  NominationStatus,
  Nominee,
  PriorAward,
  RevocationGround,
  TimedStage,
  VoteChoice,
  VoteTally,
} from '../nomination/nomination.types';

// ---------------------------------------------------------------------------------------------
// Catalog

/** The shipped catalog file as read from disk (a fresh copy per call: specs may break it). */
export function catalogJson(): Record<string, unknown> {
  // A plain require keeps the JSON out of the TypeScript program (and out of the build).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return JSON.parse(JSON.stringify(require('../../../../config/award-catalog.json')));
}

export const catalog: AwardCatalog = parseAwardCatalog(catalogJson());

export function award(code: string): AwardType {
  const a = findAward(catalog, code);
  if (!a) throw new Error(`fixtures: no award ${code} in config/award-catalog.json`);
  return a;
}

/** Bằng khen của Chủ tịch UBND tỉnh: both kinds, cluster review, quorum 0.5, threshold 0.7, no prior-award rule. */
export const BANG_KHEN_TINH = award('BANG_KHEN_TINH');
/** Chiến sĩ thi đua cấp tỉnh: needs 3 consecutive CSTD_CO_SO years; quorum 0.75, threshold 0.9. */
export const CSTD_TINH = award('CSTD_TINH');
/** Decided by the unit head: never drafted for the provincial workflow. */
export const LAO_DONG_TIEN_TIEN = award('LAO_DONG_TIEN_TIEN');
export const CSTD_CO_SO = award('CSTD_CO_SO');
/** Collective only. */
export const TAP_THE_LDXS = award('TAP_THE_LDXS');
/** Chairman's award without cluster review. */
export const CONG_DAN_DONG_KHOI = award('CONG_DAN_DONG_KHOI');

// ---------------------------------------------------------------------------------------------
// People (config/demo-organisation.json)

const person = (userId: string, roles: Role[], unitId?: string, clusterId?: string): Actor => ({
  userId,
  roles,
  ...(unitId !== undefined ? { unitId } : {}),
  ...(clusterId !== undefined ? { clusterId } : {}),
});

export const canboDonvi1 = person('canbo.donvi1', ['UNIT_OFFICER'], 'donvi1', 'cum1');
export const thutruongDonvi1 = person('thutruong.donvi1', ['UNIT_HEAD'], 'donvi1', 'cum1');
export const canboDonvi3 = person('canbo.donvi3', ['UNIT_OFFICER'], 'donvi3', 'cum2');
export const thutruongDonvi3 = person('thutruong.donvi3', ['UNIT_HEAD'], 'donvi3', 'cum2');
export const truongcumCum1 = person('truongcum.cum1', ['CLUSTER_LEADER'], 'donvi2', 'cum1');
export const truongcumCum2 = person('truongcum.cum2', ['CLUSTER_LEADER'], 'donvi4', 'cum2');
export const thuky = person('thuky', ['COUNCIL_SECRETARY']);
export const hoidong1 = person('hoidong1', ['COUNCIL_MEMBER'], 'donvi1', 'cum1');
export const hoidong2 = person('hoidong2', ['COUNCIL_MEMBER'], 'donvi2', 'cum1');
export const hoidong3 = person('hoidong3', ['COUNCIL_MEMBER'], 'donvi3', 'cum2');
export const hoidong4 = person('hoidong4', ['COUNCIL_MEMBER'], 'donvi4', 'cum2');
export const hoidong5 = person('hoidong5', ['COUNCIL_MEMBER']);
export const chutich = person('chutich', ['CHAIRMAN', 'COUNCIL_MEMBER']);
export const thanhtra = person('thanhtra', ['AUDITOR']);
export const system = SYSTEM_ACTOR;

/** Everyone in the demo organisation, by username. */
export const demoActors: Record<string, Actor> = Object.fromEntries(
  [canboDonvi1, thutruongDonvi1, canboDonvi3, thutruongDonvi3, truongcumCum1, truongcumCum2, thuky, hoidong1, hoidong2, hoidong3, hoidong4, hoidong5, chutich, thanhtra].map(
    (a) => [a.userId, a],
  ),
);

/** People wearing two hats, for separation of duties (not in the demo organisation). */
export const twoHats = {
  /** Head of donvi1 who also leads cluster cum1. */
  unitHeadAndClusterLeader: person('thutruong.kiem.truongcum', ['UNIT_HEAD', 'CLUSTER_LEADER'], 'donvi1', 'cum1'),
  /** Officer of donvi1 who also leads cluster cum1. */
  officerAndClusterLeader: person('canbo.kiem.truongcum', ['UNIT_OFFICER', 'CLUSTER_LEADER'], 'donvi1', 'cum1'),
  /** Officer of donvi1 who also sits on the council. */
  officerAndCouncilMember: person('canbo.kiem.hoidong', ['UNIT_OFFICER', 'COUNCIL_MEMBER'], 'donvi1', 'cum1'),
  /** Head of donvi1 who also sits on the council. */
  unitHeadAndCouncilMember: person('thutruong.kiem.hoidong', ['UNIT_HEAD', 'COUNCIL_MEMBER'], 'donvi1', 'cum1'),
  /** Officer of donvi1 who is also the chairman. */
  officerAndChairman: person('canbo.kiem.chutich', ['UNIT_OFFICER', 'CHAIRMAN'], 'donvi1', 'cum1'),
  /** Head of donvi1 who is also the chairman. */
  unitHeadAndChairman: person('thutruong.kiem.chutich', ['UNIT_HEAD', 'CHAIRMAN'], 'donvi1', 'cum1'),
};

/** The demo council: hoidong1..5 and the chairman (6 members). hoidong1 is from donvi1. */
export const councilRoster: CouncilMember[] = [
  { userId: 'hoidong1', unitId: 'donvi1' },
  { userId: 'hoidong2', unitId: 'donvi2' },
  { userId: 'hoidong3', unitId: 'donvi3' },
  { userId: 'hoidong4', unitId: 'donvi4' },
  { userId: 'hoidong5' },
  { userId: 'chutich' },
];
export const councilActors: Actor[] = [hoidong1, hoidong2, hoidong3, hoidong4, hoidong5, chutich];

/** A council of `n` members m1..mn, none from any unit, with their actors. */
export function councilOf(n: number): { roster: CouncilMember[]; members: Actor[] } {
  const members = Array.from({ length: n }, (_, i) => person(`m${i + 1}`, ['COUNCIL_MEMBER']));
  return { roster: members.map((m) => ({ userId: m.userId })), members };
}

// ---------------------------------------------------------------------------------------------
// Campaign, nominees, times

export const campaign2026: Campaign = { id: 'dong-khoi-moi-2026', year: 2026, submissionDeadline: '2026-12-31T17:00:00+07:00' };

/** An individual of donvi1 (the demo organisation's prior awards belong to this citizen id). */
export const nomineeAn: Nominee = { kind: 'individual', name: 'Nguyễn Văn An', nomineeId: 'cccd-083090001234', position: 'Giáo viên' };
/** A collective of donvi1. */
export const collectiveDonvi1: Nominee = { kind: 'collective', name: 'Phòng Giáo dục thường xuyên', nomineeId: 'unit-donvi1-gdtx' };
/** A nominee who is also a council member (hoidong5): must recuse from his own nomination. */
export const nomineeHoidong5: Nominee = { kind: 'individual', name: 'Ủy viên hội đồng 5', nomineeId: 'cccd-083090005555', userId: 'hoidong5' };

export const NOMINATION_ID = 'nom-2026-0001';

/** Times of the demo scenario, as the workflow writes them (UTC). */
export const T = {
  drafted: '2026-11-02T02:00:00.000Z',
  edited: '2026-11-02T03:00:00.000Z',
  submitted: '2026-11-03T02:00:00.000Z',
  reviewed: '2026-11-05T02:00:00.000Z',
  resubmitted: '2026-11-06T02:00:00.000Z',
  votingOpened: '2026-11-10T02:00:00.000Z',
  voted: '2026-11-12T02:00:00.000Z',
  votingDeadline: '2026-12-15T10:00:00.000Z',
  closed: '2026-11-20T02:00:00.000Z',
  signed: '2026-11-25T02:00:00.000Z',
  held: '2026-11-04T02:00:00.000Z',
  released: '2026-11-04T08:00:00.000Z',
  withdrawn: '2026-11-26T02:00:00.000Z',
  revoked: '2027-03-01T02:00:00.000Z',
  /** 2027-01-01 09:00 in Vietnam: after the 2026 campaign closed. */
  afterCampaign: '2027-01-01T02:00:00.000Z',
  /** Default due time of a timed stage in SLA commands, and the moment it is overdue. */
  due: '2026-11-17T02:00:00.000Z',
};

export const DECISION_NUMBER = '163/QĐ-UBND';

/** A prior award in the nominee's history (defaults: CSTD_CO_SO of donvi1, counted, not revoked). */
export function priorAward(o: Partial<PriorAward> & { year: number }): PriorAward {
  return {
    awardCode: 'CSTD_CO_SO',
    campaignId: `unit-donvi1-${o.year}`,
    nominationId: `import-donvi1-${o.year}-001`,
    oneOff: false,
    ...o,
  };
}

/** CSTD_CO_SO in each given year. */
export const cstdCoSoIn = (...years: number[]) => years.map((year) => priorAward({ year }));

/** The demo organisation's imported history for nomineeAn: CSTD_CO_SO 2023, 2024, 2025. */
export const anHistory: PriorAward[] = cstdCoSoIn(2023, 2024, 2025);

// ---------------------------------------------------------------------------------------------
// The nomination being drafted: shared by command and event builders

export interface NominationSetup {
  nominationId?: string;
  award?: AwardType;
  nominee?: Nominee;
  campaign?: Campaign;
  unitId?: string;
  clusterId?: string;
  oneOff?: boolean;
}

const setup = (o: NominationSetup = {}) => ({
  nominationId: o.nominationId ?? NOMINATION_ID,
  award: o.award ?? BANG_KHEN_TINH,
  nominee: o.nominee ?? nomineeAn,
  campaign: o.campaign ?? campaign2026,
  unitId: o.unitId ?? 'donvi1',
  clusterId: o.clusterId ?? 'cum1',
  oneOff: o.oneOff ?? false,
});

interface Who {
  by?: Actor;
  at?: string;
  comment?: string;
  nominationId?: string;
}

const commonOf = (o: Who, actor: Actor, role: Role, at: string) => ({
  nominationId: o.nominationId ?? NOMINATION_ID,
  by: actingAs(o.by ?? actor, role),
  at: o.at ?? at,
  ...(o.comment ? { comment: o.comment } : {}),
});

const baseOf = (o: Who, actor: Actor, now: string) => ({
  nominationId: o.nominationId ?? NOMINATION_ID,
  actor: o.by ?? actor,
  now: o.at ?? now,
  ...(o.comment !== undefined ? { comment: o.comment } : {}),
});

/** The award as recorded on NominationDrafted. */
export function awardSnapshot(a: AwardType): E.NominationDrafted['data']['award'] {
  return {
    code: a.code,
    name: a.name,
    awardedBy: a.awardedBy,
    clusterReviewRequired: a.clusterReviewRequired,
    council: a.council,
    eligibility: a.eligibility,
    cashMultiple: a.cashMultiple,
    ...(a.thematic ? { thematic: true } : {}),
  };
}

export const NO_PRIOR_AWARD_RULE = 'Không có điều kiện về khen thưởng trước đó';

// ---------------------------------------------------------------------------------------------
// Commands

type CommandOpts = Who;

export function draftNomination(o: CommandOpts & NominationSetup & { achievements?: string; documents?: string[]; priorAwards?: PriorAward[] } = {}): C.DraftNomination {
  const s = setup(o);
  return {
    ...baseOf(o, canboDonvi1, T.drafted),
    type: 'DraftNomination',
    unitId: s.unitId,
    clusterId: s.clusterId,
    campaign: s.campaign,
    award: s.award,
    nominee: s.nominee,
    achievements: o.achievements ?? 'Hoàn thành xuất sắc nhiệm vụ năm 2026; sáng kiến được áp dụng toàn tỉnh',
    ...(o.documents ? { documents: o.documents } : {}),
    ...(o.oneOff !== undefined ? { oneOff: o.oneOff } : {}),
    priorAwards: o.priorAwards ?? [],
  };
}

export const editNomination = (changes: C.EditNomination['changes'], o: CommandOpts = {}): C.EditNomination => ({
  ...baseOf(o, canboDonvi1, T.edited),
  type: 'EditNomination',
  changes,
});

export const submitNomination = (o: CommandOpts & { campaign?: Campaign; priorAwards?: PriorAward[] } = {}): C.SubmitNomination => ({
  ...baseOf(o, thutruongDonvi1, T.submitted),
  type: 'SubmitNomination',
  campaign: o.campaign ?? campaign2026,
  priorAwards: o.priorAwards ?? [],
});

export const resubmitNomination = (o: CommandOpts = {}): C.ResubmitNomination => ({
  ...baseOf(o, thutruongDonvi1, T.resubmitted),
  type: 'ResubmitNomination',
});

export const reviewAtCluster = (decision: ClusterDecision, o: CommandOpts = {}): C.ReviewAtCluster => ({
  ...baseOf(o, truongcumCum1, T.reviewed),
  type: 'ReviewAtCluster',
  decision,
});

export const openCouncilVoting = (o: CommandOpts & { members?: CouncilMember[]; deadline?: string } = {}): C.OpenCouncilVoting => ({
  ...baseOf(o, thuky, T.votingOpened),
  type: 'OpenCouncilVoting',
  members: o.members ?? councilRoster,
  deadline: o.deadline ?? T.votingDeadline,
});

export const castCouncilVote = (member: Actor, choice: VoteChoice, o: Omit<CommandOpts, 'by'> & { inWriting?: boolean } = {}): C.CastCouncilVote => ({
  ...baseOf({ ...o, by: member }, member, T.voted),
  type: 'CastCouncilVote',
  choice,
  ...(o.inWriting !== undefined ? { inWriting: o.inWriting } : {}),
});

export const recuseFromCouncil = (member: Actor, o: Omit<CommandOpts, 'by'> = {}): C.RecuseFromCouncil => ({
  ...baseOf({ ...o, by: member }, member, T.voted),
  type: 'RecuseFromCouncil',
});

export const closeCouncilVoting = (trigger: C.CloseCouncilVoting['trigger'] = 'SECRETARY', o: CommandOpts = {}): C.CloseCouncilVoting => ({
  ...baseOf(o, trigger === 'SECRETARY' ? thuky : system, T.closed),
  type: 'CloseCouncilVoting',
  trigger,
});

export const signAwardDecision = (o: CommandOpts & { decisionNumber?: string; priorAwards?: PriorAward[] } = {}): C.SignAwardDecision => ({
  ...baseOf(o, chutich, T.signed),
  type: 'SignAwardDecision',
  decisionNumber: o.decisionNumber ?? DECISION_NUMBER,
  priorAwards: o.priorAwards ?? [],
});

export const declineSignature = (o: CommandOpts = {}): C.DeclineSignature => ({
  ...baseOf({ comment: 'Thành tích chưa tiêu biểu', ...o }, chutich, T.signed),
  type: 'DeclineSignature',
});

export const putOnHold = (matter: HoldMatter = 'COMPLAINT', o: CommandOpts = {}): C.PutOnHold => ({
  ...baseOf({ comment: 'Có đơn khiếu nại đang được giải quyết', ...o }, thuky, T.held),
  type: 'PutOnHold',
  matter,
});

export const releaseFromHold = (o: CommandOpts = {}): C.ReleaseFromHold => ({
  ...baseOf(o, thuky, T.released),
  type: 'ReleaseFromHold',
});

export const withdrawNomination = (o: CommandOpts = {}): C.WithdrawNomination => ({
  ...baseOf(o, thutruongDonvi1, T.withdrawn),
  type: 'WithdrawNomination',
});

export const revokeAward = (ground: RevocationGround = 'CRITERIA_NOT_MET', o: CommandOpts = {}): C.RevokeAward => ({
  ...baseOf({ comment: 'Thanh tra kết luận không đạt tiêu chuẩn', ...o }, chutich, T.revoked),
  type: 'RevokeAward',
  ground,
});

export const issueStageReminder = (stage: TimedStage, o: CommandOpts & { dueAt?: string } = {}): C.IssueStageReminder => ({
  ...baseOf(o, system, T.reviewed),
  type: 'IssueStageReminder',
  stage,
  dueAt: o.dueAt ?? T.due,
});

/** Escalation happens once the stage is overdue: by default exactly at its due time. */
export const escalateStage = (stage: TimedStage, o: CommandOpts & { dueAt?: string } = {}): C.EscalateStage => ({
  ...baseOf(o, system, o.dueAt ?? T.due),
  type: 'EscalateStage',
  stage,
  dueAt: o.dueAt ?? T.due,
});

// ---------------------------------------------------------------------------------------------
// Events

export function nominationDrafted(
  o: Who & NominationSetup & { achievements?: string; documents?: string[]; eligibility?: string[] } = {},
): E.NominationDrafted {
  const s = setup(o);
  return {
    type: 'NominationDrafted',
    data: {
      ...commonOf(o, canboDonvi1, 'UNIT_OFFICER', T.drafted),
      unitId: s.unitId,
      clusterId: s.clusterId,
      campaign: s.campaign,
      award: awardSnapshot(s.award),
      nominee: s.nominee,
      achievements: o.achievements ?? 'Hoàn thành xuất sắc nhiệm vụ năm 2026; sáng kiến được áp dụng toàn tỉnh',
      documents: o.documents ?? [],
      oneOff: s.oneOff,
      eligibility: o.eligibility ?? [NO_PRIOR_AWARD_RULE],
    },
  };
}

export const nominationEdited = (changes: E.NominationEdited['data']['changes'], o: Who = {}): E.NominationEdited => ({
  type: 'NominationEdited',
  data: { ...commonOf(o, canboDonvi1, 'UNIT_OFFICER', T.edited), changes },
});

export const nominationSubmitted = (o: Who & { toCouncil?: boolean } = {}): E.NominationSubmitted => ({
  type: 'NominationSubmitted',
  data: {
    ...commonOf(o, thutruongDonvi1, 'UNIT_HEAD', T.submitted),
    nextStatus: o.toCouncil ? 'COUNCIL_VOTING' : 'CLUSTER_REVIEW',
    skippedClusterReview: o.toCouncil ?? false,
  },
});

export const nominationReturnedForRevision = (o: Who & { round?: number; reasons?: string } = {}): E.NominationReturnedForRevision => {
  const reasons = o.reasons ?? 'Thiếu minh chứng sáng kiến';
  return {
    type: 'NominationReturnedForRevision',
    data: { ...commonOf({ comment: reasons, ...o }, truongcumCum1, 'CLUSTER_LEADER', T.reviewed), round: o.round ?? 1, reasons },
  };
};

export const nominationResubmitted = (o: Who & { round?: number } = {}): E.NominationResubmitted => ({
  type: 'NominationResubmitted',
  data: { ...commonOf(o, thutruongDonvi1, 'UNIT_HEAD', T.resubmitted), round: o.round ?? 2 },
});

export const clusterEndorsed = (o: Who & { round?: number } = {}): E.ClusterEndorsed => ({
  type: 'ClusterEndorsed',
  data: { ...commonOf(o, truongcumCum1, 'CLUSTER_LEADER', T.reviewed), round: o.round ?? 1 },
});

export const clusterRejected = (o: Who & { round?: number; reasons?: string } = {}): E.ClusterRejected => {
  const reasons = o.reasons ?? 'Thành tích chưa nổi bật trong cụm';
  return {
    type: 'ClusterRejected',
    data: { ...commonOf({ comment: reasons, ...o }, truongcumCum1, 'CLUSTER_LEADER', T.reviewed), round: o.round ?? 1, reasons },
  };
};

export const councilVotingOpened = (o: Who & { members?: CouncilMember[]; policy?: CouncilPolicy; deadline?: string } = {}): E.CouncilVotingOpened => ({
  type: 'CouncilVotingOpened',
  data: {
    ...commonOf(o, thuky, 'COUNCIL_SECRETARY', T.votingOpened),
    members: o.members ?? councilRoster,
    policy: o.policy ?? BANG_KHEN_TINH.council,
    deadline: o.deadline ?? T.votingDeadline,
  },
});

export const councilVoteCast = (member: Actor, choice: VoteChoice, o: Omit<Who, 'by'> & { inWriting?: boolean } = {}): E.CouncilVoteCast => ({
  type: 'CouncilVoteCast',
  data: { ...commonOf(o, member, 'COUNCIL_MEMBER', T.voted), choice, inWriting: o.inWriting ?? false },
});

export const councilMemberRecused = (member: Actor, o: Omit<Who, 'by'> & { reason?: string } = {}): E.CouncilMemberRecused => ({
  type: 'CouncilMemberRecused',
  data: { ...commonOf(o, member, 'COUNCIL_MEMBER', T.voted), reason: o.reason ?? o.comment ?? 'Xung đột lợi ích' },
});

export const tally = (t: Partial<VoteTally> & { members: number }): VoteTally => {
  const approve = t.approve ?? 0;
  const reject = t.reject ?? 0;
  const abstain = t.abstain ?? 0;
  return {
    approve,
    reject,
    abstain,
    recused: 0,
    participation: (approve + reject + abstain) / t.members,
    approval: approve / t.members,
    ...t,
  };
};

export const councilVotingClosed = (
  o: Who & { trigger?: E.CouncilVotingClosed['data']['trigger']; outcome?: CouncilOutcome; tally?: VoteTally; rule?: CouncilPolicy } = {},
): E.CouncilVotingClosed => {
  const trigger = o.trigger ?? 'SECRETARY';
  return {
    type: 'CouncilVotingClosed',
    data: {
      ...commonOf(o, trigger === 'SECRETARY' ? thuky : system, trigger === 'SECRETARY' ? 'COUNCIL_SECRETARY' : 'SYSTEM', T.closed),
      trigger,
      tally: o.tally ?? tally({ members: 6, approve: 5, recused: 1 }),
      rule: o.rule ?? BANG_KHEN_TINH.council,
      outcome: o.outcome ?? 'APPROVED',
    },
  };
};

export const awardDecisionSigned = (o: Who & NominationSetup & { decisionNumber?: string } = {}): E.AwardDecisionSigned => {
  const s = setup(o);
  return {
    type: 'AwardDecisionSigned',
    data: {
      ...commonOf(o, chutich, 'CHAIRMAN', T.signed),
      decisionNumber: o.decisionNumber ?? DECISION_NUMBER,
      awardCode: s.award.code,
      awardName: s.award.name,
      nominee: s.nominee,
      unitId: s.unitId,
      campaignId: s.campaign.id,
      year: s.campaign.year,
      oneOff: s.oneOff,
      cashMultiple: s.award.cashMultiple,
    },
  };
};

export const signatureDeclined = (o: Who & { reason?: string } = {}): E.SignatureDeclined => {
  const reason = o.reason ?? 'Thành tích chưa tiêu biểu';
  return { type: 'SignatureDeclined', data: { ...commonOf({ comment: reason, ...o }, chutich, 'CHAIRMAN', T.signed), reason } };
};

export const nominationPutOnHold = (status: NominationStatus, o: Who & { matter?: HoldMatter; reason?: string } = {}): E.NominationPutOnHold => {
  const reason = o.reason ?? 'Có đơn khiếu nại đang được giải quyết';
  return {
    type: 'NominationPutOnHold',
    data: { ...commonOf({ comment: reason, ...o }, thuky, 'COUNCIL_SECRETARY', T.held), matter: o.matter ?? 'COMPLAINT', reason, status },
  };
};

export const nominationReleasedFromHold = (status: NominationStatus, o: Who = {}): E.NominationReleasedFromHold => ({
  type: 'NominationReleasedFromHold',
  data: { ...commonOf(o, thuky, 'COUNCIL_SECRETARY', T.released), status },
});

export const nominationWithdrawn = (fromStatus: NominationStatus, o: Who = {}): E.NominationWithdrawn => ({
  type: 'NominationWithdrawn',
  data: { ...commonOf(o, thutruongDonvi1, 'UNIT_HEAD', T.withdrawn), fromStatus },
});

export const awardRevoked = (o: Who & { ground?: RevocationGround; reason?: string; decisionNumber?: string } = {}): E.AwardRevoked => {
  const reason = o.reason ?? 'Thanh tra kết luận không đạt tiêu chuẩn';
  return {
    type: 'AwardRevoked',
    data: {
      ...commonOf({ comment: reason, ...o }, chutich, 'CHAIRMAN', T.revoked),
      ground: o.ground ?? 'CRITERIA_NOT_MET',
      reason,
      decisionNumber: o.decisionNumber ?? DECISION_NUMBER,
    },
  };
};

export const stageReminderIssued = (stage: TimedStage, o: Who & { dueAt?: string; awaiting?: string[] } = {}): E.StageReminderIssued => ({
  type: 'StageReminderIssued',
  data: { ...commonOf(o, system, 'SYSTEM', T.reviewed), stage, dueAt: o.dueAt ?? T.due, awaiting: o.awaiting ?? [] },
});

export const stageEscalated = (
  stage: TimedStage,
  o: Who & { dueAt?: string; awaiting?: string[]; escalatedTo?: string } = {},
): E.StageEscalated => ({
  type: 'StageEscalated',
  data: {
    ...commonOf(o, system, 'SYSTEM', o.dueAt ?? T.due),
    stage,
    dueAt: o.dueAt ?? T.due,
    awaiting: o.awaiting ?? [],
    escalatedTo: o.escalatedTo ?? 'COUNCIL_SECRETARY',
  },
});

// ---------------------------------------------------------------------------------------------
// Stories: the events that bring a nomination to a stage (the default nomination unless told)

/** Council votes that approve the default nomination: hoidong1 (donvi1) recuses, the other five approve. */
export const approvingVotes = (): E.NominationEvent[] => [
  councilMemberRecused(hoidong1),
  ...[hoidong2, hoidong3, hoidong4, hoidong5, chutich].map((m) => councilVoteCast(m, 'approve')),
];

export const story = {
  inDraft: (o: NominationSetup = {}): E.NominationEvent[] => [nominationDrafted(o)],
  inClusterReview: (o: NominationSetup = {}): E.NominationEvent[] => [nominationDrafted(o), nominationSubmitted()],
  returned: (o: NominationSetup = {}): E.NominationEvent[] => [...story.inClusterReview(o), nominationReturnedForRevision()],
  /** In COUNCIL_VOTING, voting not yet opened. */
  inCouncilVoting: (o: NominationSetup = {}): E.NominationEvent[] => [...story.inClusterReview(o), clusterEndorsed()],
  votingOpen: (o: NominationSetup & { members?: CouncilMember[]; policy?: CouncilPolicy } = {}): E.NominationEvent[] => [
    ...story.inCouncilVoting(o),
    councilVotingOpened({ ...(o.members ? { members: o.members } : {}), policy: o.policy ?? (o.award ?? BANG_KHEN_TINH).council }),
  ],
  awaitingSignature: (o: NominationSetup = {}): E.NominationEvent[] => [...story.votingOpen(o), ...approvingVotes(), councilVotingClosed()],
  awarded: (o: NominationSetup = {}): E.NominationEvent[] => [...story.awaitingSignature(o), awardDecisionSigned(o)],
  revoked: (o: NominationSetup = {}): E.NominationEvent[] => [...story.awarded(o), awardRevoked()],
  rejectedAtCluster: (o: NominationSetup = {}): E.NominationEvent[] => [...story.inClusterReview(o), clusterRejected()],
  withdrawn: (o: NominationSetup = {}): E.NominationEvent[] => [...story.inDraft(o), nominationWithdrawn('DRAFT')],
};
