/**
 * The award-decision workflow's activities: one command on the decision's stream (load up to the
 * revision the workflow saw, add context — the listed nominations, the catalog's base salary and
 * authority profile, the number from the register —, decide, append with deterministic ids, and
 * the locks that belong to the command), and the check that every listed nomination was applied.
 * Safe to retry: a retry finds its own events by causation id and returns them; numbers are kept
 * per decision in the register; locks are idempotent for their holder.
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  DomainError,
  decisionRecipient,
  authorityProfile,
  awardDecisionDecider,
  awardDecisionStreamName,
  baseSalaryOn,
  domainError,
  guard,
  guardDecision,
  invalid,
  nominationDecider,
  nominationStreamName,
  numberClaimDecider,
  numberClaimStreamName,
  parseDecisionNumber,
  prepareDecisionSignature,
  recipientLockDecider,
  recipientLockStreamName,
  revocationLockStreamName,
  vietnamYear,
  type AwardCatalog,
  type AwardDecisionCommand,
  type AwardDecisionEvent,
  type AwardDecisionState,
  type DecisionRecipient,
  type ExistingDecision,
  type IssueRevocation,
  type IssueSingleDecision,
  type NotApplied,
  type ExistingNomination,
  type NominationEvent,
  type NominationState,
} from '@tdkt/domain';
import type { OrganisationDirectory } from '@tdkt/config';
import {
  ConcurrencyError,
  deterministicEventId,
  foldRecorded,
  handleCommand,
  loadStream,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@tdkt/event-store';
import { decisionApplyCommandId } from '../contracts';
import type {
  ApplyDecisionCommandInput,
  ApplyDecisionCommandResult,
  AwardDecisionActivities,
  DecisionApplication,
  DecisionIntent,
} from '../decision-contracts';
import { domainFailure } from '../domain-failure';
import { allocateDecisionNumber, yearOf } from './records';

export interface AwardDecisionActivityDeps {
  store: EventStore;
  directory: OrganisationDirectory;
  catalog: AwardCatalog;
  /** The organisation's own authority (awards the Chairman gives), e.g. UBND. */
  decisionAuthority: string;
}

const fold = (events: RecordedEvent[]): AwardDecisionState => foldRecorded(awardDecisionDecider, events);
const asEvent = (e: RecordedEvent) => ({ type: e.type, data: e.data }) as AwardDecisionEvent;

function metadata(event: AwardDecisionEvent, input: ApplyDecisionCommandInput): EventMetadata {
  const by = event.data.by;
  const m: EventMetadata = {
    actorId: by.userId,
    actorRole: by.role,
    occurredAt: input.now,
    correlationId: input.decisionId,
    causationId: input.commandId,
    schemaVersion: 1,
  };
  if (by.unitId !== undefined) m.actorUnitId = by.unitId;
  return m;
}

const systemMetadata = (correlationId: string, causationId: string): EventMetadata => ({
  actorId: 'system',
  actorRole: 'SYSTEM',
  occurredAt: new Date(0).toISOString(),
  correlationId,
  causationId,
  schemaVersion: 1,
});

/**
 * Why a recipient's nomination will not take a signed decision, or undefined while it still may:
 * it left the wait otherwise (withdrawn, decided elsewhere), or it was put on hold after the
 * signature — its workflow then refuses the decision once (a held nomination is not signed), and
 * waiting for it would wait forever: the decision records it as not applied instead.
 */
function notApplicable(events: RecordedEvent[], signedAt: string | undefined): string | undefined {
  const s = foldRecorded(nominationDecider, events);
  if (s.status === 'NONE') return 'Không tìm thấy hồ sơ';
  if (s.status !== 'AWAITING_SIGNATURE') return `Hồ sơ không còn chờ quyết định (${s.status})`;
  const held = events.find(
    (e) => e.type === 'NominationPutOnHold' && signedAt !== undefined && e.metadata.occurredAt >= signedAt,
  );
  if (held)
    return `Hồ sơ bị tạm dừng sau khi quyết định được ký (${String((held.data as { matter?: string }).matter ?? '')})`;
  return undefined;
}

export function createAwardDecisionActivities(deps: AwardDecisionActivityDeps): AwardDecisionActivities {
  const { store, directory, catalog, decisionAuthority } = deps;

  async function nomination(nominationId: unknown, field: string): Promise<ExistingNomination> {
    if (typeof nominationId !== 'string' || !nominationId) throw invalid('REQUIRED', 'Cần mã hồ sơ đề nghị', field);
    const { state } = await loadStream<NominationEvent, NominationState>(
      store,
      nominationStreamName(nominationId),
      nominationDecider,
    );
    if (state.status === 'NONE')
      throw domainError('NOMINATION_NOT_FOUND', `Không tìm thấy hồ sơ ${nominationId}`, field);
    return state;
  }

  /** The awarding authority's symbol: the organisation's own for the Chairman's awards. */
  const authorityOf = (n: ExistingNomination) => (n.award.awardedBy === 'CHAIRMAN' ? decisionAuthority : undefined);

  async function recipientsOf(
    ids: string[],
    codes: string[],
    now: string,
  ): Promise<{ recipients: DecisionRecipient[]; authority: string }> {
    if (!Array.isArray(ids) || ids.length === 0) throw invalid('REQUIRED', 'Cần danh sách hồ sơ', 'nominationIds');
    if (!Array.isArray(codes) || codes.length !== ids.length)
      throw invalid('REQUIRED', 'Cần một mã tra cứu cho mỗi hồ sơ', 'verificationCodes');
    const base = baseSalaryOn(catalog.baseSalary, now);
    const recipients: DecisionRecipient[] = [];
    let authority: string | undefined;
    for (const [i, id] of ids.entries()) {
      const field = `nominationIds[${i}]`;
      const n = await nomination(id, field);
      if (n.status !== 'AWAITING_SIGNATURE' || n.onHold)
        throw domainError(
          'NOT_AWAITING_DECISION',
          `Hồ sơ ${id} không chờ quyết định khen thưởng (${n.status}${n.onHold ? ', đang tạm dừng' : ''})`,
          field,
        );
      const a = authorityOf(n);
      if (!a || (authority && a !== authority))
        throw invalid(
          'MIXED_AUTHORITIES',
          `Hồ sơ ${id}: một quyết định chỉ gồm khen thưởng của một cấp ban hành`,
          field,
        );
      authority = a;
      recipients.push(decisionRecipient(n, directory.unit(n.unitId)?.name ?? n.unitId, base, String(codes[i])));
    }
    return { recipients, authority: authority! };
  }

  const catalogPolicy = () => {
    if (!catalog.decisions) throw domainError('NO_BASE_SALARY');
    return catalog.decisions;
  };

  const revocationLock = (type: 'Reserve' | 'Release', nominationId: string, decisionId: string, commandId: string) =>
    recipientLock(type, nominationId, decisionId, commandId, revocationLockStreamName(nominationId));

  async function recipientLock(
    type: 'Reserve' | 'Release',
    nominationId: string,
    decisionId: string,
    commandId: string,
    stream = recipientLockStreamName(nominationId),
  ) {
    await handleCommand(
      store,
      stream,
      recipientLockDecider,
      { type, nominationId, decisionId },
      {
        envelope: (_e, i) => ({
          id: deterministicEventId(stream, commandId, `${type}-${i}`),
          metadata: systemMetadata(decisionId, commandId),
        }),
        maxAttempts: 10,
      },
    );
  }

  /** Every recipient reserved for this decision, or none. */
  async function reserveAll(recipients: DecisionRecipient[], decisionId: string, commandId: string) {
    const done: string[] = [];
    for (const [i, r] of recipients.entries()) {
      try {
        await recipientLock('Reserve', r.nominationId, decisionId, commandId);
        done.push(r.nominationId);
      } catch (err) {
        for (const id of done) await recipientLock('Release', id, decisionId, `${commandId}-undo`);
        if (err instanceof DomainError) throw new DomainError(err.kind, err.code, err.message, `nominationIds[${i}]`);
        throw err;
      }
    }
  }

  async function claimNumber(s: ExistingDecision, decisionNumber: string, commandId: string) {
    const sequence = parseDecisionNumber(decisionNumber, s.authority)!;
    const stream = numberClaimStreamName(s.authority, s.year!, sequence);
    await handleCommand(
      store,
      stream,
      numberClaimDecider,
      { type: 'Claim', authority: s.authority, year: s.year!, decisionNumber, decisionId: s.decisionId },
      {
        envelope: () => ({
          id: deterministicEventId(stream, s.decisionId),
          metadata: systemMetadata(s.decisionId, commandId),
        }),
        maxAttempts: 10,
      },
    );
  }

  async function buildCommand(
    input: ApplyDecisionCommandInput,
    state: AwardDecisionState,
  ): Promise<AwardDecisionCommand> {
    const { intent, actor, now, decisionId } = input;
    const base = { decisionId, actor, now };
    switch (intent.type) {
      case 'DraftDecision': {
        const policy = catalogPolicy();
        const { recipients, authority } = await recipientsOf(intent.nominationIds, intent.verificationCodes, now);
        const profile = authorityProfile(policy, authority);
        const bases = Array.isArray(intent.bases) && intent.bases.length ? intent.bases : policy.defaultBases;
        return {
          ...base,
          type: 'DraftDecision',
          kind: 'AWARD',
          authority,
          authorityName: profile.name,
          place: profile.place,
          numbering: profile.numbering,
          title: intent.title,
          bases,
          awardCodes: Array.isArray(intent.awardCodes) ? intent.awardCodes : [],
          recipients,
          baseSalary: baseSalaryOn(catalog.baseSalary, now),
        };
      }
      case 'RemoveRecipient':
        return { ...base, type: 'RemoveRecipient', nominationId: intent.nominationId, reason: intent.reason };
      case 'SignDecision': {
        const s = state as ExistingDecision;
        prepareDecisionSignature(
          intent.number !== undefined ? { number: String(intent.number).normalize('NFC').trim() } : {},
          s,
        );
        // Separation of duties, stage and hold: the nomination's own signature rule, for every recipient.
        for (const [i, r] of s.recipients.entries()) {
          const n = await nomination(r.nominationId, `recipients[${i}]`);
          try {
            guard('SignAwardDecision', actor, n);
          } catch (err) {
            if (err instanceof DomainError)
              throw new DomainError(
                err.kind,
                err.code,
                `Hồ sơ ${r.nominationId} (${r.nomineeName}): ${err.message}`,
                `recipients[${i}]`,
              );
            throw err;
          }
        }
        const profile = authorityProfile(catalog.decisions, s.authority);
        const year = yearOf(now);
        const signed = {
          ...base,
          type: 'SignDecision' as const,
          signerName: actor.displayName ?? actor.userId,
          signerTitle: profile.signerTitle,
          year,
          ...(intent.comment ? { comment: intent.comment } : {}),
        };
        if (s.numbering === 'external') {
          if (!intent.number) return signed;
          const decisionNumber = intent.number.normalize('NFC').trim();
          await claimNumber({ ...s, year }, decisionNumber, input.commandId);
          return { ...signed, decisionNumber, sequence: parseDecisionNumber(decisionNumber, s.authority)! };
        }
        const decisionNumber = await allocateDecisionNumber(store, {
          authority: s.authority,
          nominationId: `decision:${decisionId}`,
          now,
          actor,
          commandId: input.commandId,
        });
        return { ...signed, decisionNumber, sequence: parseDecisionNumber(decisionNumber, s.authority)! };
      }
      case 'IssueRevocation':
        return revocationCommand(input, intent);
      case 'IssueSingleDecision':
        return singleDecisionCommand(input, intent);
      case 'DeclineDecision':
        return { ...base, type: 'DeclineDecision', reason: intent.reason };
      case 'RegisterDecisionNumber':
        return { ...base, type: 'RegisterDecisionNumber', decisionNumber: intent.number };
      case 'RecordDecisionApplied':
        return {
          ...base,
          type: 'RecordDecisionApplied',
          ...(intent.notApplied?.length ? { notApplied: intent.notApplied } : {}),
        };
      default:
        throw invalid('INTENT_TYPE', `Thao tác không hợp lệ: ${(intent as { type?: string }).type}`, 'type');
    }
  }

  /**
   * What a decision about one nomination (a revocation, a one-recipient signature) starts from: the
   * nomination checked as its own command would be, its authority and that authority's numbering, and
   * the office's number if one was given (NFC, trimmed).
   */
  async function oneNominationDecision(
    input: ApplyDecisionCommandInput,
    intent: { nominationId: string; number?: string },
    as: 'RevokeAward' | 'SignAwardDecision',
  ) {
    const policy = catalogPolicy();
    const n = await nomination(intent.nominationId, 'nominationId');
    guard(as, input.actor, n);
    const authority = authorityOf(n) ?? decisionAuthority;
    const profile = authorityProfile(policy, authority);
    const number = intent.number !== undefined ? String(intent.number).normalize('NFC').trim() : undefined;
    return { policy, n, authority, profile, number };
  }

  /**
   * The revocation decision of an awarded nomination: checked as the nomination's own revocation
   * (role, nominee, AWARDED), the nomination reserved for this one revocation, then numbered — from
   * the register after every check (gap-free), or the office's number claimed under `external`.
   */
  async function revocationCommand(
    input: ApplyDecisionCommandInput,
    intent: Extract<DecisionIntent, { type: 'IssueRevocation' }>,
  ): Promise<IssueRevocation> {
    const { actor, now, decisionId, commandId } = input;
    const { policy, n, authority, profile, number } = await oneNominationDecision(input, intent, 'RevokeAward');
    if (profile.numbering === 'register' && number !== undefined)
      throw invalid(
        'NUMBERING_MODE',
        `Số quyết định của ${authority} do hệ thống cấp theo sổ đăng ký khi ký; không nhập số`,
        'number',
      );
    if (number !== undefined && parseDecisionNumber(number, authority) === undefined)
      throw invalid('DECISION_NUMBER', `Số quyết định phải có dạng 163/QĐ-${authority}`, 'number');
    const signedAt = n.signedAt ?? now;
    const baseSalary = baseSalaryOn(catalog.baseSalary, signedAt);
    const signature = (await store.readStream(nominationStreamName(n.nominationId))).find(
      (e) => e.type === 'AwardDecisionSigned',
    )?.data as { verificationCode?: string } | undefined;
    const year = yearOf(now);
    const command: IssueRevocation = {
      type: 'IssueRevocation',
      decisionId,
      actor,
      now,
      authority,
      authorityName: profile.name,
      place: profile.place,
      numbering: profile.numbering,
      bases: policy.defaultBases,
      // The revoked award's own code: its verification page shows it revoked.
      recipient: decisionRecipient(
        n,
        directory.unit(n.unitId)?.name ?? n.unitId,
        baseSalary,
        signature?.verificationCode ?? '',
      ),
      baseSalary,
      revokes: {
        decisionNumber: n.decisionNumber ?? '',
        year: vietnamYear(signedAt),
        signedAt,
        ground: intent.ground,
        reason: intent.reason,
      },
      signerName: actor.displayName ?? actor.userId,
      signerTitle: profile.signerTitle,
      year,
    };
    // Everything but the number may refuse here, before a lock or a number is taken.
    awardDecisionDecider.decide(
      { ...command, ...(profile.numbering === 'register' ? { decisionNumber: `1/QĐ-${authority}` } : {}) },
      { status: 'NONE' },
    );
    // A number already used is refused before anything is written (the claim below settles a race).
    if (number !== undefined) await numberFree(authority, year, number, decisionId);
    await revocationLock('Reserve', n.nominationId, decisionId, commandId);
    try {
      if (number !== undefined) {
        await claimNumber({ authority, year, decisionId } as ExistingDecision, number, commandId);
        return { ...command, decisionNumber: number };
      }
    } catch (err) {
      await revocationLock('Release', n.nominationId, decisionId, `${commandId}-undo`);
      throw err;
    }
    if (profile.numbering === 'external') return command; // the office registers the number later
    const decisionNumber = await allocateDecisionNumber(store, {
      authority,
      nominationId: `decision:${decisionId}`,
      now,
      actor,
      commandId,
    });
    return { ...command, decisionNumber };
  }

  /** A number given by the office, refused before anything is written when another decision holds it. */
  async function numberFree(authority: string, year: number, number: string, decisionId: string) {
    const claim = numberClaimStreamName(authority, year, parseDecisionNumber(number, authority)!);
    const { state: held } = await loadStream(store, claim, numberClaimDecider);
    if (held.holder && held.holder !== decisionId)
      throw domainError(
        'DECISION_NUMBER_TAKEN',
        `Số ${number} năm ${year} đã được dùng cho quyết định khác của ${authority}`,
        'number',
      );
  }

  /**
   * One nomination signed alone under `external` numbering: checked as the nomination's own signature
   * (role, stage, hold, separation of duties), its lock taken (not on another decision), then the
   * office's number claimed if given — everything refused before anything is written.
   */
  async function singleDecisionCommand(
    input: ApplyDecisionCommandInput,
    intent: Extract<DecisionIntent, { type: 'IssueSingleDecision' }>,
  ): Promise<IssueSingleDecision> {
    const { actor, now, decisionId, commandId } = input;
    const { policy, n, authority, profile, number } = await oneNominationDecision(input, intent, 'SignAwardDecision');
    const baseSalary = baseSalaryOn(catalog.baseSalary, now);
    const year = yearOf(now);
    const command: IssueSingleDecision = {
      type: 'IssueSingleDecision',
      decisionId,
      actor,
      now,
      authority,
      authorityName: profile.name,
      place: profile.place,
      numbering: profile.numbering,
      title: `Về việc tặng ${n.award.name}`,
      bases: policy.defaultBases,
      recipient: decisionRecipient(n, directory.unit(n.unitId)?.name ?? n.unitId, baseSalary, intent.verificationCode),
      baseSalary,
      signerName: actor.displayName ?? actor.userId,
      signerTitle: profile.signerTitle,
      year,
      ...(intent.comment ? { comment: intent.comment } : {}),
    };
    const numbered =
      number !== undefined ? { decisionNumber: number, sequence: parseDecisionNumber(number, authority) } : {};
    // Numbering mode and the number's form refuse here, before the lock or the claim.
    awardDecisionDecider.decide({ ...command, ...numbered } as IssueSingleDecision, { status: 'NONE' });
    if (number === undefined) {
      await recipientLock('Reserve', n.nominationId, decisionId, commandId);
      return command; // the office registers the number later
    }
    await numberFree(authority, year, number, decisionId);
    await recipientLock('Reserve', n.nominationId, decisionId, commandId);
    try {
      await claimNumber({ authority, year, decisionId } as ExistingDecision, number, commandId);
    } catch (err) {
      await recipientLock('Release', n.nominationId, decisionId, `${commandId}-undo`);
      throw err;
    }
    return { ...command, decisionNumber: number, sequence: parseDecisionNumber(number, authority)! };
  }

  /** Locks released with the events that free a nomination: removed from the draft, or the draft declined. */
  async function releaseLocks(
    input: ApplyDecisionCommandInput,
    events: AwardDecisionEvent[],
    before: AwardDecisionState,
  ) {
    for (const e of events) {
      if (e.type === 'DecisionRecipientRemoved')
        await recipientLock('Release', e.data.nominationId, input.decisionId, input.commandId);
      // Not applied (held after the signature…): the nomination may be listed on a later decision.
      if (e.type === 'DecisionApplied')
        for (const n of e.data.notApplied ?? [])
          await recipientLock('Release', n.nominationId, input.decisionId, input.commandId);
      if (e.type === 'DecisionDeclined' && before.status !== 'NONE')
        for (const r of before.recipients)
          await recipientLock('Release', r.nominationId, input.decisionId, input.commandId);
    }
  }

  async function apply(input: ApplyDecisionCommandInput): Promise<ApplyDecisionCommandResult> {
    const stream = awardDecisionStreamName(input.decisionId);
    const all = await store.readStream(stream);
    const mine = all.filter((e) => e.revision > input.expectedRevision && e.metadata.causationId === input.commandId);
    const state = fold(all.filter((e) => e.revision <= input.expectedRevision));
    if (mine.length) {
      // An earlier attempt appended: report what was stored, redo the (idempotent) locks.
      const events = mine.map(asEvent);
      await releaseLocks(input, events, state);
      const last = mine[mine.length - 1];
      return { events, revision: last.revision, position: last.position };
    }
    guardDecision(input.intent.type, input.actor, state);
    const command = await buildCommand(input, state);
    const events = awardDecisionDecider.decide(command, state);
    for (const e of events) {
      // A revocation holds its own lock (taken while numbering it), not the award's.
      if (e.type === 'AwardDecisionDrafted' && e.data.kind !== 'REVOCATION')
        await reserveAll(e.data.recipients, input.decisionId, input.commandId);
      if (e.type === 'DecisionNumberRegistered')
        await claimNumber({ ...(state as ExistingDecision) }, e.data.decisionNumber, input.commandId);
    }
    let revision = input.expectedRevision;
    let position = 0;
    if (events.length) {
      try {
        const handled = await handleCommand(store, stream, awardDecisionDecider, command, {
          load: async () => ({ state, revision: input.expectedRevision }),
          envelope: (event, i) => ({
            id: deterministicEventId(input.decisionId, input.commandId, String(i)),
            metadata: metadata(event, input),
          }),
        });
        revision = handled.revision;
        position = handled.position ?? 0;
      } catch (err) {
        if (err instanceof ConcurrencyError) throw domainError('CONCURRENT_CHANGE');
        throw err;
      }
    }
    await releaseLocks(input, events, state);
    return { events, revision, position };
  }

  async function awaitDecisionApplied(input: {
    decisionId: string;
    nominationIds: string[];
  }): Promise<DecisionApplication> {
    const applied: string[] = [];
    const notApplied: NotApplied[] = [];
    const pending: string[] = [];
    const decision = fold(await store.readStream(awardDecisionStreamName(input.decisionId)));
    const signedAt = decision.status === 'NONE' ? undefined : decision.signedAt;
    for (const id of input.nominationIds) {
      const events = await store.readStream(nominationStreamName(id));
      const commandId = decisionApplyCommandId(input.decisionId, id);
      if (events.some((e) => e.metadata.causationId === commandId)) {
        applied.push(id);
        continue;
      }
      const why = notApplicable(events, signedAt);
      if (why) notApplied.push({ nominationId: id, reason: why });
      else pending.push(id);
    }
    if (pending.length)
      throw ApplicationFailure.retryable(
        `${pending.length} of ${input.nominationIds.length} not applied yet`,
        'NotYetApplied',
      );
    return { applied, skipped: notApplied.map((n) => n.nominationId), notApplied };
  }

  return {
    async applyDecisionCommand(input) {
      try {
        return await apply(input);
      } catch (err) {
        if (err instanceof DomainError) throw domainFailure(err);
        throw err;
      }
    },
    awaitDecisionApplied,
  };
}
