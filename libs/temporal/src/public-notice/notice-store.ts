/**
 * Public notices on the event store: one stream per notice (`public-notice-<id>`), and per listed
 * nomination a one-line listing stream naming its notice (`notice-listing-<nominationId>`), which
 * the council's gate reads. A notice has no timers, so no workflow: the API writes these through
 * the generic load-decide-append core with deterministic event ids, as the secret ballot box does.
 */
import {
  DomainError,
  PUBLIC_NOTICE_EVENT_SCHEMA_VERSION,
  domainError,
  findAward,
  nominationDecider,
  nominationStreamName,
  noticeListingDecider,
  noticeListingStreamName,
  publicNoticeDecider,
  publicNoticeStreamName,
  type Actor,
  type AwardCatalog,
  type CommentResolution,
  type NominationEvent,
  type NominationState,
  type NoticeCandidate,
  type NoticeGate,
  type NoticeListingEvent,
  type NoticeListingState,
  type PublicNoticeCommand,
  type PublicNoticeEvent,
  type PublicNoticeState,
  type StageTimeUnit,
  dossierStreamName,
  lastDossierChange,
  noticeOutdated,
} from '@tdkt/domain';
import {
  deterministicEventId,
  handleCommand,
  loadStream,
  type EventMetadata,
  type EventStore,
} from '@tdkt/event-store';

export async function loadNotice(store: EventStore, noticeId: string): Promise<PublicNoticeState> {
  return (
    await loadStream<PublicNoticeEvent, PublicNoticeState>(store, publicNoticeStreamName(noticeId), publicNoticeDecider)
  ).state;
}

/** The notice a nomination is listed on (none: NONE). */
export async function noticeOf(store: EventStore, nominationId: string): Promise<PublicNoticeState> {
  const { state } = await loadStream<NoticeListingEvent, NoticeListingState>(
    store,
    noticeListingStreamName(nominationId),
    noticeListingDecider,
  );
  return state.noticeId ? loadNotice(store, state.noticeId) : { status: 'NONE' };
}

/** What the council's gate needs for a nomination: its award's notice policy (catalog) and its notice. */
export async function loadNoticeGate(
  store: EventStore,
  catalog: AwardCatalog,
  awardCode: string,
  nominationId: string,
): Promise<NoticeGate> {
  const days = findAward(catalog, awardCode)?.publicNotice?.workingDays;
  if (days === undefined) return { notice: { status: 'NONE' } };
  const changedAt = await dossierChangedAt(store, nominationId);
  return {
    requiredDays: days,
    notice: await noticeOf(store, nominationId),
    ...(changedAt ? { dossierChangedAt: changedAt } : {}),
  };
}

/** When the nomination's dossier last changed (its edits, its documents), from both streams. */
export async function dossierChangedAt(store: EventStore, nominationId: string): Promise<string | undefined> {
  const [own, dossier] = await Promise.all([
    store.readStream(nominationStreamName(nominationId)),
    store.readStream(dossierStreamName(nominationId)),
  ]);
  return lastDossierChange([...own, ...dossier]);
}

function metadata(actor: Actor | 'anonymous', role: string, now: string, noticeId: string, causationId: string) {
  const m: EventMetadata = {
    actorId: actor === 'anonymous' ? 'anonymous' : actor.userId,
    actorRole: actor === 'anonymous' ? 'ANONYMOUS' : role,
    occurredAt: now,
    correlationId: noticeId,
    causationId,
    schemaVersion: PUBLIC_NOTICE_EVENT_SCHEMA_VERSION,
  };
  return m;
}

async function decideOnNotice(
  store: EventStore,
  noticeId: string,
  command: PublicNoticeCommand,
  meta: EventMetadata,
  causationId: string,
) {
  const stream = publicNoticeStreamName(noticeId);
  return handleCommand(store, stream, publicNoticeDecider, command, {
    envelope: (_e, i) => ({ id: deterministicEventId(stream, causationId, String(i)), metadata: meta }),
    maxAttempts: 20,
  });
}

export interface PublishNoticeInput {
  noticeId: string;
  actor: Actor;
  now: string;
  title: string;
  startDate?: string;
  nominationIds: string[];
  unit: StageTimeUnit;
  catalog: AwardCatalog;
}

/**
 * Publishes: loads each nomination (stage, award, nominee), decides (which refuses before anything
 * is written), lists each nomination on the notice, then writes the notice. A publish stopped
 * between the two leaves listings to a notice that does not exist, which a later publish may take over.
 */
export async function publishNotice(store: EventStore, input: PublishNoticeInput): Promise<{ position: number }> {
  const candidates: NoticeCandidate[] = [];
  for (const [i, nominationId] of input.nominationIds.entries()) {
    const { state } = await loadStream<NominationEvent, NominationState>(
      store,
      nominationStreamName(nominationId),
      nominationDecider,
    );
    if (state.status === 'NONE')
      throw domainError('NOMINATION_NOT_FOUND', `Không tìm thấy hồ sơ ${nominationId}`, `nominationIds[${i}]`);
    const days = findAward(input.catalog, state.award.code)?.publicNotice?.workingDays;
    candidates.push({
      nominationId,
      awardCode: state.award.code,
      awardName: state.award.name,
      nomineeName: state.nominee.name,
      nomineeKind: state.nominee.kind,
      unitId: state.unitId,
      status: state.status,
      onHold: state.onHold,
      councilOpen: state.council?.open ?? false,
      ...(days !== undefined ? { workingDays: days } : {}),
    });
  }
  const command: PublicNoticeCommand = {
    type: 'PublishNotice',
    noticeId: input.noticeId,
    actor: input.actor,
    now: input.now,
    title: input.title,
    ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
    candidates,
    unit: input.unit,
    holidays: input.catalog.stageTimeLimits.publicHolidays ?? [],
  };
  // Decide first, on an empty notice, so a refused list writes no listing.
  publicNoticeDecider.decide(command, publicNoticeDecider.initialState());
  for (const [i, c] of candidates.entries()) {
    const stream = noticeListingStreamName(c.nominationId);
    const listed = await loadStream<NoticeListingEvent, NoticeListingState>(store, stream, noticeListingDecider);
    const listedNotice =
      listed.state.noticeId !== undefined ? await loadNotice(store, listed.state.noticeId) : undefined;
    const listedNoticeExists = !!listedNotice && listedNotice.status !== 'NONE';
    const listedNoticeOutdated =
      !!listedNotice && noticeOutdated(listedNotice, await dossierChangedAt(store, c.nominationId));
    try {
      await handleCommand(
        store,
        stream,
        noticeListingDecider,
        {
          type: 'ListOnNotice',
          nominationId: c.nominationId,
          noticeId: input.noticeId,
          listedNoticeExists,
          listedNoticeOutdated,
        },
        {
          envelope: (_e, j) => ({
            id: deterministicEventId(stream, input.noticeId, String(j)),
            metadata: metadata(input.actor, 'COUNCIL_SECRETARY', input.now, input.noticeId, input.noticeId),
          }),
          maxAttempts: 5,
        },
      );
    } catch (err) {
      if (err instanceof DomainError) throw new DomainError(err.kind, err.code, err.message, `nominationIds[${i}]`);
      throw err;
    }
  }
  const handled = await decideOnNotice(
    store,
    input.noticeId,
    command,
    metadata(input.actor, 'COUNCIL_SECRETARY', input.now, input.noticeId, 'publish'),
    'publish',
  );
  return { position: handled.position ?? 0 };
}

export async function receiveComment(
  store: EventStore,
  input: {
    noticeId: string;
    commentId: string;
    now: string;
    nominationId: string;
    name: string;
    contact: string;
    text: string;
  },
): Promise<{ position: number }> {
  const handled = await decideOnNotice(
    store,
    input.noticeId,
    { type: 'ReceiveComment', ...input },
    metadata('anonymous', 'ANONYMOUS', input.now, input.noticeId, input.commentId),
    input.commentId,
  );
  return { position: handled.position ?? 0 };
}

export async function resolveComment(
  store: EventStore,
  input: {
    nominationId: string;
    commentId: string;
    actor: Actor;
    now: string;
    resolution: CommentResolution;
    reason: string;
    nomination: { status: string; onHold: boolean };
  },
): Promise<{ noticeId: string; position: number }> {
  const { state } = await loadStream<NoticeListingEvent, NoticeListingState>(
    store,
    noticeListingStreamName(input.nominationId),
    noticeListingDecider,
  );
  if (!state.noticeId) throw domainError('COMMENT_NOT_FOUND');
  const noticeId = state.noticeId;
  const handled = await decideOnNotice(
    store,
    noticeId,
    { type: 'ResolveComment', noticeId, ...input },
    metadata(input.actor, 'COUNCIL_SECRETARY', input.now, noticeId, `resolve-${input.commentId}`),
    `resolve-${input.commentId}`,
  );
  return { noticeId, position: handled.position ?? 0 };
}
