/**
 * The council session workflow's one activity: load the session stream (up to the revision the
 * workflow saw), add the context the decider needs (agenda items from the nominations' streams,
 * the roster, the attendance policy, the secret items' keys, the counted ballot boxes), decide,
 * append with deterministic ids — and the side effects that belong to the command: agenda locks
 * reserved and released, keys made at open and destroyed at close, a blind signature made.
 * Safe to retry: a retry finds its own events by causation id and returns them.
 */
import {
  BLIND_RSA_SUITE,
  blindSign,
  fromBase64url,
  sealAndCount,
  sha256Hex,
  toBase64url,
  type SecretKeyStore,
} from '../secret-ballot';
import {
  COUNCIL_SESSION_EVENT_SCHEMA_VERSION,
  DEFAULT_SESSION_ATTENDANCE,
  DomainError,
  admitToAgenda,
  agendaLockDecider,
  agendaLockStreamName,
  councilSessionDecider,
  councilSessionStreamName,
  domainError,
  guardSession,
  invalid,
  nominationDecider,
  nominationStreamName,
  type AwardCatalog,
  type CouncilSessionCommand,
  type CouncilSessionEvent,
  type CouncilSessionState,
  type ExistingSession,
  type ItemEligibilityCheck,
  type NominationEvent,
  type NominationState,
  type SessionItem,
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
import type { ApplySessionCommandInput, ApplySessionCommandResult, CouncilSessionActivities } from '../contracts';
import { domainFailure } from '../domain-failure';
import { loadNoticeGate } from '../public-notice/notice-store';
import { readPriorAwards } from './prior-awards';

export interface CouncilSessionActivityDeps {
  store: EventStore;
  directory: OrganisationDirectory;
  catalog: AwardCatalog;
  secretKeys: SecretKeyStore;
}

const fold = (events: RecordedEvent[]): CouncilSessionState => foldRecorded(councilSessionDecider, events);
const asEvent = (e: RecordedEvent) => ({ type: e.type, data: e.data }) as CouncilSessionEvent;

function metadata(event: CouncilSessionEvent, input: ApplySessionCommandInput): EventMetadata {
  const by = event.data.by;
  const m: EventMetadata = {
    actorId: by.userId,
    actorRole: by.role,
    occurredAt: input.now,
    correlationId: input.sessionId,
    causationId: input.commandId,
    schemaVersion: COUNCIL_SESSION_EVENT_SCHEMA_VERSION,
  };
  if (by.unitId !== undefined) m.actorUnitId = by.unitId;
  if (by.clusterId !== undefined) m.actorClusterId = by.clusterId;
  return m;
}

export function createCouncilSessionActivities(deps: CouncilSessionActivityDeps): CouncilSessionActivities {
  const { store, directory, catalog, secretKeys } = deps;
  const attendance = catalog.councilSession
    ? { quorum: catalog.councilSession.attendanceQuorum, source: catalog.councilSession.source }
    : DEFAULT_SESSION_ATTENDANCE;

  async function nominationOf(nominationId: string): Promise<NominationState> {
    return (
      await loadStream<NominationEvent, NominationState>(store, nominationStreamName(nominationId), nominationDecider)
    ).state;
  }

  /** A nomination as an agenda item: the domain admits it (waits for the council, notice cleared, eligible). */
  async function itemOf(nominationId: unknown, field: string, now: string): Promise<SessionItem> {
    if (typeof nominationId !== 'string' || !nominationId) throw invalid('REQUIRED', 'Cần mã hồ sơ đề nghị', field);
    const nomination = await nominationOf(nominationId);
    if (nomination.status === 'NONE')
      return admitToAgenda(
        { nominationId, nomination, notice: { notice: { status: 'NONE' } }, priorAwards: [] },
        now,
        field,
      );
    const notice = await loadNoticeGate(store, catalog, nomination.award.code, nominationId);
    const priorAwards = await readPriorAwards(store, nomination.nominee.nomineeId);
    return admitToAgenda({ nominationId, nomination, notice, priorAwards }, now, field);
  }

  /** Each agenda item's award conditions and its nominee's history now, for the check at opening. */
  async function eligibilityOf(agenda: SessionItem[]): Promise<ItemEligibilityCheck[]> {
    const checks: ItemEligibilityCheck[] = [];
    for (const item of agenda) {
      const n = await nominationOf(item.nominationId);
      if (n.status === 'NONE') continue;
      const priorAwards = await readPriorAwards(store, n.nominee.nomineeId);
      checks.push({ nominationId: item.nominationId, award: n.award, year: n.campaign.year, priorAwards });
    }
    return checks;
  }

  async function lock(type: 'Reserve' | 'Release', nominationId: string, sessionId: string, commandId: string) {
    const stream = agendaLockStreamName(nominationId);
    await handleCommand(
      store,
      stream,
      agendaLockDecider,
      { type, nominationId, sessionId },
      {
        envelope: (_e, i) => ({
          id: deterministicEventId(stream, commandId, `${type}-${i}`),
          metadata: {
            actorId: 'system',
            actorRole: 'SYSTEM',
            occurredAt: new Date(0).toISOString(),
            correlationId: sessionId,
            causationId: commandId,
            schemaVersion: 1,
          },
        }),
        maxAttempts: 10,
      },
    );
  }

  /** Reserves every item for this session, or none: on a refusal the ones reserved here are released. */
  async function reserveAll(items: SessionItem[], sessionId: string, commandId: string, field: string) {
    const done: string[] = [];
    for (const [i, item] of items.entries()) {
      try {
        await lock('Reserve', item.nominationId, sessionId, commandId);
        done.push(item.nominationId);
      } catch (err) {
        for (const id of done) await lock('Release', id, sessionId, `${commandId}-undo`);
        if (err instanceof DomainError) throw new DomainError(err.kind, err.code, err.message, `${field}[${i}]`);
        throw err;
      }
    }
  }

  async function buildCommand(
    input: ApplySessionCommandInput,
    state: CouncilSessionState,
  ): Promise<{ command: CouncilSessionCommand; requestBytes?: Uint8Array }> {
    const { intent, actor, now, sessionId } = input;
    const base = { sessionId, actor, now };
    switch (intent.type) {
      case 'ConveneSession': {
        if (!Array.isArray(intent.nominationIds)) throw invalid('REQUIRED', 'Cần danh sách hồ sơ', 'nominationIds');
        const items: SessionItem[] = [];
        for (const [i, id] of intent.nominationIds.entries()) items.push(await itemOf(id, `nominationIds[${i}]`, now));
        return {
          command: {
            ...base,
            type: 'ConveneSession',
            title: intent.title,
            scheduledAt: intent.scheduledAt,
            items,
            members: directory.councilMembers(),
            attendance,
          },
        };
      }
      case 'ChangeAgenda': {
        const add: SessionItem[] = [];
        for (const [i, id] of (intent.add ?? []).entries()) add.push(await itemOf(id, `add[${i}]`, now));
        return { command: { ...base, type: 'ChangeAgenda', add, remove: intent.remove ?? [] } };
      }
      case 'CheckIn':
        return { command: { ...base, type: 'CheckIn' } };
      case 'OpenSession': {
        const s = state as ExistingSession;
        const secretKeys = [];
        for (const item of s.agenda.filter((i) => i.policy.secretBallot))
          secretKeys.push({
            nominationId: item.nominationId,
            suite: BLIND_RSA_SUITE,
            publicKey: await deps.secretKeys.publicKey(sessionId, item.nominationId),
          });
        return {
          command: { ...base, type: 'OpenSession', secretKeys, eligibility: await eligibilityOf(s.agenda) },
        };
      }
      case 'RecuseFromItem':
        return {
          command: { ...base, type: 'RecuseFromItem', nominationId: intent.nominationId, reason: intent.reason },
        };
      case 'CastSessionBallot':
        return { command: { ...base, type: 'CastSessionBallot', choices: intent.choices } };
      case 'RecordWrittenBallot':
        return {
          command: { ...base, type: 'RecordWrittenBallot', onBehalfOf: intent.onBehalfOf, choices: intent.choices },
        };
      case 'IssueBlindSignature': {
        const requestBytes = fromBase64url(intent.blindedMessage, 'blindedMessage');
        return {
          command: {
            ...base,
            type: 'IssueBlindSignature',
            nominationId: intent.nominationId,
            requestHash: sha256Hex(requestBytes),
          },
          requestBytes,
        };
      }
      case 'CloseSession': {
        const s = state as ExistingSession;
        const trigger = 'trigger' in intent && intent.trigger === 'ALL_VOTED' ? 'ALL_VOTED' : 'SECRETARY';
        const ballotBoxes =
          s.status === 'OPEN'
            ? await Promise.all(
                s.agenda
                  .filter((i) => i.policy.secretBallot)
                  .map((i) => sealAndCount(store, sessionId, i.nominationId, input.commandId)),
              )
            : [];
        return { command: { ...base, type: 'CloseSession', trigger, ballotBoxes } };
      }
      default:
        throw invalid('INTENT_TYPE', `Thao tác không hợp lệ: ${(intent as { type?: string }).type}`, 'type');
    }
  }

  /** What belongs to a command besides its events: locks, keys, the blind signature. */
  async function sideEffects(
    input: ApplySessionCommandInput,
    events: CouncilSessionEvent[],
    stateBefore: CouncilSessionState,
    requestBytes: Uint8Array | undefined,
  ): Promise<Partial<ApplySessionCommandResult>> {
    const { sessionId, commandId, intent } = input;
    for (const e of events) {
      if (e.type === 'SessionItemRemoved') await lock('Release', e.data.nominationId, sessionId, commandId);
      if (e.type === 'CouncilSessionClosed') {
        await secretKeys.destroy(sessionId);
        for (const r of e.data.results) await lock('Release', r.nominationId, sessionId, commandId);
      }
    }
    if (intent.type === 'IssueBlindSignature' && requestBytes) {
      const s = stateBefore as ExistingSession;
      const privateKey = await secretKeys.privateKey(sessionId, intent.nominationId);
      if (!privateKey || s.status !== 'OPEN') throw domainError('SESSION_CLOSED');
      return { blindSignature: toBase64url(await blindSign(privateKey, requestBytes)) };
    }
    return {};
  }

  async function apply(input: ApplySessionCommandInput): Promise<ApplySessionCommandResult> {
    const stream = councilSessionStreamName(input.sessionId);
    const all = await store.readStream(stream);
    const mine = all.filter((e) => e.revision > input.expectedRevision && e.metadata.causationId === input.commandId);
    const recorded = all.filter((e) => e.revision <= input.expectedRevision);
    const state = fold(recorded);
    guardSession(input.intent.type, input.actor, state);
    if (mine.length) {
      // An earlier attempt appended: report what was stored, redo only what is idempotent.
      const events = mine.map(asEvent);
      const extra =
        input.intent.type === 'IssueBlindSignature' ? (await buildCommand(input, state)).requestBytes : undefined;
      const effects = await sideEffects(input, events, state, extra);
      const last = mine[mine.length - 1];
      return { events, revision: last.revision, position: last.position, ...effects };
    }
    const { command, requestBytes } = await buildCommand(input, state);
    // Locks first: a nomination on another session's agenda refuses the command before anything is written.
    const events = councilSessionDecider.decide(command, state);
    const added = events.flatMap((e) => (e.type === 'SessionItemAdded' ? [e.data.item] : []));
    if (added.length)
      await reserveAll(
        added,
        input.sessionId,
        input.commandId,
        input.intent.type === 'ConveneSession' ? 'nominationIds' : 'add',
      );
    let revision = input.expectedRevision;
    let position = 0;
    if (events.length) {
      try {
        const handled = await handleCommand(store, stream, councilSessionDecider, command, {
          load: async () => ({ state, revision: input.expectedRevision }),
          envelope: (event, i) => ({
            id: deterministicEventId(input.sessionId, input.commandId, String(i)),
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
    const effects = await sideEffects(input, events, state, requestBytes);
    return { events, revision, position, ...effects };
  }

  return {
    async applySessionCommand(input: ApplySessionCommandInput): Promise<ApplySessionCommandResult> {
      try {
        return await apply(input);
      } catch (err) {
        if (err instanceof DomainError) throw domainFailure(err);
        throw err;
      }
    },
  };
}
