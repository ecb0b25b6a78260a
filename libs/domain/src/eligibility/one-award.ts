import type { OneAwardPolicy } from '../catalog/award-catalog';
import type { PriorAward } from '../nomination/nomination.types';

/**
 * "One achievement earns one award only" (Law 06/2022/QH15): the achievement is the nominee's work
 * of a period (the campaign's year), whatever the campaign that proposes it. Two awards of the same
 * kind for the same nominee and period are the same achievement awarded twice. Kinds and exceptions
 * are policy (`oneAchievementOneAward` in the award catalog); without it each award is its own kind
 * and one-off and thematic awards are achievements of their own.
 */
export const DEFAULT_ONE_AWARD_POLICY: OneAwardPolicy = {
  kinds: [],
  exceptions: { oneOff: true, thematic: true },
  source: 'Mặc định: mỗi hình thức/danh hiệu là một loại; khen đột xuất, chuyên đề là thành tích riêng',
};

/** The kind an award code belongs to: its group in the policy, else the code itself. */
export function awardKindOf(policy: OneAwardPolicy | undefined, awardCode: string): string {
  return (policy ?? DEFAULT_ONE_AWARD_POLICY).kinds.find((k) => k.awards.includes(awardCode))?.kind ?? awardCode;
}

/** What is being awarded (or proposed): the award, the achievement's year, and whether it is an exception. */
export interface AwardCandidate {
  awardCode: string;
  year: number;
  oneOff?: boolean;
  thematic?: boolean;
  /** The record of the candidate itself (its nomination, or its history entry): never its own duplicate. */
  recordId?: string;
}

const isException = (policy: OneAwardPolicy, a: { oneOff?: boolean; thematic?: boolean }) =>
  (policy.exceptions.oneOff && a.oneOff === true) || (policy.exceptions.thematic && a.thematic === true);

/** The award already held (not revoked) that this candidate would duplicate, if any. */
export function findDuplicateAward(
  history: readonly PriorAward[],
  candidate: AwardCandidate,
  policy: OneAwardPolicy = DEFAULT_ONE_AWARD_POLICY,
): PriorAward | undefined {
  if (isException(policy, candidate)) return undefined;
  const kind = awardKindOf(policy, candidate.awardCode);
  return history.find(
    (a) =>
      !a.revoked &&
      a.nominationId !== candidate.recordId &&
      a.year === candidate.year &&
      !isException(policy, a) &&
      awardKindOf(policy, a.awardCode) === kind,
  );
}

/** The refusal's text: which award, which year, under which decision, and the rule's source. */
export function duplicateAwardMessage(held: PriorAward, candidate: AwardCandidate, policy?: OneAwardPolicy): string {
  const decision = held.decisionNumber ? ` (QĐ ${held.decisionNumber})` : '';
  const kind = (policy ?? DEFAULT_ONE_AWARD_POLICY).kinds.find((k) => k.awards.includes(candidate.awardCode));
  const same =
    held.awardCode === candidate.awardCode
      ? held.awardCode
      : `${held.awardCode} (cùng loại ${kind?.name ?? kind?.kind})`;
  return `Người/tập thể này đã được tặng ${same} cho thành tích năm ${held.year}${decision}: một thành tích chỉ được khen một lần`;
}
