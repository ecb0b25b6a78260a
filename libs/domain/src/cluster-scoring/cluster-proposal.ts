import type { AwardCatalog } from '../catalog/award-catalog';
import { invalidState } from '../shared/errors';
import type { ClusterScoringState } from './cluster-scoring.state';

/** What a cluster's agreed ranking proposes a unit for: the flag (leading units) or a certificate (next ones). */
export type ClusterProposalKind = 'FLAG' | 'CERTIFICATE';

/**
 * The award a unit's nomination drafted from its cluster's ranking is for: the catalog's flag for a
 * leading unit, its certificate (Bằng khen) for a unit the meeting ranked right after them. Refused
 * before the ranking is agreed, and for a unit the ranking proposes for nothing of that kind.
 */
export function awardProposedByCluster(
  state: ClusterScoringState,
  unitId: string,
  kind: ClusterProposalKind,
  catalog: Pick<AwardCatalog, 'clusterProposal'>,
): { awardCode: string; rank: number; total: number } {
  if (state.status !== 'RANKED')
    throw invalidState(
      kind === 'FLAG' ? 'NOT_A_LEADING_UNIT' : 'NOT_PROPOSED_FOR_CERTIFICATE',
      'Cụm thi đua chưa thống nhất xếp hạng năm nay',
    );
  const proposed = kind === 'FLAG' ? state.leadingUnitIds : state.certificateUnitIds;
  if (!proposed?.includes(unitId))
    throw kind === 'FLAG'
      ? invalidState('NOT_A_LEADING_UNIT', 'Đơn vị không được cụm thi đua đề nghị dẫn đầu năm nay')
      : invalidState('NOT_PROPOSED_FOR_CERTIFICATE', 'Đơn vị không được cụm thi đua đề nghị tặng Bằng khen năm nay');
  const p = catalog.clusterProposal;
  const awardCode =
    kind === 'FLAG' ? (p?.awardCodes[0] ?? 'CO_THI_DUA_TINH') : (p?.certificateAwardCodes?.[0] ?? 'BANG_KHEN_TINH');
  const ranked = state.ranking?.find((r) => r.unitId === unitId);
  return { awardCode, rank: ranked?.rank ?? 0, total: ranked?.total ?? state.scores[unitId]?.total ?? 0 };
}
