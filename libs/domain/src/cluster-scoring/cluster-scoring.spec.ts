import { DeciderSpecification } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';
import type { AgreeClusterRanking, RecordUnitScores } from './cluster-scoring.commands';
import { awardProposedByCluster } from './cluster-proposal';
import { clusterScoringDecider } from './cluster-scoring.decider';
import type { ClusterScoringEvent } from './cluster-scoring.events';
import type { ScoringCampaign } from './cluster-scoring.types';

const spec = DeciderSpecification.for(clusterScoringDecider);
const leader: Actor = { userId: 'truongcum.cum1', roles: ['CLUSTER_LEADER'], unitId: 'donvi2', clusterId: 'cum1' };
const otherLeader: Actor = { userId: 'truongcum.cum2', roles: ['CLUSTER_LEADER'], unitId: 'donvi4', clusterId: 'cum2' };
const AT = '2026-12-05T02:00:00.000Z';
const campaign: ScoringCampaign = {
  campaignId: 'dong-khoi-moi-2026',
  year: 2026,
  status: 'NOMINATIONS_OPEN',
  scoringTable: [
    { code: 'NHIEM_VU', name: 'Nhiệm vụ', weight: 0.6, maxScore: 100 },
    { code: 'PHONG_TRAO', name: 'Phong trào', weight: 0.4, maxScore: 100 },
  ],
};
const base = { clusterId: 'cum1', year: 2026, actor: leader, now: AT, campaign, memberUnitIds: ['donvi1', 'donvi2'] };
const score = (
  unitId: string,
  scores: Record<string, number>,
  o: Partial<RecordUnitScores> = {},
): RecordUnitScores => ({
  ...base,
  type: 'RecordUnitScores',
  unitId,
  scores,
  ...o,
});
const by = { userId: 'truongcum.cum1', role: 'CLUSTER_LEADER' as const, unitId: 'donvi2', clusterId: 'cum1' };
const common = { clusterId: 'cum1', year: 2026, campaignId: 'dong-khoi-moi-2026', at: AT, by };
const scored = (unitId: string, nv: number, pt: number): ClusterScoringEvent => ({
  type: 'UnitScoresRecorded',
  data: {
    ...common,
    unitId,
    scores: { NHIEM_VU: nv, PHONG_TRAO: pt },
    total: Math.round((nv * 0.6 + pt * 0.4) * 100) / 100,
  },
});
const minutes = {
  number: '05/BB-CTĐ1',
  heldOn: '2026-12-05',
  summary: 'Cụm thống nhất xếp hạng',
  attendees: ['donvi1', 'donvi2'],
};
const rank = (
  ranking: string[],
  leadingUnitIds: string[],
  o: Partial<AgreeClusterRanking> = {},
): AgreeClusterRanking => ({
  ...base,
  type: 'AgreeClusterRanking',
  ranking,
  leadingUnitIds,
  minutes,
  ...o,
});

describe('Year-end scoring of an emulation cluster', () => {
  it('the cluster leader records a member unit’s scores; the total weighs each criterion', () => {
    spec
      .given([])
      .when(score('donvi1', { NHIEM_VU: 95, PHONG_TRAO: 80 }))
      .then([scored('donvi1', 95, 80)]);
    expect(scored('donvi1', 95, 80).data).toMatchObject({ total: 89 });
  });

  it('refuses another cluster’s leader, a unit outside the cluster, an unknown criterion or a score above the top', () => {
    spec
      .given([])
      .when(score('donvi1', { NHIEM_VU: 9, PHONG_TRAO: 9 }, { actor: otherLeader }))
      .thenThrows('FORBIDDEN', 'OUT_OF_SCOPE');
    spec
      .given([])
      .when(score('donvi3', { NHIEM_VU: 9, PHONG_TRAO: 9 }))
      .thenThrows('VALIDATION', 'NOT_IN_CLUSTER');
    spec
      .given([])
      .when(score('donvi1', { NHIEM_VU: 9, PHONG_TRAO: 9, X: 1 }))
      .thenThrows('VALIDATION', 'SCORE');
    spec
      .given([])
      .when(score('donvi1', { NHIEM_VU: 101, PHONG_TRAO: 9 }))
      .thenThrows('VALIDATION', 'SCORE');
    spec
      .given([])
      .when(score('donvi1', { NHIEM_VU: 9 }))
      .thenThrows('VALIDATION', 'SCORE');
  });

  it('needs a campaign with a scoring table that is launched and not closed (NO_SCORING_TABLE)', () => {
    spec
      .given([])
      .when(score('donvi1', { NHIEM_VU: 9, PHONG_TRAO: 9 }, { campaign: { ...campaign, status: 'CLOSED' } }))
      .thenThrows('INVALID_STATE', 'NO_SCORING_TABLE');
    spec
      .given([])
      .when(score('donvi1', {}, { campaign: { ...campaign, scoringTable: [] } }))
      .thenThrows('INVALID_STATE', 'NO_SCORING_TABLE');
  });

  it('the meeting agrees the ranking and the leading unit: minutes and ranking are events, with each unit’s rank and total', () => {
    spec
      .given([scored('donvi1', 95, 80), scored('donvi2', 90, 90)])
      .when(rank(['donvi2', 'donvi1'], ['donvi2']))
      .then([
        { type: 'ClusterMeetingMinutesRecorded', data: { ...common, minutes } },
        {
          type: 'ClusterRankingAgreed',
          data: {
            ...common,
            ranking: [
              { unitId: 'donvi2', rank: 1, total: 90 },
              { unitId: 'donvi1', rank: 2, total: 89 },
            ],
            leadingUnitIds: ['donvi2'],
            minutesNumber: '05/BB-CTĐ1',
          },
        },
      ]);
  });

  it('a ranking must list every scored unit once, and the leading units head it; once agreed nothing changes (RANKING_AGREED)', () => {
    const given = [scored('donvi1', 95, 80), scored('donvi2', 90, 90)];
    spec
      .given(given)
      .when(rank(['donvi2'], ['donvi2']))
      .thenThrows('VALIDATION', 'RANKING');
    spec
      .given(given)
      .when(rank(['donvi2', 'donvi1'], ['donvi1']))
      .thenThrows('VALIDATION', 'RANKING');
    spec
      .given(given)
      .when(rank(['donvi2', 'donvi1'], ['donvi2'], { minutes: { ...minutes, number: ' ' } }))
      .thenThrows('VALIDATION', 'REQUIRED');
    const agreed = spec
      .given(given)
      .when(rank(['donvi2', 'donvi1'], ['donvi2']))
      .thenEvents(() => undefined);
    spec
      .given([...given, ...agreed])
      .when(score('donvi1', { NHIEM_VU: 100, PHONG_TRAO: 100 }))
      .thenThrows('INVALID_STATE', 'RANKING_AGREED');
    spec
      .given([...given, ...agreed])
      .when(rank(['donvi1', 'donvi2'], ['donvi1']))
      .thenThrows('INVALID_STATE', 'RANKING_AGREED');
  });

  describe('certificates (Bằng khen) for the units ranked right after the leading ones', () => {
    const three = { ...base, memberUnitIds: ['donvi1', 'donvi2', 'donvi3'] };
    const given = [scored('donvi1', 95, 80), scored('donvi2', 90, 90), scored('donvi3', 70, 70)];
    const ranking = ['donvi2', 'donvi1', 'donvi3'];
    const catalog = {
      clusterProposal: { awardCodes: ['CO_THI_DUA_TINH'], certificateAwardCodes: ['BANG_KHEN_TINH'], source: 's' },
    };

    it('the meeting proposes the next-ranked unit for a certificate: the agreed ranking names it', () => {
      spec
        .given(given)
        .when({ ...rank(ranking, ['donvi2'], { certificateUnitIds: ['donvi1'] }), ...three })
        .thenEvents(([, agreed]) =>
          expect(agreed.data).toMatchObject({ leadingUnitIds: ['donvi2'], certificateUnitIds: ['donvi1'] }),
        );
    });

    it('a certificate that skips a better-ranked unit, repeats one or goes to a leading unit is refused (RANKING)', () => {
      for (const certificateUnitIds of [['donvi3'], ['donvi1', 'donvi1'], ['donvi2'], ['donvi1', 'donvi3', 'donvi2']]) {
        const e = spec
          .given(given)
          .when({ ...rank(ranking, ['donvi2'], { certificateUnitIds }), ...three })
          .thenThrows('VALIDATION', 'RANKING');
        expect(e.field).toBe('certificateUnitIds');
      }
    });

    it('the ranking drafts the flag for the leading unit and the certificate for the next one, nothing for the rest', () => {
      const agreed = spec
        .given(given)
        .when({ ...rank(ranking, ['donvi2'], { certificateUnitIds: ['donvi1'] }), ...three })
        .thenEvents(() => undefined);
      const state = [...given, ...agreed].reduce(clusterScoringDecider.evolve, clusterScoringDecider.initialState());
      expect(awardProposedByCluster(state, 'donvi2', 'FLAG', catalog)).toEqual({
        awardCode: 'CO_THI_DUA_TINH',
        rank: 1,
        total: 90,
      });
      expect(awardProposedByCluster(state, 'donvi1', 'CERTIFICATE', catalog)).toEqual({
        awardCode: 'BANG_KHEN_TINH',
        rank: 2,
        total: 89,
      });
      expect(() => awardProposedByCluster(state, 'donvi1', 'FLAG', catalog)).toThrow(
        'không được cụm thi đua đề nghị dẫn đầu',
      );
      expect(() => awardProposedByCluster(state, 'donvi3', 'CERTIFICATE', catalog)).toThrow(
        'không được cụm thi đua đề nghị tặng Bằng khen',
      );
      const before = given.reduce(clusterScoringDecider.evolve, clusterScoringDecider.initialState());
      expect(() => awardProposedByCluster(before, 'donvi1', 'CERTIFICATE', catalog)).toThrow(
        'chưa thống nhất xếp hạng',
      );
    });
  });
});
