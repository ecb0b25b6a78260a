/**
 * What a campaign rules for the nominations in it — pure, read by the nomination's decider through
 * the context the activity loads (the campaign's stream folded, the catalog's registration policy).
 */
import type { AwardCatalog, AwardType, RegistrationPolicy } from '../catalog/award-catalog';
import { forbidden, invalid, invalidState } from '../shared/errors';
import { participates } from './participation';
import type { Campaign } from '../nomination/nomination.types';
import type { ExistingCampaign } from './campaign.state';
import type { CampaignDefinition, CampaignKind, CampaignStatus } from './campaign.types';

export interface CampaignDraftingContext {
  status: CampaignStatus;
  kind: CampaignKind;
  awardCodes: string[];
  participants: CampaignDefinition['participants'];
  registeredUnitIds: string[];
  /** The catalog's policy when it applies to this campaign (annual campaigns only). */
  registration?: RegistrationPolicy;
  /**
   * Awards the cluster proposes from its agreed ranking (the emulation flag), when the campaign has a
   * scoring table: the leading units of the nominating unit's cluster, or null before a ranking is agreed.
   */
  clusterProposal?: { requiredFor: string[]; source: string; leadingUnitIds: string[] | null };
}

/** The campaign as a nomination records it (its kind decides whether its awards count toward higher titles). */
export function nominationCampaignOf(s: ExistingCampaign): Campaign {
  const d = s.definition;
  return { id: d.campaignId, year: d.year, submissionDeadline: d.submissionDeadline, kind: d.kind };
}

export function draftingContextOf(
  s: ExistingCampaign,
  catalog: Pick<AwardCatalog, 'emulationRegistration' | 'clusterProposal'>,
  /** The leading units the nominating unit's cluster agreed for the campaign's year (null: no ranking yet). */
  leadingUnitIds: string[] | null,
): CampaignDraftingContext {
  const policy = catalog.emulationRegistration;
  const proposal = catalog.clusterProposal;
  return {
    status: s.status,
    kind: s.definition.kind,
    awardCodes: s.definition.awardCodes,
    participants: s.definition.participants,
    registeredUnitIds: Object.keys(s.registrations).sort(),
    ...(policy && s.definition.kind === 'ANNUAL' ? { registration: policy } : {}),
    ...(proposal && s.definition.scoringTable.length
      ? { clusterProposal: { requiredFor: proposal.awardCodes, source: proposal.source, leadingUnitIds } }
      : {}),
  };
}

/**
 * A campaign still declared in the organisation file (before campaigns became streams): its `open`
 * flag is its status — open for nominations, or closed, and then drafts are refused as in a closed
 * stream campaign. It names no participants, award forms, registration or scoring: all are allowed.
 */
export function fileCampaignContext(c: { open: boolean }, awardCodes: readonly string[]): CampaignDraftingContext {
  return {
    status: c.open ? 'NOMINATIONS_OPEN' : 'CLOSED',
    kind: 'ANNUAL',
    awardCodes: [...awardCodes],
    participants: { unitIds: [], clusterIds: [] },
    registeredUnitIds: [],
  };
}

/**
 * A draft is refused when drafted, not only when submitted: in a campaign not yet open for
 * nominations or already closed, from a unit that does not take part, for an award form the campaign
 * does not lead to, and — for the
 * titles the registration policy names — from a unit that never registered (đăng ký thi đua).
 */
export function refuseDraftInCampaign(
  ctx: CampaignDraftingContext,
  place: { unitId: string; clusterId: string },
  award: Pick<AwardType, 'code' | 'name'>,
  nomineeId: string,
): void {
  const { unitId, clusterId } = place;
  if (ctx.status === 'CLOSED') throw invalidState('CAMPAIGN_CLOSED', 'Đợt thi đua đã kết thúc: không lập hồ sơ mới');
  if (ctx.status !== 'NOMINATIONS_OPEN')
    throw invalidState('CAMPAIGN_NOT_OPEN', 'Đợt thi đua chưa mở nhận hồ sơ đề nghị khen thưởng');
  if (!participates(ctx, unitId, clusterId))
    throw forbidden('NOT_A_PARTICIPANT', 'Đơn vị không thuộc đối tượng tham gia đợt thi đua này');
  if (!ctx.awardCodes.includes(award.code))
    throw invalid('AWARD_NOT_IN_CAMPAIGN', `Đợt thi đua này không xét ${award.name}`, 'awardCode');
  if (ctx.registration?.requiredFor.includes(award.code) && !ctx.registeredUnitIds.includes(unitId))
    throw invalidState(
      'NOT_REGISTERED',
      `Đơn vị chưa đăng ký thi đua trong đợt này nên không được xét danh hiệu ${award.name} (${ctx.registration.source})`,
    );
  const p = ctx.clusterProposal;
  if (p?.requiredFor.includes(award.code) && !p.leadingUnitIds?.includes(nomineeId))
    throw invalidState(
      'NOT_A_LEADING_UNIT',
      p.leadingUnitIds
        ? `${award.name} chỉ đề nghị cho đơn vị dẫn đầu theo xếp hạng cụm đã thống nhất (${p.leadingUnitIds.join(', ')}) — ${p.source}`
        : `Cụm thi đua chưa thống nhất xếp hạng năm nay: chưa đề nghị ${award.name} — ${p.source}`,
    );
}

/**
 * Awards from a thematic campaign (chuyên đề) do not count toward higher titles: the award form's
 * own flag, or the kind of the campaign it came from.
 */
export const isThematicAward = (award: { thematic?: boolean }, campaign: { kind?: CampaignKind }): boolean =>
  award.thematic === true || campaign.kind === 'THEMATIC';
