import type { ActingAs } from '../../shared/actor';
import type { OneAwardPolicy } from '../../catalog/award-catalog';
import { checkEligibility, duplicateAwardMessage, findDuplicateAward } from '../../eligibility/eligibility';
import { conflict, invalid, invalidState, type DomainError } from '../../shared/errors';
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

/**
 * "One achievement, one award": refused when the nominee already holds an award of the same kind for
 * the campaign's year, whatever the campaign (the policy's kinds and exceptions; default: same award).
 */
export function refuseDuplicate(
  history: PriorAward[],
  s: { award: { code: string; thematic?: boolean }; campaign: { year: number }; oneOff?: boolean },
  nominationId: string,
  policy?: OneAwardPolicy,
  /** Other nominations of the nominee still in progress: the same achievement proposed twice. */
  pending: PriorAward[] = [],
) {
  const candidate = {
    awardCode: s.award.code,
    year: s.campaign.year,
    recordId: nominationId,
    ...(s.oneOff ? { oneOff: true } : {}),
    ...(s.award.thematic ? { thematic: true } : {}),
  };
  const dup = findDuplicateAward(history, candidate, policy);
  if (dup) throw conflict('ONE_ACHIEVEMENT_ONE_AWARD', duplicateAwardMessage(dup, candidate, policy));
  const twice = findDuplicateAward(pending, candidate, policy);
  if (twice)
    throw conflict(
      'ONE_ACHIEVEMENT_ONE_AWARD',
      `Hồ sơ ${twice.nominationId} đang đề nghị ${twice.awardCode} cho thành tích năm ${twice.year} của người/tập thể này: một thành tích chỉ được khen một lần (rút hồ sơ kia trước khi đề nghị lại)`,
    );
}

/** Why the nominee's award history does not meet the award's conditions in `year`, or null when it does. */
export function ineligibility(
  award: Parameters<typeof checkEligibility>[0],
  history: PriorAward[],
  year: number,
): { error: DomainError | null; reasons: string[] } {
  const result = checkEligibility(award, history, year);
  if (result.eligible) return { error: null, reasons: result.reasons };
  const error = invalidState(
    'NOT_ELIGIBLE',
    `Chưa đủ điều kiện: ${result.reasons.filter((r) => r.startsWith('Chưa')).join('; ')}`,
  );
  return { error, reasons: result.reasons };
}

export function refuseIneligible(
  s: { award: Parameters<typeof checkEligibility>[0] },
  history: PriorAward[],
  year: number,
) {
  const { error, reasons } = ineligibility(s.award, history, year);
  if (error) throw error;
  return { eligible: true, reasons };
}
