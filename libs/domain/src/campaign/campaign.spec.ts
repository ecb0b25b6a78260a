import { DeciderSpecification } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';
import type { CreateCampaign } from './campaign.commands';
import { campaignDecider } from './campaign.decider';
import type { CampaignEvent } from './campaign.events';
import type { CampaignDefinition } from './campaign.types';

const spec = DeciderSpecification.for(campaignDecider);

const office: Actor = { userId: 'thuky', roles: ['COUNCIL_SECRETARY'] };
const headDonvi1: Actor = { userId: 'thutruong.donvi1', roles: ['UNIT_HEAD'], unitId: 'donvi1', clusterId: 'cum1' };
const headDonvi3: Actor = { userId: 'thutruong.donvi3', roles: ['UNIT_HEAD'], unitId: 'donvi3', clusterId: 'cum2' };
const officerDonvi1: Actor = { userId: 'canbo.donvi1', roles: ['UNIT_OFFICER'], unitId: 'donvi1', clusterId: 'cum1' };
const ID = 'dong-khoi-moi-2027';
const AT = '2027-02-15T02:00:00.000Z';

const definition: Omit<CampaignDefinition, 'campaignId'> = {
  name: 'Phong trào thi đua "Đồng Khởi mới" năm 2027',
  kind: 'ANNUAL',
  year: 2027,
  period: { start: '2027-01-01', end: '2027-12-31' },
  submissionDeadline: '2027-12-31T17:00:00+07:00',
  criteria: 'Hoàn thành xuất sắc nhiệm vụ chính trị',
  awardCodes: ['TAP_THE_LDXS', 'CO_THI_DUA_TINH', 'BANG_KHEN_TINH'],
  participants: { unitIds: [], clusterIds: ['cum1'] },
  scoringTable: [{ code: 'NHIEM_VU', name: 'Nhiệm vụ', weight: 0.6, maxScore: 100 }],
};

function create(o: Partial<Omit<CampaignDefinition, 'campaignId'>> = {}, actor = office): CreateCampaign {
  return {
    type: 'CreateCampaign',
    campaignId: ID,
    actor,
    now: AT,
    definition: { ...definition, ...o },
    known: {
      awardCodes: ['TAP_THE_LDXS', 'CO_THI_DUA_TINH', 'BANG_KHEN_TINH', 'CSTD_TINH'],
      unitIds: ['donvi1', 'donvi2', 'donvi3'],
      clusterIds: ['cum1', 'cum2'],
    },
  };
}
const by = { userId: 'thuky', role: 'COUNCIL_SECRETARY' as const };
const created: CampaignEvent = {
  type: 'CampaignCreated',
  data: { campaignId: ID, at: AT, by, definition: { campaignId: ID, ...definition } },
};
const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: { campaignId: ID, at: AT, by, document: { number: '11/KH-UBND', date: '2027-02-15' } },
};
const opened: CampaignEvent = { type: 'CampaignNominationsOpened', data: { campaignId: ID, at: AT, by } };
const closed: CampaignEvent = { type: 'CampaignClosed', data: { campaignId: ID, at: AT, by } };
const base = { campaignId: ID, now: AT };
const register = (actor = headDonvi1, targets = ['TAP_THE_LDXS']) => ({
  ...base,
  type: 'RegisterForCampaign' as const,
  actor,
  clusterId: actor.clusterId ?? '',
  commitment: 'Hoàn thành 100% chỉ tiêu',
  targetAwardCodes: targets,
});

describe('A campaign, created and run by the commendation office', () => {
  it('the office creates it with its kind, period, deadline, criteria, award forms, participants and scoring table', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('only the office creates or runs a campaign (ROLE_REQUIRED)', () => {
    spec.given([]).when(create({}, headDonvi1)).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    spec
      .given([created])
      .when({ ...base, type: 'CloseCampaign', actor: headDonvi1 })
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('refuses a second creation, an unknown kind, a period ending before it starts, an unknown award or cluster', () => {
    spec.given([created]).when(create()).thenThrows('INVALID_STATE', 'CAMPAIGN_EXISTS');
    spec
      .given([])
      .when(create({ kind: 'YEARLY' as never }))
      .thenThrows('VALIDATION', 'CAMPAIGN_KIND');
    spec
      .given([])
      .when(create({ period: { start: '2027-12-31', end: '2027-01-01' } }))
      .thenThrows('VALIDATION', 'PERIOD');
    spec
      .given([])
      .when(create({ awardCodes: ['HUAN_CHUONG'] }))
      .thenThrows('VALIDATION', 'UNKNOWN_AWARD');
    spec
      .given([])
      .when(create({ participants: { unitIds: [], clusterIds: ['cum9'] } }))
      .thenThrows('VALIDATION', 'UNKNOWN_CLUSTER');
    spec
      .given([])
      .when(create({ scoringTable: [{ code: 'A', name: 'A', weight: 0, maxScore: 10 }] }))
      .thenThrows('VALIDATION', 'SCORING_TABLE');
  });

  it('launched with its document → open for registration → open for nominations → closed, in that order only', () => {
    spec
      .given([created])
      .when({ ...base, type: 'LaunchCampaign', actor: office, document: { number: '11/KH-UBND', date: '2027-02-15' } })
      .then([launched]);
    spec
      .given([created])
      .when({ ...base, type: 'LaunchCampaign', actor: office, document: { number: '11/KH-UBND', date: '15/02/2027' } })
      .thenThrows('VALIDATION', 'LAUNCH_DOCUMENT');
    spec
      .given([created])
      .when({ ...base, type: 'OpenCampaignNominations', actor: office })
      .thenThrows('INVALID_STATE', 'CAMPAIGN_STATE');
    spec
      .given([created, launched])
      .when({ ...base, type: 'OpenCampaignNominations', actor: office })
      .then([opened]);
    spec
      .given([created, launched, opened])
      .when({ ...base, type: 'CloseCampaign', actor: office })
      .then([closed]);
    spec
      .given([created, launched, opened, closed])
      .when({ ...base, type: 'CloseCampaign', actor: office })
      .thenThrows('INVALID_STATE', 'CAMPAIGN_STATE');
    spec
      .given([created, launched, opened])
      .when({ ...base, type: 'CloseCampaign', actor: office })
      .thenState((s) =>
        expect(s).toMatchObject({ status: 'CLOSED', closedAt: AT, launchDocument: { number: '11/KH-UBND' } }),
      );
  });
});

describe('Registration (đăng ký thi đua)', () => {
  it('the head of a participating unit registers its commitment and target titles while registration is open', () => {
    spec
      .given([created, launched])
      .when(register())
      .thenState((s) =>
        expect(s).toMatchObject({
          registrations: {
            donvi1: {
              unitId: 'donvi1',
              clusterId: 'cum1',
              targetAwardCodes: ['TAP_THE_LDXS'],
              registeredBy: 'thutruong.donvi1',
            },
          },
        }),
      );
  });

  it('refuses a unit that does not take part, a title the campaign does not award, the officer, and outside the registration step', () => {
    spec.given([created, launched]).when(register(headDonvi3)).thenThrows('FORBIDDEN', 'NOT_A_PARTICIPANT');
    spec
      .given([created, launched])
      .when(register(headDonvi1, ['CSTD_TINH']))
      .thenThrows('VALIDATION', 'AWARD_NOT_IN_CAMPAIGN');
    spec.given([created, launched]).when(register(officerDonvi1)).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    spec.given([created]).when(register()).thenThrows('INVALID_STATE', 'REGISTRATION_CLOSED');
    spec.given([created, launched, opened]).when(register()).thenThrows('INVALID_STATE', 'REGISTRATION_CLOSED');
  });
});
