import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBaseSalarySchedule } from './base-salary';

describe('the base-salary schedule file', () => {
  it('ships 2,340,000 đồng from 1 July 2024 (Decree 73/2024), with its source', () => {
    const periods = loadBaseSalarySchedule(join(__dirname, '..', '..', '..', 'config', 'base-salary.json'));
    expect(periods.at(-1)).toMatchObject({ from: '2024-07-01', amountVnd: 2_340_000 });
    expect(periods.at(-1)?.source).toContain('73/2024');
  });

  it('stops start-up on a period that does not start on the first of a month', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'salary-')), 'base-salary.json');
    writeFileSync(file, JSON.stringify({ periods: [{ from: '2024-07-15', amountVnd: 1, source: 'x' }] }));
    expect(() => loadBaseSalarySchedule(file)).toThrow(/first of a month/);
  });
});
