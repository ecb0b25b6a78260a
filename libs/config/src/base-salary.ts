import { readFileSync } from 'node:fs';
import { validateBaseSalarySchedule, type BaseSalaryPeriod } from '@tdkt/domain';

/**
 * Reads the base-salary schedule (config/base-salary.json by default). A missing or malformed file
 * stops start-up with a message naming the file and what is wrong in it.
 */
export function loadBaseSalarySchedule(file: string): BaseSalaryPeriod[] {
  let raw: { periods?: unknown };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as { periods?: unknown };
  } catch (e) {
    throw new Error(`base salary ${file}: cannot be read (${(e as Error).message})`, { cause: e });
  }
  if (!Array.isArray(raw.periods)) throw new Error(`base salary ${file}: "periods" must be a list`);
  const periods = raw.periods as BaseSalaryPeriod[];
  const problems = validateBaseSalarySchedule(periods);
  if (problems.length) throw new Error(`base salary ${file}: ${problems.join('; ')}`);
  return periods.map(({ from, amountVnd, source }) => ({ from, amountVnd, source }));
}
