import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_STATUS_LABELS,
  awardProposedByCluster,
  domainError,
  invalid,
  invalidState,
  participates,
  registrationScopeOf,
  scoringRowsFor,
  type Actor,
  type CampaignCommand,
  type CampaignKind,
  type CampaignStatus,
  type ClusterProposalKind,
  type ExistingCampaign,
} from '@tdkt/domain';
import { deterministicEventId } from '@tdkt/event-store';
import { getCampaign, getClusterScoring, listCampaigns, listRegistrations, type CampaignRow } from '@tdkt/projections';
import { loadCampaign, loadScoring, runCampaignCommand, runScoringCommand } from '@tdkt/temporal';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';
import { ReadYourWrites } from '../nominations/read-your-writes';
import { DraftNominationCommand, type CommandResult } from '../nominations/commands/commands';
import type { DraftNominationDto } from '../nominations/dto/nomination.dto';
import type { AgreeRankingDto, CreateCampaignDto, RecordScoresDto, RegisterForCampaignDto } from './campaigns.dto';

type Distribute<T> = T extends unknown ? Omit<T, 'campaignId' | 'actor' | 'now'> : never;
type CampaignIntent = Distribute<CampaignCommand>;

/** The office's campaigns and the clusters' year-end scorings: commands to their streams, reads from the read model. */
@Injectable()
export class CampaignsService {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
    private readonly commands: CommandBus,
  ) {}

  private commandId(actor: Actor, key?: string) {
    return key ? deterministicEventId('campaign-command', actor.userId, key) : randomUUID();
  }

  async run(campaignId: string, actor: Actor, intent: CampaignIntent, key?: string) {
    const command = { ...intent, campaignId, actor, now: new Date().toISOString() } as CampaignCommand;
    const written = await runCampaignCommand(this.runtime.store, command, this.commandId(actor, key));
    if (written.position) await this.ryw.reach(written.position);
    const s = await loadCampaign(this.runtime.store, campaignId);
    return { id: campaignId, status: s?.status ?? 'PLANNED', position: written.position ?? 0 };
  }

  create(actor: Actor, body: CreateCampaignDto, key?: string) {
    const { org } = this.runtime.directory;
    if (this.runtime.directory.campaign(body.id))
      throw invalidState('CAMPAIGN_EXISTS', `Đợt thi đua ${body.id} đã khai trong tệp tổ chức`);
    return this.run(
      body.id,
      actor,
      {
        type: 'CreateCampaign',
        definition: {
          name: body.name,
          kind: body.kind as CampaignKind,
          year: body.year,
          period: { start: body.period.start, end: body.period.end },
          submissionDeadline: body.submissionDeadline,
          criteria: body.criteria,
          awardCodes: body.awardCodes,
          participants: { unitIds: body.participants?.unitIds ?? [], clusterIds: body.participants?.clusterIds ?? [] },
          scoringTable: body.scoringTable ?? [],
        },
        known: {
          awardCodes: this.runtime.catalog.awards.map((a) => a.code),
          unitIds: org.units.map((u) => u.id),
          clusterIds: org.clusters.map((c) => c.id),
        },
      },
      key,
    );
  }

  register(actor: Actor, campaignId: string, body: RegisterForCampaignDto) {
    const clusterId = (actor.unitId && this.runtime.directory.unit(actor.unitId)?.clusterId) || actor.clusterId || '';
    return this.run(campaignId, actor, {
      type: 'RegisterForCampaign',
      clusterId,
      commitment: body.commitment,
      targetAwardCodes: body.targetAwardCodes,
    });
  }

  // ------------------------------------------------------------------------------------ reads

  private fileCampaigns(except: Set<string>) {
    return this.runtime.directory.org.campaigns
      .filter((c) => !except.has(c.id))
      .map((c) => ({
        id: c.id,
        name: c.name,
        kind: 'ANNUAL' as CampaignKind,
        year: c.year,
        status: (c.open ? 'NOMINATIONS_OPEN' : 'CLOSED') as CampaignStatus,
        submissionDeadline: c.submissionDeadline,
        registrations: 0,
        source: 'ORGANISATION_FILE',
      }));
  }

  private summary(r: Omit<CampaignRow, 'status' | 'kind'> & { status: string; kind: string; source?: string }) {
    return {
      ...r,
      kindLabel: CAMPAIGN_KIND_LABELS[r.kind as CampaignKind] ?? r.kind,
      statusLabel: CAMPAIGN_STATUS_LABELS[r.status as CampaignStatus] ?? r.status,
      open: r.status === 'NOMINATIONS_OPEN',
      source: r.source ?? 'EVENTS',
    };
  }

  async list(filter: { year?: number } = {}) {
    const rows = await listCampaigns(this.runtime.readDb, filter);
    const file = this.fileCampaigns(new Set(rows.map((r) => r.id))).filter(
      (c) => filter.year === undefined || c.year === filter.year,
    );
    return [...rows, ...file].map((r) => this.summary(r));
  }

  async detail(id: string) {
    const row = await getCampaign(this.runtime.readDb, id);
    if (row) {
      const s: ExistingCampaign = row.state;
      const d = s.definition;
      return {
        ...this.summary(row),
        period: d.period,
        criteria: d.criteria,
        awardCodes: d.awardCodes,
        participants: d.participants,
        scoringTable: d.scoringTable,
        ...(s.launchDocument ? { launchDocument: s.launchDocument } : {}),
        ...(s.launchedAt ? { launchedAt: s.launchedAt } : {}),
        ...(s.nominationsOpenedAt ? { nominationsOpenedAt: s.nominationsOpenedAt } : {}),
        ...(s.closedAt ? { closedAt: s.closedAt } : {}),
        countsTowardHigherTitles: d.kind !== 'THEMATIC',
      };
    }
    const file = this.fileCampaigns(new Set()).find((c) => c.id === id);
    if (!file) throw domainError('CAMPAIGN_NOT_FOUND');
    return {
      ...this.summary(file),
      period: { start: `${file.year}-01-01`, end: `${file.year}-12-31` },
      criteria: '',
      awardCodes: this.runtime.catalog.awards.map((a) => a.code),
      participants: { unitIds: [], clusterIds: [] },
      scoringTable: [],
      countsTowardHigherTitles: true,
    };
  }

  private unitName = (id: string) => this.runtime.directory.unit(id)?.name ?? id;

  /** Who registered (and which participating units have not), within the reader's scope. */
  async registrations(actor: Actor, campaignId: string) {
    const row = await getCampaign(this.runtime.readDb, campaignId);
    if (!row) {
      if (this.runtime.directory.campaign(campaignId)) return { campaignId, registered: [], notRegistered: [] };
      throw domainError('CAMPAIGN_NOT_FOUND');
    }
    const scope = registrationScopeOf(actor);
    const registered = await listRegistrations(this.runtime.readDb, campaignId, scope);
    const done = new Set(registered.map((r) => r.unitId));
    const inScope = (u: { id: string; clusterId: string }) =>
      scope.all || scope.unitIds.includes(u.id) || scope.clusterIds.includes(u.clusterId);
    const notRegistered = this.runtime.directory.org.units
      .filter((u) => inScope(u) && participates(row.state.definition, u.id, u.clusterId) && !done.has(u.id))
      .map((u) => ({ unitId: u.id, unitName: u.name, clusterId: u.clusterId }));
    return {
      campaignId,
      registered: registered.map((r) => ({ ...r, unitName: this.unitName(r.unitId) })),
      notRegistered,
    };
  }

  // ------------------------------------------------------------------------------ cluster scoring

  private cluster(clusterId: string) {
    const cluster = this.runtime.directory.org.clusters.find((c) => c.id === clusterId);
    if (!cluster) throw invalid('UNKNOWN_CLUSTER', `Không có cụm thi đua ${clusterId}`, 'id');
    return cluster;
  }

  private members(clusterId: string, campaign?: ExistingCampaign) {
    return this.runtime.directory.org.units
      .filter((u) => u.clusterId === clusterId && (!campaign || participates(campaign.definition, u.id, u.clusterId)))
      .map((u) => u.id);
  }

  private async scoringContext(campaignId: string) {
    const campaign = await loadCampaign(this.runtime.store, campaignId);
    if (!campaign) throw invalid('UNKNOWN_CAMPAIGN', `Không có đợt thi đua ${campaignId}`, 'campaignId');
    const d = campaign.definition;
    return {
      campaign,
      scoring: { campaignId, year: d.year, status: campaign.status, scoringTable: d.scoringTable },
    };
  }

  private async runScoring(command: Parameters<typeof runScoringCommand>[1]) {
    const written = await runScoringCommand(this.runtime.store, command, randomUUID());
    if (written.position) await this.ryw.reach(written.position);
    const s = await loadScoring(this.runtime.store, command.clusterId, command.year);
    return {
      clusterId: command.clusterId,
      year: command.year,
      status: s?.status ?? 'SCORING',
      position: written.position ?? 0,
    };
  }

  async recordScores(actor: Actor, clusterId: string, body: RecordScoresDto) {
    this.cluster(clusterId);
    const { campaign, scoring } = await this.scoringContext(body.campaignId);
    return this.runScoring({
      type: 'RecordUnitScores',
      clusterId,
      year: scoring.year,
      actor,
      now: new Date().toISOString(),
      campaign: scoring,
      memberUnitIds: this.members(clusterId, campaign),
      unitId: body.unitId,
      scores: body.scores,
    });
  }

  async agreeRanking(actor: Actor, clusterId: string, year: number, body: AgreeRankingDto) {
    this.cluster(clusterId);
    const existing = await loadScoring(this.runtime.store, clusterId, year);
    if (!existing) throw domainError('SCORING_NOT_FOUND');
    const { campaign, scoring } = await this.scoringContext(existing.campaignId);
    return this.runScoring({
      type: 'AgreeClusterRanking',
      clusterId,
      year,
      actor,
      now: new Date().toISOString(),
      campaign: scoring,
      memberUnitIds: this.members(clusterId, campaign),
      ranking: body.ranking,
      leadingUnitIds: body.leadingUnitIds,
      ...(body.certificateUnitIds ? { certificateUnitIds: body.certificateUnitIds } : {}),
      minutes: {
        number: body.minutes.number,
        heldOn: body.minutes.heldOn,
        summary: body.minutes.summary,
        attendees: body.minutes.attendees ?? [],
      },
    });
  }

  async scoring(actor: Actor, clusterId: string, year: number) {
    const known = this.runtime.directory.org.clusters.some((c) => c.id === clusterId);
    const rows = known ? scoringRowsFor(actor, clusterId, this.members(clusterId)) : null;
    if (!rows) throw domainError('SCORING_NOT_FOUND');
    const found = await getClusterScoring(this.runtime.readDb, clusterId, year, rows === 'all' ? undefined : rows);
    if (!found) throw domainError('SCORING_NOT_FOUND');
    const { state } = found;
    const campaign = await getCampaign(this.runtime.readDb, state.campaignId);
    return {
      clusterId,
      year,
      campaignId: state.campaignId,
      status: state.status,
      scoringTable: campaign?.state.definition.scoringTable ?? [],
      units: found.units.map((u) => ({
        ...u,
        unitName: this.unitName(u.unitId),
        certificate: state.certificateUnitIds?.includes(u.unitId) ?? false,
      })),
      unitsScored: Object.keys(state.scores).length,
      ...(state.minutes ? { minutes: state.minutes } : {}),
      ...(state.rankedAt ? { rankedAt: state.rankedAt } : {}),
    };
  }

  /**
   * A nomination drafted from the agreed ranking — the emulation flag for a leading unit, a certificate
   * (Bằng khen) for a unit ranked right after them: by that unit's officer, for the unit itself (a
   * collective, identified by its unit id), with the scores and the minutes as achievements. It then
   * goes the usual way: the unit head submits, the cluster endorses (proposes).
   */
  async draftFromRanking(
    actor: Actor,
    clusterId: string,
    year: number,
    kind: ClusterProposalKind,
  ): Promise<CommandResult> {
    const clusterName = this.cluster(clusterId).name;
    const s = await loadScoring(this.runtime.store, clusterId, year);
    if (!s) throw domainError('SCORING_NOT_FOUND');
    const unitId = actor.unitId ?? '';
    const { awardCode, rank, total } = awardProposedByCluster(s, unitId, kind, this.runtime.catalog);
    const achievements =
      `${kind === 'FLAG' ? 'Dẫn đầu' : 'Được cụm đề nghị tặng Bằng khen,'} ${clusterName} năm ${year}: ` +
      `xếp hạng ${rank}/${s.status === 'RANKED' ? (s.ranking?.length ?? 0) : 0}, ` +
      `tổng điểm ${total} theo bảng chấm điểm của đợt ${s.campaignId}; ` +
      `biên bản họp cụm số ${s.minutes?.number ?? ''} ngày ${s.minutes?.heldOn ?? ''}.`;
    const body: DraftNominationDto = {
      campaignId: s.campaignId,
      awardCode,
      nominee: { kind: 'collective', name: this.unitName(unitId), nomineeId: unitId },
      achievements,
    };
    // Keyed by cluster, year and kind: asking again gives the same draft, not a second one.
    const key = kind === 'FLAG' ? `flag:${clusterId}:${year}` : `certificate:${clusterId}:${year}:${unitId}`;
    return this.commands.execute(new DraftNominationCommand(actor, body, key));
  }
}
