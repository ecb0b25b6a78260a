import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  authorityProfile,
  awardDecisionDecider,
  awardDecisionStreamName,
  domainError,
  invalid,
  mayReadCouncilSessions,
  nominationDecider,
  nominationNotFound,
  nominationStreamName,
  type Actor,
  type NominationEvent,
  type NominationState,
  type AwardDecisionEvent,
  type AwardDecisionState,
  type ExistingDecision,
} from '@tdkt/domain';
import { foldRecorded } from '@tdkt/event-store';
import { listAwardDecisions, type ListAwardDecisionsQuery } from '@tdkt/projections';
import { AwardDecisionGateway, type DecisionCommandOutcome, type DecisionIntent } from '@tdkt/temporal';
import type { ApiRuntime } from '../api-runtime';
import type { CommandResult } from '../nominations/commands/commands';
import { ReadYourWrites } from '../nominations/read-your-writes';
import { API_RUNTIME } from '../tokens';
import { certificateDocument } from './certificate';
import { decisionDocument } from './decision-document';
import { renderPdf, sha256 } from './pdf-kit';

/** 128 random bits, base64url: a verification code nobody can guess from an id or a number. */
const newVerificationCode = () => randomBytes(16).toString('base64url');

const issued = (s: ExistingDecision) => s.status === 'ISSUED' || s.status === 'APPLIED';

@Injectable()
export class DecisionsService {
  readonly gateway: AwardDecisionGateway;
  /** Signed documents never change: their hash is computed once per process. */
  private readonly hashes = new Map<string, Promise<string>>();

  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
  ) {
    this.gateway = new AwardDecisionGateway(runtime.temporal, { taskQueue: runtime.config.temporal.taskQueue });
  }

  async run(decisionId: string, actor: Actor, intent: DecisionIntent): Promise<DecisionCommandOutcome> {
    const outcome = await this.gateway.execute(decisionId, intent, actor);
    if (outcome.position > 0) await this.ryw.reach(outcome.position);
    return outcome;
  }

  async draft(actor: Actor, body: { title: string; nominationIds: string[]; bases?: string[]; awardCodes?: string[] }) {
    const id = randomUUID();
    const outcome = await this.run(id, actor, {
      type: 'DraftDecision',
      title: body.title,
      nominationIds: body.nominationIds,
      ...(body.bases ? { bases: body.bases } : {}),
      ...(body.awardCodes ? { awardCodes: body.awardCodes } : {}),
      verificationCodes: body.nominationIds.map(newVerificationCode),
    });
    return { id, status: outcome.status };
  }

  /** How the organisation's own authority (the Chairman's awards) numbers its decisions. */
  numbering(): 'register' | 'external' {
    return authorityProfile(this.runtime.catalog.decisions, this.runtime.directory.org.decisionAuthority).numbering;
  }

  /** A number given where the register numbers: refused as the decision's signature refuses it. */
  numberRefused() {
    const authority = this.runtime.directory.org.decisionAuthority;
    return invalid(
      'NUMBERING_MODE',
      `Số quyết định của ${authority} do hệ thống cấp theo sổ đăng ký khi ký; không nhập số`,
      'number',
    );
  }

  /**
   * One nomination signed alone where the office numbers (`external`): a decision of one recipient,
   * drafted and signed at once, numbered by the office now (`number`) or later (its id is answered).
   * Once numbered its workflow awards the nomination; the answer waits for that and the read models.
   */
  async signAlone(nominationId: string, actor: Actor, body: { number?: string; comment?: string }) {
    const id = randomUUID();
    const outcome = await this.run(id, actor, {
      type: 'IssueSingleDecision',
      nominationId,
      verificationCode: newVerificationCode(),
      ...(body.number !== undefined ? { number: body.number } : {}),
      ...(body.comment ? { comment: body.comment } : {}),
    });
    return { ...(await this.settled(id, nominationId, outcome)), decisionId: id };
  }

  /** The nomination once a decision naming it is applied (if numbered), as a command's answer. */
  private async settled(decisionId: string, nominationId: string, outcome: DecisionCommandOutcome) {
    if (outcome.status === 'ISSUED' || outcome.status === 'APPLIED') {
      const done = await this.gateway.result(decisionId);
      if (done.position) await this.ryw.reach(done.position);
    }
    const events = await this.runtime.store.readStream(nominationStreamName(nominationId));
    const n = foldRecorded<NominationEvent, NominationState>(nominationDecider, events);
    if (n.status === 'NONE') throw nominationNotFound();
    const result: CommandResult = {
      id: nominationId,
      status: n.status,
      onHold: n.onHold,
      revision: events.length - 1,
      position: Math.max(outcome.position, events[events.length - 1]?.position ?? 0),
      ...(n.decisionNumber ? { decisionNumber: n.decisionNumber } : {}),
    };
    return result;
  }

  /**
   * Revoking an award is a revocation decision (drafted and signed at once by the Chairman), numbered
   * like any decision. Once it is numbered its workflow revokes the award; the answer waits for that
   * (and for the read models), so the registry and the verification page show it revoked.
   */
  async revoke(
    nominationId: string,
    actor: Actor,
    body: { ground: string; reason: string; number?: string },
  ): Promise<CommandResult> {
    const id = randomUUID();
    const outcome = await this.run(id, actor, {
      type: 'IssueRevocation',
      nominationId,
      ground: body.ground,
      reason: body.reason,
      ...(body.number !== undefined ? { number: body.number } : {}),
    });
    return {
      ...(await this.settled(id, nominationId, outcome)),
      ...(outcome.decisionNumber ? { revocationDecisionNumber: outcome.decisionNumber } : {}),
      revocationDecisionId: id,
    };
  }

  /**
   * Issued decisions are public, as the registry is; drafts, declined and not-yet-numbered ones are
   * read by those who read every nomination (the council's circle). Others get 404, as for no decision.
   */
  private readable(actor: Actor | undefined, s: ExistingDecision): boolean {
    return issued(s) || mayReadCouncilSessions(actor);
  }

  /** The decision folded from its stream (the store is the truth). */
  async load(decisionId: string, actor?: Actor, opts: { bypassReadPolicy?: boolean } = {}): Promise<ExistingDecision> {
    const events = await this.runtime.store.readStream(awardDecisionStreamName(decisionId));
    const state = foldRecorded<AwardDecisionEvent, AwardDecisionState>(awardDecisionDecider, events);
    if (state.status === 'NONE' || (!opts.bypassReadPolicy && !this.readable(actor, state)))
      throw domainError('AWARD_DECISION_NOT_FOUND');
    return state;
  }

  async list(actor: Actor | undefined, q: ListAwardDecisionsQuery) {
    const rows = await listAwardDecisions(this.runtime.readDb, q);
    return mayReadCouncilSessions(actor) ? rows : rows.filter((r) => r.status === 'ISSUED' || r.status === 'APPLIED');
  }

  async view(decisionId: string, actor: Actor | undefined) {
    const s = await this.load(decisionId, actor);
    return {
      id: s.decisionId,
      kind: s.kind,
      authority: s.authority,
      authorityName: s.authorityName,
      numbering: s.numbering,
      title: s.title,
      status: s.status,
      decisionNumber: s.decisionNumber ?? null,
      year: s.year ?? null,
      draftedAt: s.draftedAt,
      signedAt: s.signedAt ?? null,
      recipients: s.recipients.length,
      bases: s.bases,
      awardCodes: s.awardCodes,
      baseSalary: s.baseSalary,
      recipientList: s.recipients.map(({ verificationCode: _secret, ...r }, i) => ({ no: i + 1, ...r })),
      removed: s.removed,
      signerName: s.signer?.name ?? null,
      declineReason: s.declineReason ?? null,
      total: s.recipients.reduce((sum, r) => sum + r.amount, 0),
    };
  }

  document(s: ExistingDecision): Promise<Buffer> {
    return renderPdf(decisionDocument(s));
  }

  async certificate(decisionId: string, nominationId: string, actor: Actor | undefined): Promise<Buffer> {
    const s = await this.load(decisionId, actor);
    const r = s.recipients.find((x) => x.nominationId === nominationId);
    if (!r) throw domainError('NOT_A_RECIPIENT', `Hồ sơ ${nominationId} không có trong quyết định`, 'nominationId');
    if (!issued(s)) throw domainError('DECISION_NOT_SIGNED', 'Quyết định chưa được ký và vào sổ: chưa in bằng');
    if (s.kind === 'REVOCATION')
      throw domainError('NOT_A_RECIPIENT', 'Quyết định hủy bỏ khen thưởng không có bằng khen', 'nominationId');
    return renderPdf(certificateDocument(s, r, `${this.runtime.config.publicUrl}/verify/${r.verificationCode}`));
  }

  /** SHA-256 of the signed decision's document: the same events always render the same bytes. */
  documentHash(s: ExistingDecision): Promise<string> {
    const key = `${s.decisionId}@${s.decisionNumber}`;
    let h = this.hashes.get(key);
    if (!h) {
      h = this.document(s).then(sha256);
      h.catch(() => this.hashes.delete(key));
      this.hashes.set(key, h);
    }
    return h;
  }

  /** The public verification of one award, by the code on its certificate. */
  async verify(code: string) {
    const award = await this.runtime.queries.getAwardByVerificationCode(code);
    if (!award) throw domainError('AWARD_DECISION_NOT_FOUND', 'Không tìm thấy khen thưởng với mã tra cứu này');
    const decision = award.decisionId
      ? await this.load(award.decisionId, undefined, { bypassReadPolicy: true }).catch(() => undefined)
      : undefined;
    return {
      code,
      status: award.revoked ? ('REVOKED' as const) : ('VALID' as const),
      recipient: award.nomineeName,
      awardCode: award.awardCode,
      awardName: award.awardName,
      unitId: award.unitId,
      decisionNumber: award.decisionNumber,
      signedAt: award.signedAt,
      year: award.signingYear,
      authority: decision?.authority ?? award.decisionNumber.split('-').slice(1).join('-'),
      authorityName: decision?.authorityName ?? null,
      decisionId: award.decisionId,
      documentSha256: decision && issued(decision) ? await this.documentHash(decision) : null,
      revokedAt: award.revokedAt,
      revocationGround: award.revocationGround,
      revocationDecisionNumber: award.revocationDecisionNumber,
      revocationYear: award.revocationYear,
    };
  }
}
