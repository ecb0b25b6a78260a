import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  awaitingKeysFor,
  DomainError,
  dossierStreamName,
  isTerminal,
  maskPersonalId,
  mayReadNomination,
  maySeePersonalData,
  maySeeVoteChoices,
  maySeeVoteComment,
  nominationNotFound as notFound,
  nominationStreamName,
  PERSONAL_DATA_FIELDS,
  readScopeOf,
  recordedStageLimit,
  type Actor,
} from '@tdkt/domain';
import {
  nominationAsOf,
  ROLE_LABELS,
  type AuditEntry,
  type AwardView,
  type DecisionView,
  type ListNominationsQuery as ReadModelListQuery,
  type NominationDetail,
  type NominationSortKey,
  type NominationSummary,
  type Page,
  type SearchRegistryQuery as ReadModelRegistryQuery,
} from '@tdkt/projections';
import type { RecordedEvent } from '@tdkt/event-store';
import type { ApiRuntime } from '../../api-runtime';
import { AWARD_REGISTRY_PROJECTION, CheckpointCache } from '../../read-cache/checkpoint-cache';
import { API_RUNTIME } from '../../tokens';
import type { ListNominationsQueryDto, SearchRegistryQueryDto } from '../dto/query.dto';

export class ListNominationsQuery {
  constructor(
    readonly actor: Actor,
    readonly filter: ListNominationsQueryDto,
  ) {}
}

export class GetNominationQuery {
  constructor(
    readonly id: string,
    readonly actor: Actor,
    /** Time travel: the nomination as it stood at this instant (ISO, UTC), with its audit trail up to then. */
    readonly asOf?: string,
  ) {}
}

export class GetAuditTrailQuery {
  constructor(
    readonly id: string,
    readonly actor: Actor,
    /** Time travel: only the events up to this instant (ISO, UTC). */
    readonly asOf?: string,
  ) {}
}

export class SearchRegistryQuery {
  constructor(
    readonly filter: SearchRegistryQueryDto,
    readonly actor?: Actor,
    /** Time travel: the registry as it stood at this instant (ISO, UTC). */
    readonly asOf?: string,
  ) {}
}

export class GetDecisionQuery {
  constructor(
    readonly decisionNumber: string,
    readonly year?: number,
    readonly actor?: Actor,
  ) {}
}

/** A row with the nominee's identifier masked unless the reader may see this nomination's personal data. */
export function withPersonalData<T extends { nomineeId: string | null; unitId: string | null }>(
  reader: Actor | undefined,
  row: T,
): T {
  return maySeePersonalData(reader, row) ? row : { ...row, nomineeId: maskPersonalId(row.nomineeId) };
}

/** Event data with every personal-data field (at any depth: `nominee.nomineeId`, ...) masked. */
function maskedData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskedData);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      (PERSONAL_DATA_FIELDS as readonly string[]).includes(k) && typeof v === 'string'
        ? maskPersonalId(v)
        : maskedData(v),
    ]),
  );
}

/** The council as anyone may see it while voting runs: counts, not who voted what. */
export interface CouncilSummary {
  open: boolean;
  members: string[];
  votesCast: number;
  recused: string[];
  deadline: string;
  policy: { quorum: number; threshold: number; secretBallot: boolean };
}

export interface NominationDetailView extends NominationSummary {
  achievements: string;
  documents: string[];
  /** The timed stage the nomination is in (its limit is `dueAt`), or null when none runs. */
  stage: string | null;
  reminderAt: string | null;
  council: CouncilSummary | null;
}

@QueryHandler(ListNominationsQuery)
export class ListNominationsHandler implements IQueryHandler<ListNominationsQuery, Page<NominationSummary>> {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  async execute({ actor, filter }: ListNominationsQuery): Promise<Page<NominationSummary>> {
    const q: ReadModelListQuery = {};
    if (filter.status?.length) q.status = filter.status;
    if (filter.campaign) q.campaignId = filter.campaign;
    if (filter.unit) q.unitId = filter.unit;
    if (filter.cluster) q.clusterId = filter.cluster;
    if (filter.award) q.awardCode = filter.award;
    if (filter.year !== undefined) q.year = filter.year;
    if (filter.onHold !== undefined) q.onHold = filter.onHold;
    if (filter.awaitingMe) q.awaitingKeys = awaitingKeysFor(actor);
    if (filter.q) q.text = filter.q;
    if (filter.sort) {
      const [by, direction] = filter.sort.split(':');
      q.sort = { by: by as NominationSortKey, direction: direction === 'desc' ? 'desc' : 'asc' };
    }
    if (filter.page) q.page = filter.page;
    if (filter.pageSize) q.pageSize = filter.pageSize;
    // The reader's scope is part of the SQL: the total counts exactly the rows the reader may see.
    q.scope = readScopeOf(actor);
    const page = await this.runtime.queries.listNominations(q);
    return { ...page, items: page.items.map((n) => withPersonalData(actor, n)) };
  }
}

@QueryHandler(GetNominationQuery)
export class GetNominationHandler implements IQueryHandler<GetNominationQuery, NominationDetailView> {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  async execute({ id, actor, asOf }: GetNominationQuery): Promise<NominationDetailView> {
    if (asOf !== undefined) return this.asItStood(id, asOf, actor);
    const detail = await this.runtime.queries.getNomination(id);
    // Outside the reader's scope it does not exist for them: the same 404 as an unknown id.
    if (!detail || !mayReadNomination(actor, detail)) throw notFound();
    const { council, stageClock, ...rest } = detail;
    const view: NominationDetailView = {
      ...withPersonalData(actor, rest),
      stage: null,
      reminderAt: null,
      council: council ? councilSummary(council) : null,
    };
    if (isTerminal(detail.status)) return view;
    // The stage clock (due date, reminder) as the workflow shows it: from the limits the nomination
    // recorded at drafting when it did (no round trip to Temporal), else asked of the workflow.
    const limit = stageClock && recordedStageLimit(stageClock.state, stageClock.clock, Date.now());
    if (limit !== undefined) {
      view.stage = limit?.stage ?? null;
      view.reminderAt = limit ? new Date(limit.remindAt).toISOString() : null;
      if (limit) view.dueAt = new Date(limit.dueAt).toISOString();
    } else {
      try {
        const live = await this.runtime.gateway.view(id);
        view.stage = live.stage;
        view.reminderAt = live.reminderAt;
        view.dueAt = live.dueAt ?? view.dueAt;
      } catch {
        // The read model still answers; the clock shows once the workflow is reachable again.
      }
    }
    return view;
  }

  /** Folded from the nomination's events up to `asOf`; no live clock (that was then). */
  // The read policy applies to the past as to the present: out of scope is the same 404, personal
  // data masked, and the trail (its readers are the nomination's) shown as GET :id/audit shows it.
  private async asItStood(id: string, asOf: string, actor: Actor): Promise<NominationDetailView> {
    const { detail, auditTrail } = await nominationAsOf(id, await nominationAndDossier(this.runtime, id), asOf);
    if (!detail || !mayReadNomination(actor, detail)) throw notFound();
    const { council, stageClock: _internal, ...rest } = detail;
    const view: NominationDetailView & { asOf: string; auditTrail: AuditEntryView[] } = {
      ...withPersonalData(actor, rest),
      stage: null,
      reminderAt: null,
      council: council ? councilSummary(council) : null,
      asOf,
      auditTrail: auditEntryViews(auditTrail, actor, this.runtime),
    };
    return view;
  }
}

function councilSummary(council: NonNullable<NominationDetail['council']>): CouncilSummary {
  return {
    open: council.open,
    members: council.members.map((m) => m.userId),
    votesCast: Object.keys(council.votes ?? {}).length,
    recused: council.recused ?? [],
    deadline: council.deadline,
    policy: council.policy,
  };
}

/** An audit entry with the names a reader needs (person, role, unit), not only their codes. */
export interface AuditEntryView extends AuditEntry {
  actorName: string | null;
  actorRoleLabel: string | null;
  actorUnitName: string | null;
}

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery, AuditEntryView[]> {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  async execute({ id, actor, asOf }: GetAuditTrailQuery): Promise<AuditEntryView[]> {
    const entries =
      asOf === undefined
        ? await this.runtime.queries.getAuditTrail(id)
        : (await nominationAsOf(id, await nominationAndDossier(this.runtime, id), asOf)).auditTrail;
    // Unknown, or outside the reader's scope: the same 404 (existence is not revealed).
    if (entries.length === 0 || !mayReadNomination(actor, draftedPlace(entries))) throw notFound();
    return auditEntryViews(entries, actor, this.runtime);
  }
}

/** Where the nomination of these entries belongs (its draft's unit and cluster). */
function draftedPlace(entries: AuditEntry[]): { unitId?: string; clusterId?: string } {
  return (entries.find((e) => e.eventType === 'NominationDrafted')?.data ?? {}) as {
    unitId?: string;
    clusterId?: string;
  };
}

/**
 * The entries as this reader may see them (the present trail and a time-travel one alike): with
 * names; personal data masked unless the reader may see it; each member's choice and comment (also
 * kept as the entry's reason) withheld unless the read policy shows them.
 */
/** The nomination's events and its dossier's, in the order they were stored (the trail shows both). */
async function nominationAndDossier(runtime: Pick<ApiRuntime, 'store'>, id: string): Promise<RecordedEvent[]> {
  const [own, dossier] = await Promise.all([
    runtime.store.readStream(nominationStreamName(id)),
    runtime.store.readStream(dossierStreamName(id)),
  ]);
  return [...own, ...dossier].sort((a, b) => a.position - b.position);
}

function auditEntryViews(
  entries: AuditEntry[],
  actor: Actor,
  runtime: Pick<ApiRuntime, 'directory'>,
): AuditEntryView[] {
  const personal = maySeePersonalData(actor, draftedPlace(entries));
  const opened = entries.find((e) => e.eventType === 'CouncilVotingOpened')?.data as
    { policy?: { secretBallot?: boolean } } | undefined;
  const closedAt = entries.find((e) => e.eventType === 'CouncilVotingClosed')?.position;
  const { directory } = runtime;
  return entries.map((e) => {
    const view: AuditEntryView = {
      ...e,
      actorName: e.actorId
        ? (directory.user(e.actorId)?.displayName ?? (e.actorId === 'system' ? 'Hệ thống' : null))
        : null,
      actorRoleLabel: e.actorRole ? (ROLE_LABELS[e.actorRole] ?? e.actorRole) : null,
      actorUnitName: e.actorUnitId ? (directory.unit(e.actorUnitId)?.name ?? null) : null,
    };
    if (!personal) view.data = maskedData(view.data) as Record<string, unknown>;
    if (e.eventType === 'CouncilVoteCast') {
      const closed = closedAt !== undefined && closedAt > e.position;
      if (!maySeeVoteChoices(actor, opened?.policy, closed)) {
        const { choice: _hidden, ...data } = view.data;
        view.data = data;
        view.summary = `${view.actorRoleLabel ?? 'Thành viên hội đồng'} đã biểu quyết${opened?.policy?.secretBallot ? ' (bỏ phiếu kín)' : ''}`;
      }
      if (!maySeeVoteComment(actor, opened?.policy, closed)) {
        // The trail keeps the comment as the entry's reason too (the envelope's): both are withheld.
        const { comment: _withheld, ...data } = view.data;
        view.data = data;
        view.comment = null;
        view.reason = null;
      }
    }
    return view;
  });
}

/** Registry pages kept at most: the searches and filters in use (a page is 5–12 KB of JSON, ~20–30 MiB when full). */
export const REGISTRY_PAGES_KEPT = 1000;

@QueryHandler(SearchRegistryQuery)
export class SearchRegistryHandler implements IQueryHandler<SearchRegistryQuery, Page<AwardView>> {
  /**
   * Pages by query until the registry projection moves on (see CheckpointCache): a text search over
   * 100k awards is milliseconds of SQLite, a kept page microseconds. Kept unmasked: the reader's
   * masking is applied to each answer, on copies.
   */
  private readonly pages: CheckpointCache<Page<AwardView>>;

  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {
    this.pages = new CheckpointCache(runtime.readDb, AWARD_REGISTRY_PROJECTION, REGISTRY_PAGES_KEPT);
  }

  async execute({ filter, actor, asOf }: SearchRegistryQuery): Promise<Page<AwardView>> {
    const q: ReadModelRegistryQuery = { includeRevoked: filter.includeRevoked ?? true };
    if (asOf !== undefined) q.asOf = asOf;
    if (filter.q) q.q = filter.q;
    if (filter.year !== undefined) q.year = filter.year;
    if (filter.award) q.awardCode = filter.award;
    if (filter.unit) q.unitId = filter.unit;
    if (filter.campaign) q.campaignId = filter.campaign;
    if (filter.page) q.page = filter.page;
    if (filter.pageSize) q.pageSize = filter.pageSize;
    const page = await this.pages.get(JSON.stringify(q), () => this.runtime.queries.searchRegistry(q));
    return { ...page, items: page.items.map((a) => withPersonalData(actor, a)) };
  }
}

@QueryHandler(GetDecisionQuery)
export class GetDecisionHandler implements IQueryHandler<GetDecisionQuery, DecisionView> {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  async execute({ decisionNumber, year, actor }: GetDecisionQuery): Promise<DecisionView> {
    const decision = await this.runtime.queries.getAwardByDecisionNumber(decisionNumber, year);
    if (!decision)
      throw new DomainError('NOT_FOUND', 'DECISION_NOT_FOUND', `Không tìm thấy quyết định số ${decisionNumber}`);
    return { ...decision, awards: decision.awards.map((a) => withPersonalData(actor, a)) };
  }
}

export const QUERY_HANDLERS = [
  ListNominationsHandler,
  GetNominationHandler,
  GetAuditTrailHandler,
  SearchRegistryHandler,
  GetDecisionHandler,
];
