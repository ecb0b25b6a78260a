/**
 * The decisions' policy as data (`decisions` in config/award-catalog.json): base salary in force
 * on a date, each authority's numbering mode and how its documents name it, and the amounts.
 */
import { domainError } from '../shared/errors';
import type { AuthorityProfile, BaseSalary, DecisionPolicy } from './award-decision.types';

import { vietnamDate } from '../sla/stage-deadline';

/** Vietnam's calendar date (UTC+7, no daylight saving) of an ISO instant. */
export const vietnamDay = (iso: string) => vietnamDate(Date.parse(iso));
/** The signing year: a decision signed on 1 January 00:30 in Vietnam is numbered in the new year. */
export const vietnamYear = (iso: string) => Number(vietnamDay(iso).slice(0, 4));

/** The base salary in effect on the date of `at`: the latest one whose `effectiveFrom` is not after it. */
export function baseSalaryOn(policy: DecisionPolicy, at: string): BaseSalary {
  const day = vietnamDay(at);
  const inForce = policy.baseSalary
    .filter((b) => b.effectiveFrom <= day)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!inForce) throw domainError('NO_BASE_SALARY');
  return inForce;
}

/** cashMultiple × base salary, rounded to the đồng. */
export const amountOf = (cashMultiple: number, base: BaseSalary) => Math.round(cashMultiple * base.amount);

/** An authority the catalog does not describe is numbered by this system, with a generic profile. */
export function authorityProfile(policy: DecisionPolicy | undefined, authority: string): AuthorityProfile {
  return (
    policy?.authorities[authority] ?? {
      numbering: 'register',
      name: `CƠ QUAN BAN HÀNH ${authority}`,
      signerTitle: 'THỦ TRƯỞNG',
      place: '',
    }
  );
}

/** Checks the `decisions` block of a catalog; returns the reasons it is wrong. */
export function decisionPolicyProblems(p: unknown): string[] {
  if (p === undefined) return [];
  const problems: string[] = [];
  const d = p as Partial<DecisionPolicy>;
  if (!Array.isArray(d.baseSalary) || d.baseSalary.length === 0)
    problems.push('decisions.baseSalary must list at least one');
  for (const b of d.baseSalary ?? [])
    if (!(b.amount > 0) || !/^\d{4}-\d{2}-\d{2}$/.test(b.effectiveFrom) || typeof b.source !== 'string')
      problems.push('each decisions.baseSalary needs amount > 0, effectiveFrom (YYYY-MM-DD) and source');
  for (const [k, a] of Object.entries(d.authorities ?? {}))
    if (!['register', 'external'].includes(a.numbering) || !a.name || !a.signerTitle)
      problems.push(`decisions.authorities.${k} needs numbering (register|external), name and signerTitle`);
  return problems;
}
