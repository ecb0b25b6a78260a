import type { ActingAs } from '../../shared/actor';
import { checkEligibility, findDuplicateAward } from '../../eligibility/eligibility';
import { conflict, invalid, invalidState } from '../../shared/errors';
import type { PriorAward } from '../nomination.types';

/** What every event of a command carries: the nomination, who acted in which role, when, and the comment. */
export interface Common {
  nominationId: string;
  by: ActingAs;
  at: string;
  comment?: string;
}

export const required = (value: string | undefined, field: string, message: string): string => {
  const v = value?.trim();
  if (!v) throw invalid('REQUIRED', message, field);
  return v;
};

/**
 * An ISO date-time as an instant (epoch ms). Times arrive with different offsets (a campaign
 * deadline written `+07:00`, a workflow clock in UTC `Z`), so they are compared as instants,
 * never as strings.
 */
export const instant = (iso: string, field: string): number => {
  const t = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t)) throw invalid('DATE_TIME', `Thời điểm không hợp lệ: ${String(iso)}`, field);
  return t;
};

export function refuseDuplicate(
  history: PriorAward[],
  s: { award: { code: string }; campaign: { id: string } },
  nominationId: string,
) {
  const dup = findDuplicateAward(history, s.award.code, s.campaign.id, nominationId);
  if (dup)
    throw conflict(
      'ONE_ACHIEVEMENT_ONE_AWARD',
      `Người/tập thể này đã được tặng ${s.award.code} trong đợt ${s.campaign.id}${dup.decisionNumber ? ` (QĐ ${dup.decisionNumber})` : ''}: một thành tích chỉ được khen một lần`,
    );
}

export function refuseIneligible(
  s: { award: Parameters<typeof checkEligibility>[0] },
  history: PriorAward[],
  year: number,
) {
  const result = checkEligibility(s.award, history, year);
  if (!result.eligible)
    throw invalidState(
      'NOT_ELIGIBLE',
      `Chưa đủ điều kiện: ${result.reasons.filter((r) => r.startsWith('Chưa')).join('; ')}`,
    );
  return result;
}
