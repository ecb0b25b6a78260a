import { actingAs, hasRole } from '../shared/actor';
import { domainError, forbidden, invalid, invalidState } from '../shared/errors';
import { isDate, text } from '../campaign/commands/shared';
import type { AgreeClusterRanking, ClusterScoringCommand, RecordUnitScores } from './cluster-scoring.commands';
import type { ClusterScoringEvent } from './cluster-scoring.events';
import type { ClusterScoringState, ExistingScoring } from './cluster-scoring.state';
import type { ScoringCampaign } from './cluster-scoring.types';

/** Σ score × weight, to two decimals (the table's weights say how much each criterion counts). */
export function weightedTotal(campaign: Pick<ScoringCampaign, 'scoringTable'>, scores: Record<string, number>): number {
  const sum = campaign.scoringTable.reduce((t, c) => t + (scores[c.code] ?? 0) * c.weight, 0);
  return Math.round(sum * 100) / 100;
}

function common(command: ClusterScoringCommand, state: ClusterScoringState) {
  if (!hasRole(command.actor, 'CLUSTER_LEADER'))
    throw forbidden('ROLE_REQUIRED', 'Chỉ trưởng cụm/khối thi đua chấm điểm và xếp hạng các đơn vị trong cụm');
  if (command.actor.clusterId !== command.clusterId)
    throw forbidden('OUT_OF_SCOPE', 'Chỉ chấm điểm các đơn vị trong cụm của mình');
  const c = command.campaign;
  if (c.year !== command.year)
    throw invalid('CAMPAIGN_MISMATCH', `Đợt thi đua ${c.campaignId} không thuộc năm ${command.year}`, 'campaignId');
  if (state.status !== 'NONE' && state.campaignId !== c.campaignId)
    throw invalid(
      'CAMPAIGN_MISMATCH',
      `Cụm đã chấm điểm năm ${command.year} theo đợt ${state.campaignId}`,
      'campaignId',
    );
  if (c.scoringTable.length === 0 || (c.status !== 'REGISTRATION_OPEN' && c.status !== 'NOMINATIONS_OPEN'))
    throw invalidState(
      'NO_SCORING_TABLE',
      c.scoringTable.length === 0
        ? `Đợt thi đua ${c.campaignId} không có bảng chấm điểm cụm`
        : `Đợt thi đua ${c.campaignId} chưa phát động hoặc đã kết thúc`,
    );
  if (state.status === 'RANKED') throw domainError('RANKING_AGREED');
  return {
    by: actingAs(command.actor, 'CLUSTER_LEADER'),
    clusterId: command.clusterId,
    year: command.year,
    campaignId: c.campaignId,
    at: command.now,
  };
}

function recordScores(command: RecordUnitScores, state: ClusterScoringState): ClusterScoringEvent[] {
  const base = common(command, state);
  if (!command.memberUnitIds.includes(command.unitId))
    throw invalid(
      'NOT_IN_CLUSTER',
      `Đơn vị ${command.unitId} không thuộc cụm ${command.clusterId} trong đợt thi đua này`,
      'unitId',
    );
  const scores = command.scores;
  if (!scores || typeof scores !== 'object' || Array.isArray(scores))
    throw invalid('SCORE', 'Cần điểm theo từng tiêu chí', 'scores');
  const table = command.campaign.scoringTable;
  for (const code of Object.keys(scores))
    if (!table.some((c) => c.code === code))
      throw invalid('SCORE', `Không có tiêu chí ${code} trong bảng chấm điểm`, `scores.${code}`);
  for (const c of table) {
    const v = scores[c.code];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > c.maxScore)
      throw invalid('SCORE', `Điểm tiêu chí "${c.name}" phải từ 0 đến ${c.maxScore}`, `scores.${c.code}`);
  }
  const clean = Object.fromEntries(table.map((c) => [c.code, scores[c.code]]));
  return [
    {
      type: 'UnitScoresRecorded',
      data: { ...base, unitId: command.unitId, scores: clean, total: weightedTotal(command.campaign, clean) },
    },
  ];
}

function agreeRanking(command: AgreeClusterRanking, state: ClusterScoringState): ClusterScoringEvent[] {
  const base = common(command, state);
  const s = state as ExistingScoring;
  const scored = state.status === 'NONE' ? [] : Object.keys(s.scores);
  if (scored.length === 0) throw invalid('RANKING', 'Chưa chấm điểm đơn vị nào trong cụm', 'ranking');
  const ranking = command.ranking;
  if (
    !Array.isArray(ranking) ||
    new Set(ranking).size !== ranking.length ||
    ranking.length !== scored.length ||
    !ranking.every((u) => scored.includes(u))
  )
    throw invalid(
      'RANKING',
      `Bảng xếp hạng phải có mỗi đơn vị đã chấm điểm đúng một lần (${scored.sort().join(', ')})`,
      'ranking',
    );
  const leading = command.leadingUnitIds;
  if (
    !Array.isArray(leading) ||
    leading.length === 0 ||
    new Set(leading).size !== leading.length ||
    !leading.every((u) => ranking.slice(0, leading.length).includes(u))
  )
    throw invalid('RANKING', 'Đơn vị dẫn đầu phải là những đơn vị xếp đầu bảng', 'leadingUnitIds');
  // Certificates go down the ranking from where the flag stopped: no unit skipped, none twice.
  const certificates: unknown[] = Array.isArray(command.certificateUnitIds) ? command.certificateUnitIds : [];
  const next: unknown[] = ranking.slice(leading.length, leading.length + certificates.length);
  if (
    (command.certificateUnitIds !== undefined && !Array.isArray(command.certificateUnitIds)) ||
    new Set(certificates).size !== certificates.length ||
    !certificates.every((u) => next.includes(u))
  )
    throw invalid(
      'RANKING',
      'Đơn vị đề nghị tặng Bằng khen phải là những đơn vị xếp liền sau đơn vị dẫn đầu',
      'certificateUnitIds',
    );
  const m = command.minutes;
  const number = text(m?.number, 'minutes.number', 'Cần số biên bản họp cụm');
  if (!isDate(m?.heldOn)) throw invalid('DATE_TIME', 'Ngày họp phải viết YYYY-MM-DD', 'minutes.heldOn');
  const summary = text(m?.summary, 'minutes.summary', 'Cần nội dung tóm tắt biên bản họp cụm');
  const attendees = Array.isArray(m.attendees) ? m.attendees.filter((a) => typeof a === 'string' && a.trim()) : [];
  return [
    {
      type: 'ClusterMeetingMinutesRecorded',
      data: { ...base, minutes: { number, heldOn: m.heldOn, summary, attendees } },
    },
    {
      type: 'ClusterRankingAgreed',
      data: {
        ...base,
        ranking: ranking.map((unitId, i) => ({ unitId, rank: i + 1, total: s.scores[unitId].total })),
        leadingUnitIds: [...leading],
        ...(certificates.length ? { certificateUnitIds: certificates as string[] } : {}),
        minutesNumber: number,
      },
    },
  ];
}

export function decideScoring(command: ClusterScoringCommand, state: ClusterScoringState): ClusterScoringEvent[] {
  switch (command.type) {
    case 'RecordUnitScores':
      return recordScores(command, state);
    case 'AgreeClusterRanking':
      return agreeRanking(command, state);
    default: {
      const never: never = command;
      throw new Error(`unknown scoring command ${(never as { type: string }).type}`);
    }
  }
}
