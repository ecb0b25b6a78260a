/**
 * The decisions' policy as data (`decisions` in config/award-catalog.json): each authority's numbering
 * mode and how its documents name it; the amounts from the one base-salary schedule (shared/base-salary).
 */
import { baseSalaryAt, type BaseSalaryPeriod } from '../shared/base-salary';
import { domainError } from '../shared/errors';
import type { AuthorityProfile, BaseSalary, DecisionPolicy } from './award-decision.types';

import { vietnamDate } from '../sla/stage-deadline';

/** Vietnam's calendar date (UTC+7, no daylight saving) of an ISO instant. */
export const vietnamDay = (iso: string) => vietnamDate(Date.parse(iso));
/** The signing year: a decision signed on 1 January 00:30 in Vietnam is numbered in the new year. */
export const vietnamYear = (iso: string) => Number(vietnamDay(iso).slice(0, 4));

/** The base salary of the schedule in force at `at` (Vietnam time); refused when the schedule has none. */
export function baseSalaryOn(schedule: readonly BaseSalaryPeriod[] | undefined, at: string): BaseSalary {
  const inForce = baseSalaryAt(schedule ?? [], at);
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
  const d = p as Partial<DecisionPolicy> & { baseSalary?: unknown };
  // One schedule: a second copy here could drift from config/base-salary.json unnoticed.
  if (d.baseSalary !== undefined)
    problems.push(
      'decisions.baseSalary is no longer read: the base salary is config/base-salary.json (TDKT_BASE_SALARY_FILE)',
    );
  for (const [k, a] of Object.entries(d.authorities ?? {}))
    if (!['register', 'external'].includes(a.numbering) || !a.name || !a.signerTitle)
      problems.push(`decisions.authorities.${k} needs numbering (register|external), name and signerTitle`);
  return problems;
}
