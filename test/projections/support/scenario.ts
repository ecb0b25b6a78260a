import {
  BANG_KHEN_TINH,
  campaign2026,
  canboDonvi1,
  canboDonvi3,
  castCouncilVote,
  chutich,
  closeCouncilVoting,
  collectiveDonvi1,
  draftNomination,
  escalateStage,
  hoidong1,
  hoidong2,
  hoidong3,
  hoidong4,
  hoidong5,
  issueStageReminder,
  nomineeAn,
  openCouncilVoting,
  putOnHold,
  recuseFromCouncil,
  resubmitNomination,
  reviewAtCluster,
  revokeAward,
  signAwardDecision,
  submitNomination,
  thutruongDonvi1,
  thutruongDonvi3,
  truongcumCum2,
  withdrawNomination,
} from '@tdkt/domain/testing/fixtures';
import type { Actor, Campaign, Nominee } from '@tdkt/domain';
import type { NominationLog } from './nomination-log';

/** The nominations of the scenario, by what happens to them. */
export const N = {
  /** Nguyễn Văn An (donvi1): returned once, resubmitted, endorsed, approved 5/6 with hoidong1 recused, signed 163/QĐ-UBND. */
  an: 'nom-an',
  /** Trần Thị Đào (donvi3): approved, signed 164/QĐ-UBND, later revoked for a dishonest declaration. */
  dao: 'nom-dao',
  /** A collective of donvi1 waiting for cluster cum1, reminded then escalated. */
  collective: 'nom-collective',
  /** Lê Văn Bình (donvi3): voting open, hoidong3 recused, two votes cast. */
  binh: 'nom-binh',
  /** Phạm Thị Cúc (donvi1): in cluster review, put on hold over a complaint. */
  cuc: 'nom-cuc',
  /** Đỗ Minh Đức (donvi3): a draft waiting for the head of donvi3. */
  duc: 'nom-duc',
  /** Hồ Văn Em (donvi1): drafted then withdrawn. */
  em: 'nom-em',
  /** Võ Thị Đông (donvi1, 2025 campaign): signed 163/QĐ-UBND in 2025 (numbers restart every year). */
  dong: 'nom-dong-2025',
  /** Ngô Thị Hà (donvi1): returned by cluster cum1 for revision, back with the unit. */
  ha: 'nom-ha',
} as const;

export const campaign2025: Campaign = {
  id: 'dong-khoi-moi-2025',
  year: 2025,
  submissionDeadline: '2025-12-31T17:00:00+07:00',
};

const person = (name: string, nomineeId: string): Nominee => ({ kind: 'individual', name, nomineeId });
export const nominees = {
  dao: person('Trần Thị Đào', 'cccd-083090002222'),
  binh: person('Lê Văn Bình', 'cccd-083090003333'),
  cuc: person('Phạm Thị Cúc', 'cccd-083090004444'),
  duc: person('Đỗ Minh Đức', 'cccd-083090006666'),
  em: person('Hồ Văn Em', 'cccd-083090007777'),
  dong: person('Võ Thị Đông', 'cccd-083090008888'),
  ha: person('Ngô Thị Hà', 'cccd-083090009999'),
};

/** `day(5, 9)`: 2026-11-05 09:00 UTC; every step of the scenario happens at a distinct time. */
const day = (d: number, h = 2, year = 2026, month = 11) => new Date(Date.UTC(year, month - 1, d, h)).toISOString();

const approveAll = (nominationId: string, members: Actor[], at: string) =>
  members.map((m) => castCouncilVote(m, 'approve', { nominationId, at }));

/** Everything up to the state the tests first look at (about 60 events). */
export async function writeScenario(log: NominationLog): Promise<void> {
  // 2025: one award already in the registry.
  await log.run(
    draftNomination({
      nominationId: N.dong,
      nominee: nominees.dong,
      campaign: campaign2025,
      at: '2025-10-01T02:00:00.000Z',
    }),
    submitNomination({ nominationId: N.dong, campaign: campaign2025, at: '2025-10-02T02:00:00.000Z' }),
    reviewAtCluster('endorse', { nominationId: N.dong, at: '2025-10-03T02:00:00.000Z' }),
    openCouncilVoting({ nominationId: N.dong, at: '2025-10-04T02:00:00.000Z', deadline: '2025-11-04T02:00:00.000Z' }),
    recuseFromCouncil(hoidong1, { nominationId: N.dong, at: '2025-10-05T02:00:00.000Z' }),
    ...approveAll(N.dong, [hoidong2, hoidong3, hoidong4, hoidong5, chutich], '2025-10-05T03:00:00.000Z'),
    closeCouncilVoting('SECRETARY', { nominationId: N.dong, at: '2025-10-06T02:00:00.000Z' }),
    signAwardDecision({ nominationId: N.dong, decisionNumber: '163/QĐ-UBND', at: '2025-10-07T02:00:00.000Z' }),
  );

  // Nguyễn Văn An: the whole way, with one round of revision.
  await log.run(
    draftNomination({ nominationId: N.an, nominee: nomineeAn, at: day(2) }),
    submitNomination({ nominationId: N.an, at: day(3) }),
    reviewAtCluster('return', { nominationId: N.an, at: day(4), comment: 'Thiếu minh chứng sáng kiến' }),
    resubmitNomination({ nominationId: N.an, at: day(5) }),
    reviewAtCluster('endorse', { nominationId: N.an, at: day(6), comment: 'Thành tích tiêu biểu của cụm' }),
    openCouncilVoting({ nominationId: N.an, at: day(10) }),
    recuseFromCouncil(hoidong1, { nominationId: N.an, at: day(11) }),
    ...approveAll(N.an, [hoidong2, hoidong3, hoidong4, hoidong5, chutich], day(12)),
    closeCouncilVoting('SECRETARY', { nominationId: N.an, at: day(20) }),
    signAwardDecision({ nominationId: N.an, decisionNumber: '163/QĐ-UBND', at: day(25) }),
  );

  // Trần Thị Đào (donvi3, cluster cum2): awarded; the revocation comes later (`writeLaterEvents`).
  await log.run(
    draftNomination({
      nominationId: N.dao,
      nominee: nominees.dao,
      unitId: 'donvi3',
      clusterId: 'cum2',
      by: canboDonvi3,
      at: day(2, 3),
    }),
    submitNomination({ nominationId: N.dao, by: thutruongDonvi3, at: day(3, 3) }),
    reviewAtCluster('endorse', { nominationId: N.dao, by: truongcumCum2, at: day(4, 3) }),
    openCouncilVoting({ nominationId: N.dao, at: day(10, 3) }),
    recuseFromCouncil(hoidong3, { nominationId: N.dao, at: day(11, 3) }),
    castCouncilVote(hoidong1, 'approve', { nominationId: N.dao, at: day(12, 3) }),
    castCouncilVote(hoidong2, 'approve', { nominationId: N.dao, at: day(12, 4), inWriting: true }),
    castCouncilVote(hoidong4, 'approve', { nominationId: N.dao, at: day(12, 5) }),
    castCouncilVote(hoidong5, 'approve', { nominationId: N.dao, at: day(12, 6) }),
    castCouncilVote(chutich, 'approve', { nominationId: N.dao, at: day(12, 7) }),
    closeCouncilVoting('ALL_VOTED', { nominationId: N.dao, at: day(12, 8) }),
    signAwardDecision({ nominationId: N.dao, decisionNumber: '164/QĐ-UBND', at: day(26) }),
  );

  // A collective of donvi1 at cluster review: reminded, then escalated.
  await log.run(
    draftNomination({ nominationId: N.collective, nominee: collectiveDonvi1, award: BANG_KHEN_TINH, at: day(2, 5) }),
    submitNomination({ nominationId: N.collective, at: day(3, 5) }),
    issueStageReminder('CLUSTER_REVIEW', {
      nominationId: N.collective,
      at: day(13, 5),
      dueAt: '2026-11-17T02:00:00.000Z',
    }),
    escalateStage('CLUSTER_REVIEW', { nominationId: N.collective, at: day(18, 5), dueAt: '2026-11-17T02:00:00.000Z' }),
  );

  // Lê Văn Bình (donvi3): council voting under way.
  await log.run(
    draftNomination({
      nominationId: N.binh,
      nominee: nominees.binh,
      unitId: 'donvi3',
      clusterId: 'cum2',
      by: canboDonvi3,
      at: day(2, 6),
    }),
    submitNomination({ nominationId: N.binh, by: thutruongDonvi3, at: day(3, 6) }),
    reviewAtCluster('endorse', { nominationId: N.binh, by: truongcumCum2, at: day(4, 6) }),
    openCouncilVoting({ nominationId: N.binh, at: day(10, 6) }),
    recuseFromCouncil(hoidong3, { nominationId: N.binh, at: day(11, 6) }),
    castCouncilVote(hoidong2, 'approve', { nominationId: N.binh, at: day(12, 6) }),
    castCouncilVote(hoidong4, 'reject', { nominationId: N.binh, at: day(12, 7) }),
  );

  // Phạm Thị Cúc: on hold while a complaint is settled.
  await log.run(
    draftNomination({ nominationId: N.cuc, nominee: nominees.cuc, at: day(2, 7) }),
    submitNomination({ nominationId: N.cuc, at: day(3, 7) }),
    putOnHold('COMPLAINT', { nominationId: N.cuc, at: day(4, 7), comment: 'Có đơn khiếu nại về thành tích' }),
  );

  // Ngô Thị Hà: returned to donvi1 for revision.
  await log.run(
    draftNomination({ nominationId: N.ha, nominee: nominees.ha, at: day(2, 10) }),
    submitNomination({ nominationId: N.ha, at: day(3, 10) }),
    reviewAtCluster('return', {
      nominationId: N.ha,
      at: day(5, 10),
      comment: 'Bổ sung xác nhận của cơ quan chuyên môn',
    }),
  );

  // Đỗ Minh Đức: a draft of donvi3; Hồ Văn Em: withdrawn by the head of donvi1.
  await log.run(
    draftNomination({
      nominationId: N.duc,
      nominee: nominees.duc,
      unitId: 'donvi3',
      clusterId: 'cum2',
      by: canboDonvi3,
      at: day(2, 8),
    }),
  );
  await log.run(
    draftNomination({ nominationId: N.em, nominee: nominees.em, by: canboDonvi1, at: day(2, 9) }),
    withdrawNomination({ nominationId: N.em, by: thutruongDonvi1, at: day(3, 9), comment: 'Đơn vị rút đề nghị' }),
  );
}

/** What happens next: Đào's award is revoked and Đức's draft is submitted. */
export async function writeLaterEvents(log: NominationLog): Promise<void> {
  await log.run(
    revokeAward('DISHONEST_DECLARATION', {
      nominationId: N.dao,
      at: '2027-03-01T02:00:00.000Z',
      comment: 'Kê khai thành tích không trung thực',
    }),
    submitNomination({ nominationId: N.duc, by: thutruongDonvi3, at: day(20, 8), campaign: campaign2026 }),
  );
}
