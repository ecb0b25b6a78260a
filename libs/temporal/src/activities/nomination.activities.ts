/**
 * The one activity the nomination workflows call: load the nomination stream (up to the revision
 * the workflow's state reflects), add the context the decider needs, decide, append with
 * deterministic event ids, and record the award (or its revocation) in the nominee's record.
 * Safe to retry: a retry decides on the same state and re-appends the same ids (the store makes
 * that a no-op), decision numbers are reused per nomination, nominee records deduplicate.
 */
import { Context } from '@temporalio/activity';
import {
  Actor,
  AwardCatalog,
  DomainError,
  NominationCommand,
  NominationEvent,
  NominationState,
  Nominee,
  PriorAward,
  amountAtSigning,
  authorityProfile,
  awardDecisionDecider,
  awardDecisionStreamName,
  personDecider,
  personStreamName,
  domainError,
  evolve,
  findAward,
  guard,
  hasRole,
  invalid,
  isThematicAward,
  isTerminal,
  nominationDecider,
  nominationStreamName,
  prepareSignature,
  nominableSubUnit,
  parentUnitOf,
  subUnitsDecider,
  subUnitsStreamName,
} from '@tdkt/domain';
import type { OrganisationDirectory } from '@tdkt/config';
import {
  ConcurrencyError,
  deterministicEventId,
  foldRecorded,
  handleCommand,
  loadStream,
  type EventStore,
  type HandledCommand,
  type RecordedEvent,
} from '@tdkt/event-store';
import type { ApplyCommandInput, ApplyCommandResult, DecisionSignedSignal, NominationActivities } from '../contracts';
import { campaignForNomination, requireCampaign } from '../campaigns/nomination-campaign';
import { domainFailure } from '../domain-failure';
import type { SecretKeyStore } from '../secret-ballot/key-store';
import { nominationEventMetadata } from './event-metadata';
import { createHash } from 'node:crypto';
import { loadNoticeGate } from '../public-notice/notice-store';
import { recordSingleDecision, singleDecisionId } from './single-decision';
import {
  allocateDecisionNumber,
  readNomineeNominations,
  yearOf,
  recordNomineeAward,
  recordNomineeNomination,
  recordNomineeRevocation,
  type Logger,
} from './records';
import { readPriorAwards } from './prior-awards';

export interface NominationActivityDeps {
  store: EventStore;
  directory: OrganisationDirectory;
  catalog: AwardCatalog;
  /** Issuing authority symbol of decision numbers (organisation `decisionAuthority`, e.g. UBND). */
  decisionAuthority: string;
  logger?: Logger;
  /** Private keys of secret council items (council sessions); default: in this process's memory. */
  secretKeys?: SecretKeyStore;
}

const consoleLogger: Logger = {
  warn: (message, meta) => console.warn(message, meta ?? ''),
  error: (message, meta) => console.error(message, meta ?? ''),
};

function currentLogger(fallback: Logger): Logger {
  try {
    return Context.current().log;
  } catch {
    return fallback;
  }
}

const fold = (events: RecordedEvent[]): NominationState => foldRecorded(nominationDecider, events);

/** A nomination as the award it proposes (for "one achievement, one award" against other nominations). */
const nominationAsAward = (s: Extract<NominationState, { nominationId: string }>): PriorAward => ({
  awardCode: s.award.code,
  campaignId: s.campaign.id,
  year: s.campaign.year,
  nominationId: s.nominationId,
  oneOff: s.oneOff,
  ...(s.award.thematic ? { thematic: true } : {}),
});

const toDomainEvent = (e: RecordedEvent): NominationEvent => ({ type: e.type, data: e.data }) as NominationEvent;

/** 128 bits of a SHA-256, base64url: the public verification code of an award. */
export const verificationCodeOf = (seed: string) =>
  createHash('sha256').update(seed).digest().subarray(0, 16).toString('base64url');

export function createNominationActivities(deps: NominationActivityDeps): NominationActivities {
  const { store, directory, catalog, decisionAuthority } = deps;
  const fallbackLogger = deps.logger ?? consoleLogger;

  const priorAwardsOf = (nomineeId: string) => readPriorAwards(store, nomineeId);

  /**
   * The nominee's other nominations still in progress (their own streams say so: drafted for this
   * nominee, not ended), as the award each proposes for its year: the same achievement proposed twice
   * is refused at drafting and submission, not only at the second signature.
   */
  async function pendingOf(nomineeId: string, exceptNominationId: string): Promise<PriorAward[]> {
    const claims = await readNomineeNominations(store, nomineeId);
    const pending: PriorAward[] = [];
    for (const claim of claims) {
      if (claim.nominationId === exceptNominationId) continue;
      const other = fold(await store.readStream(nominationStreamName(claim.nominationId)));
      if (other.status === 'NONE' || isTerminal(other.status) || other.nominee.nomineeId !== nomineeId) continue;
      pending.push(nominationAsAward(other));
    }
    return pending;
  }

  /**
   * The amount an award decision recorded for this recipient when it was drafted: carried by the
   * decision's signal; read from the decision's stream only for a signal sent before it was carried.
   */
  async function decisionAmountOf(decision: DecisionSignedSignal, nominationId: string): Promise<number | undefined> {
    if (typeof decision.amountVnd === 'number') return decision.amountVnd;
    const { state } = await loadStream(store, awardDecisionStreamName(decision.decisionId), awardDecisionDecider);
    if (state.status === 'NONE') return undefined;
    return state.recipients.find((r) => r.nominationId === nominationId)?.amount;
  }

  /** "One achievement, one award" kinds and exceptions of the catalog, for the commands that check it. */
  const oneAward = catalog.oneAchievementOneAward ? { oneAward: catalog.oneAchievementOneAward } : {};

  /**
   * A nominee naming a person of the register: the snapshot the nomination keeps is the register's
   * (name, gender, position, direct-worker flag), with the unit the person works in now.
   */
  async function fromRegister(
    nominee: Nominee,
    draftingUnitId: string,
  ): Promise<{ nominee: Nominee; personUnitId?: string }> {
    if (nominee.subUnitId) return { nominee: await subUnitNominee(nominee, nominee.subUnitId, draftingUnitId) };
    if (!nominee.personId) return { nominee };
    const person = await loadStream(store, personStreamName(nominee.personId), personDecider);
    if (person.state.status !== 'REGISTERED') throw domainError('PERSON_NOT_FOUND');
    const p = person.state;
    return {
      personUnitId: p.unitId,
      nominee: {
        kind: 'individual',
        name: p.fullName,
        nomineeId: p.personId,
        personId: p.personId,
        ...(nominee.userId ? { userId: nominee.userId } : {}),
        ...(p.position ? { position: p.position } : {}),
        ...(p.gender ? { gender: p.gender } : {}),
        ...(p.directWorker !== undefined ? { directWorker: p.directWorker } : {}),
      },
    };
  }

  /** A sub-unit of the drafting unit as a collective nominee: its name from the unit's list, its id its own. */
  async function subUnitNominee(nominee: Nominee, subUnitId: string, draftingUnitId: string): Promise<Nominee> {
    const parent = parentUnitOf(subUnitId);
    if (!parent) throw domainError('SUB_UNIT_NOT_FOUND');
    const { state } = await loadStream(store, subUnitsStreamName(parent), subUnitsDecider);
    const found = nominableSubUnit(state, subUnitId, draftingUnitId);
    if (nominee.kind !== 'collective')
      throw invalid('RECIPIENT_KIND', 'Bộ phận trực thuộc được đề nghị là tập thể (kind: collective)', 'nominee.kind');
    return {
      kind: 'collective',
      name: found.name,
      nomineeId: found.subUnitId,
      subUnitId: found.subUnitId,
      ...(nominee.grassroots !== undefined ? { grassroots: nominee.grassroots } : {}),
    };
  }

  /** Intent + actor + now + context → the domain command. */
  async function buildCommand(input: ApplyCommandInput, state: NominationState): Promise<NominationCommand> {
    const { intent, actor, now, nominationId } = input;
    const base = { nominationId, actor, now, ...(intent.comment !== undefined ? { comment: intent.comment } : {}) };
    switch (intent.type) {
      case 'DraftNomination': {
        const unitId = actor.unitId ?? '';
        const clusterId = directory.unit(unitId)?.clusterId ?? actor.clusterId ?? '';
        // The campaign's stream (its status, registrations, the cluster's ranking), else the organisation file's line.
        const { campaign, rules } = await requireCampaign(deps, intent.campaignId, clusterId);
        const award = findAward(catalog, intent.awardCode);
        if (!award) throw invalid('UNKNOWN_AWARD', `Không có hình thức khen thưởng ${intent.awardCode}`, 'awardCode');
        if (!intent.nominee || typeof intent.nominee.nomineeId !== 'string' || !intent.nominee.nomineeId)
          throw invalid('REQUIRED', 'Cần mã định danh người/tập thể được đề nghị', 'nominee.nomineeId');
        const { nominee, personUnitId } = await fromRegister(intent.nominee, unitId);
        return {
          ...base,
          type: 'DraftNomination',
          unitId,
          clusterId,
          campaign,
          ...(rules ? { campaignRules: rules } : {}),
          award,
          nominee,
          ...(personUnitId !== undefined ? { personUnitId } : {}),
          achievements: intent.achievements,
          ...(intent.documents ? { documents: intent.documents } : {}),
          ...(intent.oneOff !== undefined ? { oneOff: intent.oneOff } : {}),
          priorAwards: await priorAwardsOf(nominee.nomineeId),
          pendingNominations: await pendingOf(nominee.nomineeId, nominationId),
          ...oneAward,
          ...(input.stageLimits ? { stageLimits: input.stageLimits } : {}),
        };
      }
      case 'EditNomination': {
        const changes = intent.changes ?? {};
        if (!changes.nominee?.personId && !changes.nominee?.subUnitId)
          return { ...base, type: 'EditNomination', changes };
        const drafting = state.status === 'NONE' ? (actor.unitId ?? '') : state.unitId;
        const { nominee, personUnitId } = await fromRegister(changes.nominee, drafting);
        return {
          ...base,
          type: 'EditNomination',
          changes: { ...changes, nominee },
          ...(personUnitId !== undefined ? { personUnitId } : {}),
        };
      }
      case 'SubmitNomination': {
        const s = state as Extract<NominationState, { nominationId: string }>;
        // The campaign as it stands now (a province may extend its deadline), else as drafted.
        const campaign = (await campaignForNomination(deps, s.campaign.id))?.campaign ?? s.campaign;
        return {
          ...base,
          type: 'SubmitNomination',
          ...('oneOff' in intent && intent.oneOff !== undefined ? { oneOff: intent.oneOff } : {}),
          ...('submission' in intent && intent.submission ? { submission: intent.submission } : {}),
          ...(input.officeCheck ? { officeCheck: true } : {}),
          campaign,
          priorAwards: await priorAwardsOf(s.nominee.nomineeId),
          pendingNominations: await pendingOf(s.nominee.nomineeId, nominationId),
          ...oneAward,
        };
      }
      case 'ResubmitNomination':
        return {
          ...base,
          type: 'ResubmitNomination',
          ...('oneOff' in intent && intent.oneOff !== undefined ? { oneOff: intent.oneOff } : {}),
          ...('submission' in intent && intent.submission ? { submission: intent.submission } : {}),
          ...(input.officeCheck ? { officeCheck: true } : {}),
        };
      case 'ReviewAtCluster':
        return {
          ...base,
          type: 'ReviewAtCluster',
          decision: intent.decision,
          ...(input.officeCheck ? { officeCheck: true } : {}),
        };
      case 'RecordOfficeCheck':
        return {
          ...base,
          type: 'RecordOfficeCheck',
          result: intent.result,
          ...(intent.missing !== undefined ? { missing: intent.missing } : {}),
        };
      case 'OpenCouncilVoting': {
        if (!input.councilDeadline) throw invalid('DEADLINE', 'Thiếu hạn biểu quyết', 'deadline');
        const s = state as Extract<NominationState, { nominationId: string }>;
        return {
          ...base,
          type: 'OpenCouncilVoting',
          members: directory.councilMembers(),
          deadline: input.councilDeadline,
          notice: await loadNoticeGate(store, catalog, s.award.code, nominationId),
          ...(state.status === 'NONE' ? {} : { priorAwards: await priorAwardsOf(state.nominee.nomineeId) }),
        };
      }
      case 'CastCouncilVote':
        return {
          ...base,
          type: 'CastCouncilVote',
          choice: intent.choice,
          ...(intent.inWriting !== undefined ? { inWriting: intent.inWriting } : {}),
        };
      case 'RecuseFromCouncil':
        return { ...base, type: 'RecuseFromCouncil' };
      case 'CloseCouncilVoting': {
        // Only the workflow's clock (SYSTEM) closes on ALL_VOTED / DEADLINE; a person closes as SECRETARY.
        const trigger =
          hasRole(actor, 'SYSTEM') && 'trigger' in intent && intent.trigger ? intent.trigger : 'SECRETARY';
        return { ...base, type: 'CloseCouncilVoting', trigger };
      }
      case 'RecordSessionOutcome': {
        const r = intent.result;
        return {
          ...base,
          type: 'RecordSessionOutcome',
          sessionId: intent.sessionId,
          tally: r.tally,
          rule: r.rule,
          outcome: r.outcome,
          ...(r.secret ? { secret: r.secret } : {}),
        };
      }
      case 'SignAwardDecision': {
        const s = state as Extract<NominationState, { nominationId: string }>;
        const priorAwards = await priorAwardsOf(s.nominee.nomineeId);
        // Step 1 before a number is allocated: a refused signature must not consume one (gap-free).
        prepareSignature({ ...base, type: 'SignAwardDecision', priorAwards, ...oneAward }, state);
        if (input.decision) {
          // One recipient of a signed award decision: its number, code and the amount it fixed when drafted.
          const amountVnd = amountAtSigning(
            catalog.baseSalary ?? [],
            now,
            s.award.cashMultiple,
            await decisionAmountOf(input.decision, nominationId),
          );
          return {
            ...base,
            type: 'SignAwardDecision',
            decisionNumber: input.decision.decisionNumber,
            priorAwards,
            ...oneAward,
            decisionId: input.decision.decisionId,
            verificationCode: input.decision.verificationCode,
            ...(amountVnd !== undefined ? { amountVnd } : {}),
          };
        }
        // The office numbers this authority's decisions (`external`): never from this system's register.
        if (!s.decisionNumber && authorityProfile(catalog.decisions, decisionAuthority).numbering === 'external')
          throw invalid(
            'NUMBERING_MODE',
            `Số quyết định của ${decisionAuthority} do văn thư vào sổ đăng ký văn bản: ký qua quyết định một người, không cấp số từ sổ của hệ thống`,
            'number',
          );
        const decisionNumber =
          s.decisionNumber ??
          (await allocateDecisionNumber(store, {
            authority: decisionAuthority,
            nominationId,
            now,
            actor,
            commandId: input.commandId,
          }));
        // The command id is a random UUID from the API, fixed across retries: an unguessable, stable code.
        const verificationCode = verificationCodeOf(`${input.commandId}:${nominationId}`);
        // A decision with one recipient: its own decision stream (written after the signature, see afterApplied).
        const decisionId = singleDecisionId(nominationId);
        const amountVnd = amountAtSigning(catalog.baseSalary ?? [], now, s.award.cashMultiple);
        return {
          ...base,
          type: 'SignAwardDecision',
          decisionNumber,
          priorAwards,
          ...oneAward,
          verificationCode,
          decisionId,
          ...(amountVnd !== undefined ? { amountVnd } : {}),
        };
      }
      case 'DeclineSignature':
        return { ...base, type: 'DeclineSignature' };
      case 'PutOnHold':
        return { ...base, type: 'PutOnHold', matter: intent.matter };
      case 'ReleaseFromHold':
        return { ...base, type: 'ReleaseFromHold' };
      case 'WithdrawNomination':
        return { ...base, type: 'WithdrawNomination' };
      case 'RevokeAward': {
        // Applied by a revocation decision (award-decision workflow): that decision's number and year.
        if (input.revocation)
          return {
            ...base,
            type: 'RevokeAward',
            ground: intent.ground,
            revocationDecisionNumber: input.revocation.decisionNumber,
            revocationYear: input.revocation.year,
          };
        // The revocation workflow of before revocation decisions: its own number from the same register.
        const revocationDecisionNumber = await allocateDecisionNumber(store, {
          authority: decisionAuthority,
          nominationId: `revocation:${nominationId}`,
          now,
          actor,
          commandId: input.commandId,
        });
        return {
          ...base,
          type: 'RevokeAward',
          ground: intent.ground,
          revocationDecisionNumber,
          revocationYear: yearOf(now),
        };
      }
      case 'ForwardToCentral':
        return {
          ...base,
          type: 'ForwardToCentral',
          submissionNumber: intent.submissionNumber,
          submissionDate: intent.submissionDate,
        };
      case 'RecordCentralDecision': {
        const s = state as Extract<NominationState, { nominationId: string }>;
        return {
          ...base,
          type: 'RecordCentralDecision',
          approved: intent.approved,
          ...(intent.decisionNumber !== undefined ? { decisionNumber: intent.decisionNumber } : {}),
          ...(intent.decisionDate !== undefined ? { decisionDate: intent.decisionDate } : {}),
          ...(intent.authority !== undefined ? { authority: intent.authority } : {}),
          ...(intent.reason !== undefined ? { reason: intent.reason } : {}),
          priorAwards: await priorAwardsOf(s.nominee.nomineeId),
        };
      }
      case 'IssueStageReminder':
        return { ...base, type: 'IssueStageReminder', stage: intent.stage, dueAt: intent.dueAt };
      case 'EscalateStage':
        return { ...base, type: 'EscalateStage', stage: intent.stage, dueAt: intent.dueAt };
      default:
        throw invalid('INTENT_TYPE', `Thao tác không hợp lệ: ${(intent as { type?: string }).type}`, 'type');
    }
  }

  /** Side effects of applied events on other streams; each is idempotent. */
  async function afterApplied(
    events: NominationEvent[],
    stateAfter: NominationState,
    input: ApplyCommandInput,
  ): Promise<void> {
    if (stateAfter.status === 'NONE') return;
    for (const e of events) {
      try {
        // The nominee's record knows the nominations drafted for them (a new nominee after an edit too).
        if (e.type === 'NominationDrafted' || (e.type === 'NominationEdited' && e.data.changes.nominee)) {
          await recordNomineeNomination(store, {
            nomineeId: stateAfter.nominee.nomineeId,
            nomination: nominationAsAward(stateAfter),
            now: input.now,
            actor: input.actor,
            causationId: input.commandId,
          });
        } else if (e.type === 'AwardDecisionSigned' || e.type === 'CentralAwardDecided') {
          const award: PriorAward = {
            awardCode: e.data.awardCode,
            campaignId: e.data.campaignId,
            year: e.data.year,
            nominationId: e.data.nominationId,
            decisionNumber: e.data.decisionNumber,
            oneOff: e.data.oneOff,
            // The award form's flag or the campaign's kind: a thematic award is no ground for higher titles.
            ...(isThematicAward(stateAfter.award, stateAfter.campaign) ? { thematic: true } : {}),
          };
          await recordNomineeAward(store, {
            nomineeId: e.data.nominee.nomineeId,
            award,
            now: input.now,
            source: 'SIGNED',
            actor: input.actor,
            causationId: input.commandId,
          });
          if (e.type === 'AwardDecisionSigned' && e.data.decisionId === singleDecisionId(e.data.nominationId))
            await recordSingleDecision(store, {
              nomination: stateAfter,
              decisionNumber: e.data.decisionNumber,
              verificationCode: e.data.verificationCode ?? '',
              authority: decisionAuthority,
              catalog,
              directory,
              actor: input.actor,
              now: e.data.at,
              causationId: input.commandId,
            });
        } else if (e.type === 'AwardRevoked') {
          await recordNomineeRevocation(store, {
            nomineeId: stateAfter.nominee.nomineeId,
            nominationId: e.data.nominationId,
            ground: e.data.ground,
            now: input.now,
            actor: input.actor,
            causationId: input.commandId,
          });
        }
      } catch (err) {
        // Only a race between two signatures of the same award for the same nominee and campaign gets
        // here (the signature checked the record first). The nomination's events stand; say so loudly.
        if (err instanceof DomainError)
          currentLogger(fallbackLogger).error('Nominee record not updated', {
            nominationId: input.nominationId,
            code: err.code,
            message: err.message,
          });
        else throw err;
      }
    }
  }

  /** The outcome of events of this command already in the stream (an earlier attempt wrote them). */
  async function alreadyApplied(
    input: ApplyCommandInput,
    upTo: RecordedEvent[],
    mine: RecordedEvent[],
  ): Promise<ApplyCommandResult> {
    const last = mine[mine.length - 1];
    const state = fold([...upTo.filter((e) => e.revision < mine[0].revision), ...mine]);
    const events = mine.map(toDomainEvent);
    await afterApplied(events, state, input);
    return resultOf(events, last.revision, last.position, state);
  }

  function resultOf(
    events: NominationEvent[],
    revision: number,
    position: number,
    state: NominationState,
  ): ApplyCommandResult {
    if (state.status === 'NONE') throw new Error('no nomination after applying events');
    const r: ApplyCommandResult = { events, revision, position, status: state.status, onHold: state.onHold };
    if (state.decisionNumber) r.decisionNumber = state.decisionNumber;
    for (const e of events)
      if (e.type === 'AwardRevoked' && e.data.revocationDecisionNumber)
        r.revocationDecisionNumber = e.data.revocationDecisionNumber;
    return r;
  }

  async function apply(input: ApplyCommandInput): Promise<ApplyCommandResult> {
    const stream = nominationStreamName(input.nominationId);
    let recorded: RecordedEvent[];
    if (input.expectedRevision === undefined) {
      recorded = await store.readStream(stream);
      const mine = recorded.filter((e) => e.metadata.causationId === input.commandId);
      if (mine.length) return alreadyApplied(input, recorded, mine);
    } else {
      // A retry after its append reports what was stored: deciding again could meet changed context
      // (roster, nominee record) and return other events than the stored ones, or refuse a written command.
      const all = await store.readStream(stream);
      const mine = all.filter(
        (e) => e.revision > input.expectedRevision! && e.metadata.causationId === input.commandId,
      );
      if (mine.length) return alreadyApplied(input, all, mine);
      recorded = all.filter((e) => e.revision <= input.expectedRevision!);
    }
    const expected = input.expectedRevision ?? recorded.length - 1;
    const state = fold(recorded);

    guard(input.intent.type, input.actor, state); // role and stage before loading any context
    const command = await buildCommand(input, state);

    let handled: HandledCommand<NominationEvent, NominationState>;
    try {
      handled = await handleCommand(store, stream, nominationDecider, command, {
        // The state read above, not a fresh read: a retry must decide on what the workflow saw. No
        // retry on a conflict either: another command came first, the caller decides again.
        load: async () => ({ state, revision: expected }),
        envelope: (event, i) => ({
          id: deterministicEventId(input.nominationId, input.commandId, String(i)),
          metadata: nominationEventMetadata(event, input),
        }),
      });
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
      const after = await store.readStream(stream, { fromRevision: expected + 1 });
      const mine = after.filter((e) => e.metadata.causationId === input.commandId);
      if (mine.length) return alreadyApplied(input, [...recorded, ...after], mine);
      if (input.expectedRevision === undefined) throw err; // revocation: retried on the new state
      throw domainError('CONCURRENT_CHANGE');
    }

    const { events, revision, position } = handled;
    // The nomination's decider always yields events or refuses: something was appended.
    if (position === undefined) throw new Error(`${input.intent.type} decided no event`);
    const stateAfter = events.reduce(evolve, state);
    await afterApplied(events, stateAfter, input);
    return resultOf(events, revision, position, stateAfter);
  }

  return {
    async applyNominationCommand(input: ApplyCommandInput): Promise<ApplyCommandResult> {
      try {
        return await apply(input);
      } catch (err) {
        if (err instanceof DomainError) throw domainFailure(err);
        throw err;
      }
    },
  };
}

export type { Actor };
