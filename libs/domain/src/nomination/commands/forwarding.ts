/**
 * Awards decided above the province (Bằng khen of the Prime Minister, orders, national titles):
 * after the council approves, the Chairman signs a submission (tờ trình) to central level and the
 * nomination waits as FORWARDED; the office then records the central decision → AWARDED under that
 * authority, or not approved with the reason → REJECTED (no new terminal status: every reader of
 * terminal statuses already knows it; the event says why).
 */
import { invalid } from '../../shared/errors';
import type { ForwardToCentral, RecordCentralDecision } from '../nomination.commands';
import type { CentralAwardDecided, CentralAwardRefused, NominationForwarded } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import { vietnamDate } from '../../sla/stage-deadline';
import { Common, refuseDuplicate, required } from './shared';

const calendarDate = (value: string | undefined, field: string, now: string): string => {
  const v = required(value, field, 'Cần ngày, dạng YYYY-MM-DD');
  const t = Date.parse(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(t) || !new Date(t).toISOString().startsWith(v))
    throw invalid('DATE', 'Ngày phải có dạng YYYY-MM-DD', field);
  if (v > vietnamDate(Date.parse(now))) throw invalid('DATE', 'Ngày không được sau hôm nay', field);
  return v;
};

export function forwardToCentral(
  command: ForwardToCentral,
  _s: ExistingNomination,
  common: Common,
): NominationForwarded[] {
  return [
    {
      type: 'NominationForwarded',
      data: {
        ...common,
        submissionNumber: required(command.submissionNumber, 'submissionNumber', 'Cần số tờ trình'),
        submissionDate: calendarDate(command.submissionDate, 'submissionDate', command.now),
      },
    },
  ];
}

export function recordCentralDecision(
  command: RecordCentralDecision,
  s: ExistingNomination,
  common: Common,
): (CentralAwardDecided | CentralAwardRefused)[] {
  if (typeof command.approved !== 'boolean') throw invalid('DECISION', 'approved phải là true hoặc false', 'approved');
  if (!command.approved) {
    const reason = required(command.reason, 'reason', 'Không được khen thưởng phải nêu lý do');
    return [
      {
        type: 'CentralAwardRefused',
        data: {
          ...common,
          reason,
          ...(command.decisionNumber?.trim() ? { decisionNumber: command.decisionNumber.trim() } : {}),
          ...(command.authority?.trim() ? { authority: command.authority.trim() } : {}),
        },
      },
    ];
  }
  if (command.priorAwards) refuseDuplicate(command.priorAwards, s, s.nominationId);
  return [
    {
      type: 'CentralAwardDecided',
      data: {
        ...common,
        decisionNumber: required(command.decisionNumber, 'decisionNumber', 'Cần số quyết định của cấp Trung ương'),
        decisionDate: calendarDate(command.decisionDate, 'decisionDate', command.now),
        authority: required(command.authority, 'authority', 'Cần cơ quan, người quyết định khen thưởng'),
        awardCode: s.award.code,
        awardName: s.award.name,
        nominee: s.nominee,
        unitId: s.unitId,
        campaignId: s.campaign.id,
        year: s.campaign.year,
        oneOff: s.oneOff,
        cashMultiple: s.award.cashMultiple,
      },
    },
  ];
}
