import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  awaitingKeysFor,
  DomainError,
  isTerminal,
  mayReadAuditTrail,
  nominationStreamName,
  maySeeVoteChoices,
  nominationNotFound as notFound,
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
  type NominationSummary,
  type Page,
  type SearchRegistryQuery as ReadModelRegistryQuery,
} from '@tdkt/projections';
import type { ApiRuntime } from '../../api-runtime';
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
    /** Time travel: the nomination as it stood at this instant (ISO, UTC), with its audit trail up to then. */
    readonly asOf?: string,
    /** Who asks (needed with `asOf`, to decide whether the audit trail is shown). */
    readonly actor?: Actor,
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
    /** Time travel: the registry as it stood at this instant (ISO, UTC). */
    readonly asOf?: string,
  ) {}
}

export class GetDecisionQuery {
  constructor(
    readonly decisionNumber: string,
    readonly year?: number,
  ) {}
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

  execute({ actor, filter }: ListNominationsQuery): Promise<Page<NominationSummary>> {
    const q: ReadModelListQuery = {};
    if (filter.status?.length) q.status = filter.status;
    if (filter.campaign) q.campaignId = filter.campaign;
    if (filter.unit) q.unitId = filter.unit;
    if (filter.cluster) q.clusterId = filter.cluster;
    if (filter.award) q.awardCode = filter.award;
    if (filter.year !== undefined) q.year = filter.year;
    if (filter.onHold !== undefined) q.onHold = filter.onHold;
    if (filter.awaitingMe) q.awaitingKeys = awaitingKeysFor(actor);
    if (filter.page) q.page = filter.page;
    if (filter.pageSize) q.pageSize = filter.pageSize;
    return this.runtime.queries.listNominations(q);
  }
}

@QueryHandler(GetNominationQuery)
export class GetNominationHandler implements IQueryHandler<GetNominationQuery, NominationDetailView> {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  async execute({ id, asOf, actor }: GetNominationQuery): Promise<NominationDetailView> {
    if (asOf !== undefined) return this.asItStood(id, asOf, actor);
    const detail = await this.runtime.queries.getNomination(id);
    if (!detail) throw notFound();
    const { council, ...rest } = detail;
    const view: NominationDetailView = {
      ...rest,
      stage: null,
      reminderAt: null,
      council: council
        ? {
            open: council.open,
            members: council.members.map((m) => m.userId),
            votesCast: Object.keys(council.votes ?? {}).length,
            recused: council.recused ?? [],
            deadline: council.deadline,
            policy: council.policy,
          }
        : null,
    };
    // The stage clock (due date, reminder) lives in the workflow: ask it while the nomination runs.
    if (!isTerminal(detail.status)) {
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
  private async asItStood(id: string, asOf: string, actor?: Actor): Promise<NominationDetailView> {
    const { detail, auditTrail } = await nominationAsOf(
      id,
      await this.runtime.store.readStream(nominationStreamName(id)),
      asOf,
    );
    if (!detail) throw notFound();
    const { council, ...rest } = detail;
    const view: NominationDetailView & { asOf: string; auditTrail?: AuditEntryView[] } = {
      ...rest,
      stage: null,
      reminderAt: null,
      council: council ? councilSummary(council) : null,
      asOf,
    };
    if (
      actor &&
      mayReadAuditTrail(actor, { unitId: detail.unitId ?? undefined, clusterId: detail.clusterId ?? undefined })
    )
      view.auditTrail = auditEntryViews(auditTrail, actor, this.runtime);
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
        : (await nominationAsOf(id, await this.runtime.store.readStream(nominationStreamName(id)), asOf)).auditTrail;
    if (entries.length === 0) throw notFound();
    const drafted = entries.find((e) => e.eventType === 'NominationDrafted')?.data as
      { unitId?: string; clusterId?: string } | undefined;
    if (!mayReadAuditTrail(actor, drafted ?? {}))
      throw new DomainError(
        'FORBIDDEN',
        'AUDIT_NOT_ALLOWED',
        'Chỉ thanh tra, hội đồng, Chủ tịch và đơn vị, cụm thi đua của hồ sơ được xem nhật ký này',
      );
    return auditEntryViews(entries, actor, this.runtime);
  }
}

/** The entries with names, and each member's choice hidden under a secret ballot unless the reader may see it. */
function auditEntryViews(
  entries: AuditEntry[],
  actor: Actor,
  runtime: Pick<ApiRuntime, 'directory'>,
): AuditEntryView[] {
  const opened = entries.find((e) => e.eventType === 'CouncilVotingOpened')?.data as
    { policy?: { secretBallot?: boolean } } | undefined;
  const secret = !maySeeVoteChoices(actor, opened?.policy);
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
    if (secret && e.eventType === 'CouncilVoteCast') {
      const { choice: _hidden, ...data } = e.data;
      view.data = data;
      view.summary = `${view.actorRoleLabel ?? 'Thành viên hội đồng'} đã bỏ phiếu kín`;
    }
    return view;
  });
}

@QueryHandler(SearchRegistryQuery)
export class SearchRegistryHandler implements IQueryHandler<SearchRegistryQuery, Page<AwardView>> {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  execute({ filter, asOf }: SearchRegistryQuery): Promise<Page<AwardView>> {
    const q: ReadModelRegistryQuery = { includeRevoked: filter.includeRevoked ?? true };
    if (asOf !== undefined) q.asOf = asOf;
    if (filter.q) q.q = filter.q;
    if (filter.year !== undefined) q.year = filter.year;
    if (filter.award) q.awardCode = filter.award;
    if (filter.unit) q.unitId = filter.unit;
    if (filter.campaign) q.campaignId = filter.campaign;
    if (filter.page) q.page = filter.page;
    if (filter.pageSize) q.pageSize = filter.pageSize;
    return this.runtime.queries.searchRegistry(q);
  }
}

@QueryHandler(GetDecisionQuery)
export class GetDecisionHandler implements IQueryHandler<GetDecisionQuery, DecisionView> {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  async execute({ decisionNumber, year }: GetDecisionQuery): Promise<DecisionView> {
    const decision = await this.runtime.queries.getAwardByDecisionNumber(decisionNumber, year);
    if (!decision)
      throw new DomainError('NOT_FOUND', 'DECISION_NOT_FOUND', `Không tìm thấy quyết định số ${decisionNumber}`);
    return decision;
  }
}

export const QUERY_HANDLERS = [
  ListNominationsHandler,
  GetNominationHandler,
  GetAuditTrailHandler,
  SearchRegistryHandler,
  GetDecisionHandler,
];
