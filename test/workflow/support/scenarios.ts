/**
 * Nomination paths as sequences of gateway calls, shared by the workflow tests and the script that
 * records the committed replay histories.
 */
import { vietnamDate, type Actor, type NominationIntent, type VoteChoice } from '@tdkt/domain';
import type { EventStore } from '@tdkt/event-store';
import { publishNotice, type CommandOutcome, type NominationGateway } from '@tdkt/temporal';
import { VOTERS_FOR_DONVI1, draftIntent, type Fixture } from './harness';

export class Driver {
  constructor(
    readonly gateway: NominationGateway,
    readonly f: Fixture,
  ) {}

  run(id: string, username: string, intent: NominationIntent): Promise<CommandOutcome> {
    return this.gateway.execute(id, intent, this.f.actor(username));
  }
  as(username: string): Actor {
    return this.f.actor(username);
  }

  draft(id: string, over: Parameters<typeof draftIntent>[0] = {}, username = 'canbo.donvi1') {
    return this.gateway.draft(id, draftIntent(over), this.f.actor(username));
  }
  submit(id: string, username = 'thutruong.donvi1') {
    return this.run(id, username, { type: 'SubmitNomination' });
  }
  /** The unit head submits it declared one-off (đột xuất): past the cluster, the office checks it, on to the council. */
  async submitOneOff(id: string, username = 'thutruong.donvi1') {
    await this.run(id, username, { type: 'SubmitNomination', oneOff: true });
    return this.officeCheck(id);
  }
  /** The cluster endorses and the office finds the dossier complete: on to the council (COUNCIL_VOTING). */
  async endorse(id: string, leader = 'truongcum.cum1') {
    await this.endorseOnly(id, leader);
    return this.officeCheck(id);
  }
  /** The cluster endorses: to the office's check (OFFICE_CHECK). */
  endorseOnly(id: string, leader = 'truongcum.cum1') {
    return this.run(id, leader, { type: 'ReviewAtCluster', decision: 'endorse' });
  }
  /** The office's check (thẩm định): complete → the council; incomplete → back to the unit. */
  officeCheck(id: string, missing?: string[]) {
    return this.run(
      id,
      'thuky',
      missing
        ? { type: 'RecordOfficeCheck', result: 'incomplete', missing }
        : { type: 'RecordOfficeCheck', result: 'complete' },
    );
  }
  returnForRevision(id: string, reasons = 'Bổ sung minh chứng sáng kiến') {
    return this.run(id, 'truongcum.cum1', { type: 'ReviewAtCluster', decision: 'return', comment: reasons });
  }
  rejectAtCluster(id: string, reasons = 'Thành tích chưa tiêu biểu trong cụm') {
    return this.run(id, 'truongcum.cum1', { type: 'ReviewAtCluster', decision: 'reject', comment: reasons });
  }
  openVoting(id: string) {
    return this.run(id, 'thuky', { type: 'OpenCouncilVoting' });
  }
  vote(id: string, member: string, choice: VoteChoice = 'approve') {
    return this.run(id, member, { type: 'CastCouncilVote', choice });
  }
  recuse(id: string, member = 'hoidong1') {
    return this.run(id, member, { type: 'RecuseFromCouncil', comment: 'Cùng đơn vị với người được đề nghị' });
  }
  closeVoting(id: string) {
    return this.run(id, 'thuky', { type: 'CloseCouncilVoting' });
  }
  sign(id: string) {
    return this.run(id, 'chutich', { type: 'SignAwardDecision' });
  }
  decline(id: string, reason = 'Chưa đủ căn cứ khen thưởng') {
    return this.run(id, 'chutich', { type: 'DeclineSignature', comment: reason });
  }
  hold(id: string) {
    return this.run(id, 'thuky', { type: 'PutOnHold', matter: 'COMPLAINT', comment: 'Có đơn khiếu nại đang xem xét' });
  }
  release(id: string) {
    return this.run(id, 'thuky', { type: 'ReleaseFromHold', comment: 'Đã giải quyết xong khiếu nại' });
  }
  withdraw(id: string) {
    return this.run(id, 'thutruong.donvi1', { type: 'WithdrawNomination', comment: 'Đơn vị rút hồ sơ' });
  }
  revoke(id: string, username = 'chutich') {
    return this.run(id, username, {
      type: 'RevokeAward',
      ground: 'CRITERIA_NOT_MET',
      comment: 'Thanh tra kết luận không đạt tiêu chuẩn',
    });
  }

  /** The Chairman forwards an award decided above the province (tờ trình). */
  forward(id: string) {
    return this.run(id, 'chutich', {
      type: 'ForwardToCentral',
      submissionNumber: '245/TTr-UBND',
      submissionDate: vietnamDate(Date.now()),
    });
  }
  /** The office records the central decision (approved). */
  centralDecision(id: string) {
    return this.run(id, 'thuky', {
      type: 'RecordCentralDecision',
      approved: true,
      decisionNumber: '88/QĐ-TTg',
      decisionDate: vietnamDate(Date.now()),
      authority: 'Thủ tướng Chính phủ',
    });
  }
  /**
   * The office made the list public (công khai) 30 days ago: its working days have passed, so an award
   * with a `publicNotice` policy may go to the council (the notice is written as the API writes it).
   */
  async publishEndedNotice(store: EventStore, ids: string[]) {
    await publishNotice(store, {
      noticeId: `notice-${ids[0]}`,
      actor: this.f.actor('thuky'),
      now: new Date().toISOString(),
      title: 'Danh sách đề nghị khen thưởng lấy ý kiến',
      startDate: vietnamDate(Date.now() - 30 * 86_400_000),
      nominationIds: ids,
      unit: 'workingDays',
      catalog: this.f.catalog,
    });
  }

  /** Recusal of hoidong1, then every other member votes `choice` (the last vote closes voting: ALL_VOTED). */
  async councilVotes(id: string, choice: VoteChoice = 'approve'): Promise<CommandOutcome> {
    await this.recuse(id, 'hoidong1');
    let last: CommandOutcome | undefined;
    for (const m of VOTERS_FOR_DONVI1) last = await this.vote(id, m, choice);
    return last!;
  }

  /** Draft → approved by the council: waits for the Chairman's decision (AWAITING_SIGNATURE). */
  async toAwaitingSignature(id: string, over: Parameters<typeof draftIntent>[0] = {}): Promise<CommandOutcome> {
    await this.draft(id, over);
    await this.submit(id);
    await this.endorse(id);
    await this.openVoting(id);
    return this.councilVotes(id, 'approve');
  }

  /** Draft → AWARDED. */
  async toAwarded(id: string, over: Parameters<typeof draftIntent>[0] = {}): Promise<CommandOutcome> {
    await this.draft(id, over);
    await this.submit(id);
    await this.endorse(id);
    await this.openVoting(id);
    await this.councilVotes(id, 'approve');
    return this.sign(id);
  }
}

export type Outcome =
  'AWARDED' | 'REJECTED_AT_CLUSTER' | 'REJECTED_BY_COUNCIL' | 'WITHDRAWN' | 'DECLINED' | 'RETURNED_THEN_AWARDED';

export const FINAL_STATUS: Record<Outcome, string> = {
  AWARDED: 'AWARDED',
  REJECTED_AT_CLUSTER: 'REJECTED',
  REJECTED_BY_COUNCIL: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
  DECLINED: 'REJECTED',
  RETURNED_THEN_AWARDED: 'AWARDED',
};

export const LAST_EVENT: Record<Outcome, string> = {
  AWARDED: 'AwardDecisionSigned',
  REJECTED_AT_CLUSTER: 'ClusterRejected',
  REJECTED_BY_COUNCIL: 'CouncilVotingClosed',
  WITHDRAWN: 'NominationWithdrawn',
  DECLINED: 'SignatureDeclined',
  RETURNED_THEN_AWARDED: 'AwardDecisionSigned',
};

/** Runs one nomination to the end named by `outcome`. `pause` lets a caller interleave (e.g. kill a worker). */
export async function runToOutcome(
  d: Driver,
  id: string,
  outcome: Outcome,
  pause: (step: number) => Promise<void> = async () => undefined,
): Promise<CommandOutcome> {
  let step = 0;
  const next = async () => pause(step++);
  await d.draft(id);
  await next();
  await d.submit(id);
  await next();
  if (outcome === 'REJECTED_AT_CLUSTER') return d.rejectAtCluster(id);
  if (outcome === 'RETURNED_THEN_AWARDED') {
    await d.returnForRevision(id);
    await next();
    await d.run(id, 'canbo.donvi1', {
      type: 'EditNomination',
      changes: { achievements: 'Bổ sung: sáng kiến được công nhận cấp tỉnh' },
    });
    await d.run(id, 'thutruong.donvi1', { type: 'ResubmitNomination' });
    await next();
  }
  await d.endorse(id);
  await next();
  if (outcome === 'WITHDRAWN') return d.withdraw(id);
  await d.openVoting(id);
  await next();
  await d.recuse(id, 'hoidong1');
  const choice = outcome === 'REJECTED_BY_COUNCIL' ? 'reject' : 'approve';
  let last: CommandOutcome | undefined;
  for (const m of ['hoidong2', 'hoidong3']) last = await d.vote(id, m, choice);
  await next();
  for (const m of ['hoidong4', 'hoidong5', 'hoidong6', 'hoidong7', 'hoidong8', 'hoidong9', 'hoidong10', 'chutich'])
    last = await d.vote(id, m, choice);
  if (outcome === 'REJECTED_BY_COUNCIL') return last!;
  await next();
  if (outcome === 'DECLINED') return d.decline(id);
  return d.sign(id);
}
