import { checkEligibility } from '../eligibility/eligibility';
import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from '../nomination/nomination.decider';
import type { Nominee, PriorAward } from '../nomination/nomination.types';
import type { ExistingCampaign } from './campaign.state';
import { draftingContextOf, fileCampaignContext, isThematicAward, nominationCampaignOf } from './nomination-rules';

const spec = DeciderSpecification.for(nominationDecider);
const catalog = {
  emulationRegistration: { requiredFor: ['TAP_THE_LDXS', 'CSTD_TINH', 'CO_THI_DUA_TINH'], source: 'Luật 06/2022/QH15' },
  clusterProposal: { awardCodes: ['CO_THI_DUA_TINH'], source: 'DOMAIN.md: đề nghị của cụm' },
};

function campaign(o: Partial<ExistingCampaign> = {}, kind: 'ANNUAL' | 'THEMATIC' = 'ANNUAL'): ExistingCampaign {
  return {
    status: 'NOMINATIONS_OPEN',
    createdAt: f.T.drafted,
    registrations: {},
    ...o,
    definition: {
      campaignId: 'dong-khoi-moi-2026',
      name: 'Đồng Khởi mới 2026',
      kind,
      year: 2026,
      period: { start: '2026-01-01', end: '2026-12-31' },
      submissionDeadline: '2026-12-31T17:00:00+07:00',
      criteria: 'Tiêu chí',
      awardCodes: ['BANG_KHEN_TINH', 'TAP_THE_LDXS', 'CO_THI_DUA_TINH'],
      participants: { unitIds: [], clusterIds: [] },
      scoringTable: [{ code: 'NHIEM_VU', name: 'Nhiệm vụ', weight: 1, maxScore: 100 }],
    },
  };
}
const registered = {
  donvi1: {
    unitId: 'donvi1',
    clusterId: 'cum1',
    commitment: 'Cam kết',
    targetAwardCodes: ['TAP_THE_LDXS'],
    registeredBy: 'thutruong.donvi1',
    at: f.T.drafted,
  },
};
const draftIn = (
  c: ExistingCampaign,
  awardCode = 'BANG_KHEN_TINH',
  leading: string[] | null = null,
  o: { nominee?: Nominee } = {},
) => ({
  ...f.draftNomination({
    award: f.award(awardCode),
    nominee: o.nominee ?? (awardCode === 'BANG_KHEN_TINH' ? f.nomineeAn : f.collectiveDonvi1),
    campaign: nominationCampaignOf(c),
  }),
  campaignRules: draftingContextOf(c, catalog, leading),
});

describe('What a campaign rules for the nominations in it', () => {
  it('a draft in a closed campaign is refused when drafted (CAMPAIGN_CLOSED), and before nominations open (CAMPAIGN_NOT_OPEN)', () => {
    spec
      .given([])
      .when(draftIn(campaign({ status: 'CLOSED' })))
      .thenThrows('INVALID_STATE', 'CAMPAIGN_CLOSED');
    spec
      .given([])
      .when(draftIn(campaign({ status: 'REGISTRATION_OPEN' })))
      .thenThrows('INVALID_STATE', 'CAMPAIGN_NOT_OPEN');
    spec
      .given([])
      .when(draftIn(campaign()))
      .thenEvents(([e]) => expect(e.data).toMatchObject({ campaign: { id: 'dong-khoi-moi-2026', kind: 'ANNUAL' } }));
  });

  it('a campaign still declared in the organisation file: closed (open: false) refuses drafts like a closed stream; open takes any unit and form', () => {
    const fileDraft = (open: boolean) => ({
      ...f.draftNomination({ award: f.award('BANG_KHEN_TINH') }),
      campaignRules: fileCampaignContext({ open }, ['CSTD_TINH', 'BANG_KHEN_TINH']),
    });
    spec.given([]).when(fileDraft(false)).thenThrows('INVALID_STATE', 'CAMPAIGN_CLOSED');
    spec
      .given([])
      .when(fileDraft(true))
      .thenEvents(([e]) =>
        expect(e).toMatchObject({ type: 'NominationDrafted', data: { award: { code: 'BANG_KHEN_TINH' } } }),
      );
  });

  it('a unit that does not take part in the campaign may not nominate in it (NOT_A_PARTICIPANT)', () => {
    const c = campaign();
    c.definition.participants = { unitIds: ['donvi3'], clusterIds: ['cum2'] };
    spec.given([]).when(draftIn(c)).thenThrows('FORBIDDEN', 'NOT_A_PARTICIPANT');
    c.definition.participants = { unitIds: ['donvi1'], clusterIds: [] };
    spec
      .given([])
      .when(draftIn(c))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });

  it('an award form the campaign does not lead to is refused (AWARD_NOT_IN_CAMPAIGN)', () => {
    spec.given([]).when(draftIn(campaign(), 'CSTD_TINH')).thenThrows('VALIDATION', 'AWARD_NOT_IN_CAMPAIGN');
  });

  it('an annual title for a unit that never registered is refused with the policy’s source (NOT_REGISTERED); registered, it passes', () => {
    const refused = spec
      .given([])
      .when(draftIn(campaign(), 'TAP_THE_LDXS'))
      .thenThrows('INVALID_STATE', 'NOT_REGISTERED');
    expect(refused.message).toContain('Luật 06/2022/QH15');
    spec
      .given([])
      .when(draftIn(campaign({ registrations: registered }), 'TAP_THE_LDXS'))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
    // A thematic campaign asks no registration for titles.
    const thematic = campaign({}, 'THEMATIC');
    thematic.definition.awardCodes.push('TAP_THE_LDXS');
    spec
      .given([])
      .when(draftIn(thematic, 'TAP_THE_LDXS'))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });

  it('the emulation flag goes only to a unit the cluster’s agreed ranking puts at its head (NOT_A_LEADING_UNIT)', () => {
    const c = campaign({ registrations: registered });
    const unit = { nominee: { kind: 'collective' as const, name: 'Sở Giáo dục và Đào tạo', nomineeId: 'donvi1' } };
    spec
      .given([])
      .when(draftIn(c, 'CO_THI_DUA_TINH', null, unit))
      .thenThrows('INVALID_STATE', 'NOT_A_LEADING_UNIT');
    spec
      .given([])
      .when(draftIn(c, 'CO_THI_DUA_TINH', ['donvi2'], unit))
      .thenThrows('INVALID_STATE', 'NOT_A_LEADING_UNIT');
    spec
      .given([])
      .when(draftIn(c, 'CO_THI_DUA_TINH', ['donvi1'], unit))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });
});

describe('Awards from a thematic campaign do not count toward higher titles', () => {
  it('the campaign’s kind makes an award thematic, whatever the award form says', () => {
    expect(isThematicAward({}, { kind: 'THEMATIC' })).toBe(true);
    expect(isThematicAward({}, { kind: 'ANNUAL' })).toBe(false);
    expect(isThematicAward({ thematic: true }, {})).toBe(true);
  });

  it('three consecutive CSTD_CO_SO years, one of them from a thematic campaign, do not make a provincial fighter (CSTD_TINH)', () => {
    const cstdTinh = f.award('CSTD_TINH');
    const years = (thematic2025: boolean): PriorAward[] =>
      [2024, 2025, 2026].map((year) => ({
        ...f.priorAward({ year }),
        ...(year === 2025 && isThematicAward({}, { kind: thematic2025 ? 'THEMATIC' : 'ANNUAL' })
          ? { thematic: true }
          : {}),
      }));
    expect(checkEligibility(cstdTinh, years(false), 2026).eligible).toBe(true);
    expect(checkEligibility(cstdTinh, years(true), 2026).eligible).toBe(false);
  });
});
