import { invalid, invalidState } from '../../shared/errors';
import type { CreateCampaign } from '../campaign.commands';
import type { CampaignCreated } from '../campaign.events';
import type { CampaignState } from '../campaign.state';
import { CAMPAIGN_KINDS, type CampaignDefinition, type ScoringCriterion } from '../campaign.types';
import { actAs, CAMPAIGN_OFFICE, isDate, text } from './shared';

const distinct = (xs: string[]) => new Set(xs).size === xs.length;

function scoringTable(rows: ScoringCriterion[]): ScoringCriterion[] {
  if (!Array.isArray(rows)) throw invalid('SCORING_TABLE', 'Bảng chấm điểm phải là một danh sách', 'scoringTable');
  rows.forEach((r, i) => {
    const f = `scoringTable[${i}]`;
    text(r?.code, `${f}.code`, 'Cần mã tiêu chí chấm điểm');
    text(r?.name, `${f}.name`, 'Cần tên tiêu chí chấm điểm');
    if (typeof r.weight !== 'number' || !(r.weight > 0))
      throw invalid('SCORING_TABLE', 'Trọng số phải là số dương', `${f}.weight`);
    if (typeof r.maxScore !== 'number' || !(r.maxScore > 0))
      throw invalid('SCORING_TABLE', 'Điểm tối đa phải là số dương', `${f}.maxScore`);
  });
  if (!distinct(rows.map((r) => r.code)))
    throw invalid('SCORING_TABLE', 'Mã tiêu chí chấm điểm bị trùng', 'scoringTable');
  return rows.map(({ code, name, weight, maxScore }) => ({ code, name, weight, maxScore }));
}

export function createCampaign(command: CreateCampaign, state: CampaignState): CampaignCreated[] {
  const by = actAs(command.actor, CAMPAIGN_OFFICE);
  if (state.status !== 'NONE') throw invalidState('CAMPAIGN_EXISTS', `Đã có đợt thi đua ${command.campaignId}`);
  const d = command.definition;
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(command.campaignId))
    throw invalid('CAMPAIGN_ID', 'Mã đợt thi đua: chữ thường không dấu, số và dấu gạch ngang', 'id');
  const name = text(d.name, 'name', 'Cần tên đợt thi đua');
  if (!CAMPAIGN_KINDS.includes(d.kind))
    throw invalid(
      'CAMPAIGN_KIND',
      'Loại đợt thi đua: ANNUAL (thường xuyên), THEMATIC (chuyên đề), PERIODIC (theo đợt)',
      'kind',
    );
  if (!Number.isInteger(d.year) || d.year < 2000 || d.year > 2100)
    throw invalid('YEAR', 'Năm của đợt thi đua không hợp lệ', 'year');
  if (!isDate(d.period?.start)) throw invalid('PERIOD', 'Ngày bắt đầu phải viết YYYY-MM-DD', 'period.start');
  if (!isDate(d.period?.end)) throw invalid('PERIOD', 'Ngày kết thúc phải viết YYYY-MM-DD', 'period.end');
  if (d.period.end < d.period.start) throw invalid('PERIOD', 'Ngày kết thúc phải sau ngày bắt đầu', 'period.end');
  if (typeof d.submissionDeadline !== 'string' || Number.isNaN(Date.parse(d.submissionDeadline)))
    throw invalid(
      'DATE_TIME',
      'Hạn nộp hồ sơ phải là thời điểm ISO, ví dụ 2026-12-31T17:00:00+07:00',
      'submissionDeadline',
    );
  const criteria = text(d.criteria, 'criteria', 'Cần nội dung, tiêu chí thi đua');
  if (!Array.isArray(d.awardCodes) || d.awardCodes.length === 0 || !distinct(d.awardCodes))
    throw invalid('AWARD_CODES', 'Cần danh sách các hình thức khen thưởng (không trùng)', 'awardCodes');
  d.awardCodes.forEach((c, i) => {
    if (!command.known.awardCodes.includes(c))
      throw invalid('UNKNOWN_AWARD', `Không có hình thức khen thưởng ${c}`, `awardCodes[${i}]`);
  });
  const unitIds = d.participants?.unitIds ?? [];
  const clusterIds = d.participants?.clusterIds ?? [];
  unitIds.forEach((u, i) => {
    if (!command.known.unitIds.includes(u))
      throw invalid('UNKNOWN_UNIT', `Không có đơn vị ${u}`, `participants.unitIds[${i}]`);
  });
  clusterIds.forEach((c, i) => {
    if (!command.known.clusterIds.includes(c))
      throw invalid('UNKNOWN_CLUSTER', `Không có cụm thi đua ${c}`, `participants.clusterIds[${i}]`);
  });
  const definition: CampaignDefinition = {
    campaignId: command.campaignId,
    name,
    kind: d.kind,
    year: d.year,
    period: { start: d.period.start, end: d.period.end },
    submissionDeadline: d.submissionDeadline,
    criteria,
    awardCodes: [...d.awardCodes],
    participants: { unitIds: [...new Set(unitIds)], clusterIds: [...new Set(clusterIds)] },
    scoringTable: scoringTable(d.scoringTable ?? []),
  };
  return [{ type: 'CampaignCreated', data: { campaignId: command.campaignId, at: command.now, by, definition } }];
}
