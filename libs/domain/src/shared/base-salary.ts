/**
 * The base salary (lương cơ sở) cash rewards are multiples of: ONE schedule of amounts, each from a
 * date of effect, with its legal source. Policy configuration (config/base-salary.json, loaded once by
 * the configuration into the catalog), not code. An award decision records the amount in force when it
 * is drafted; the statistics read that recorded amount, and the schedule only for awards without one.
 */
export interface BaseSalaryPeriod {
  /** First day in force, `YYYY-MM-01` (changes take effect on the first of a month). */
  from: string;
  amountVnd: number;
  source: string;
}

/** Checks a schedule: periods in order of date, each starting on the first of a month, positive amounts. */
export function validateBaseSalarySchedule(periods: readonly BaseSalaryPeriod[]): string[] {
  const problems: string[] = [];
  periods.forEach((p, i) => {
    if (!/^\d{4}-\d{2}-01$/.test(p.from)) problems.push(`periods[${i}].from: ${p.from} is not the first of a month`);
    if (!(p.amountVnd > 0)) problems.push(`periods[${i}].amountVnd must be positive`);
    if (!p.source) problems.push(`periods[${i}].source is missing`);
    if (i > 0 && periods[i - 1].from >= p.from) problems.push(`periods[${i}].from must follow periods[${i - 1}].from`);
  });
  return problems;
}

/** Vietnam time (UTC+7, no daylight saving): the month a signing instant falls in, `YYYY-MM`. */
export function vietnamMonthOf(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** The base salary in force in a month (`YYYY-MM`); undefined before the first period of the schedule. */
export function baseSalaryInMonth(periods: readonly BaseSalaryPeriod[], month: string): BaseSalaryPeriod | undefined {
  let found: BaseSalaryPeriod | undefined;
  for (const p of periods) if (p.from.slice(0, 7) <= month) found = p;
  return found;
}

/** Cash paid for `cashMultiple` base salaries signed in `month`, in whole đồng (0 when no salary applies). */
export function amountPaidVnd(periods: readonly BaseSalaryPeriod[], month: string, cashMultiple: number): number {
  const salary = baseSalaryInMonth(periods, month);
  return salary ? Math.round(cashMultiple * salary.amountVnd) : 0;
}

/** The period in force at an instant (Vietnam's month), in the shape an award decision records it. */
export function baseSalaryAt(
  periods: readonly BaseSalaryPeriod[],
  at: string,
): { amount: number; currency: 'VND'; source: string; effectiveFrom: string } | undefined {
  const p = baseSalaryInMonth(periods, vietnamMonthOf(at));
  return p && { amount: p.amountVnd, currency: 'VND', source: p.source, effectiveFrom: p.from };
}

/**
 * The amount an award records when it is signed: what its award decision fixed for this recipient
 * when drafted (the decision is the legal act that pays it), else — a one-recipient signature — the
 * multiple of the base salary in force at signing; undefined when the schedule covers neither.
 */
export function amountAtSigning(
  periods: readonly BaseSalaryPeriod[],
  at: string,
  cashMultiple: number,
  decisionAmountVnd?: number,
): number | undefined {
  if (decisionAmountVnd !== undefined) return decisionAmountVnd;
  const salary = baseSalaryInMonth(periods, vietnamMonthOf(at));
  return salary ? Math.round(cashMultiple * salary.amountVnd) : undefined;
}
