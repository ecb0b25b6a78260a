import type { AwardType, EligibilityRule } from '../catalog/award-catalog';
import type { PriorAward } from '../nomination/nomination.types';

export interface EligibilityResult {
  eligible: boolean;
  /** One line per rule, in Vietnamese, saying why it is met or not. */
  reasons: string[];
}

/**
 * Awards that count as grounds for higher awards: signed, not revoked, and neither one-off
 * (đột xuất) nor thematic (chuyên đề) — DOMAIN.md, legal frame.
 */
function countsAsGround(a: PriorAward): boolean {
  return !a.revoked && !a.oneOff && !a.thematic;
}

function yearsHolding(history: PriorAward[], awardCode: string): Set<number> {
  return new Set(history.filter((a) => a.awardCode === awardCode && countsAsGround(a)).map((a) => a.year));
}

/** Longest run of consecutive years ending in `lastYear` or the year before it. */
function consecutiveRun(years: Set<number>, lastYear: number): { run: number; from?: number; to?: number } {
  let best = { run: 0 } as { run: number; from?: number; to?: number };
  for (const end of [lastYear, lastYear - 1]) {
    let y = end;
    while (years.has(y)) y--;
    const run = end - y;
    if (run > best.run) best = { run, from: y + 1, to: end };
  }
  return best;
}

function evaluate(rule: EligibilityRule, history: PriorAward[], year: number): { ok: boolean; reason: string } {
  const years = yearsHolding(history, rule.awardCode);
  const label = rule.description ?? `${rule.awardCode} × ${rule.years}`;
  if (rule.kind === 'consecutiveYears') {
    const { run, from, to } = consecutiveRun(years, year);
    return run >= rule.years
      ? { ok: true, reason: `Đạt: ${label} (${from}–${to})` }
      : { ok: false, reason: `Chưa đạt: ${label} — mới có ${run} năm liên tục` };
  }
  const window = Array.from({ length: rule.within }, (_, i) => year - i);
  const held = window.filter((y) => years.has(y));
  return held.length >= rule.years
    ? { ok: true, reason: `Đạt: ${label} (${held.sort((a, b) => a - b).join(', ')})` }
    : {
        ok: false,
        reason: `Chưa đạt: ${label} — có ${held.length}/${rule.years} năm trong ${rule.within} năm gần nhất`,
      };
}

/** Pure: is a nominee with this award history eligible for `award` in campaign year `year`, and why. */
export function checkEligibility(
  award: Pick<AwardType, 'eligibility'>,
  history: PriorAward[],
  year: number,
): EligibilityResult {
  const results = award.eligibility.map((r) => evaluate(r, history, year));
  return {
    eligible: results.every((r) => r.ok),
    reasons: results.length ? results.map((r) => r.reason) : ['Không có điều kiện về khen thưởng trước đó'],
  };
}

export { findDuplicateAward, awardKindOf, duplicateAwardMessage, DEFAULT_ONE_AWARD_POLICY } from './one-award';
export type { AwardCandidate } from './one-award';
