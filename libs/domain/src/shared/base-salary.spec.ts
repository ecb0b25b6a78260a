import {
  amountAtSigning,
  amountPaidVnd,
  baseSalaryAt,
  baseSalaryInMonth,
  validateBaseSalarySchedule,
  vietnamMonthOf,
} from './base-salary';

const schedule = [
  { from: '2023-07-01', amountVnd: 1_800_000, source: 'Nghị định 24/2023/NĐ-CP' },
  { from: '2024-07-01', amountVnd: 2_340_000, source: 'Nghị định 73/2024/NĐ-CP' },
];

describe('cash rewards are multiples of the base salary in force when the decision is signed', () => {
  it('takes the salary of the signing month in Vietnam time', () => {
    // 30 June 2024, 18:00 UTC is already 1 July in Vietnam.
    expect(vietnamMonthOf('2024-06-30T18:00:00.000Z')).toBe('2024-07');
    expect(baseSalaryInMonth(schedule, '2024-06')?.amountVnd).toBe(1_800_000);
    expect(amountPaidVnd(schedule, '2024-07', 1.5)).toBe(3_510_000);
    expect(amountPaidVnd(schedule, '2020-01', 1)).toBe(0);
  });

  it('refuses a schedule whose periods do not start on the first of a month, in order, with a source', () => {
    expect(validateBaseSalarySchedule(schedule)).toEqual([]);
    expect(
      validateBaseSalarySchedule([
        { from: '2024-07-15', amountVnd: 1, source: 'x' },
        { from: '2024-01-01', amountVnd: 0, source: '' },
      ]),
    ).toHaveLength(4);
  });

  it('the period in force at an instant, in the shape a decision records it', () => {
    expect(baseSalaryAt(schedule, '2024-06-30T17:00:00.000Z')).toEqual({
      amount: 2_340_000,
      currency: 'VND',
      source: 'Nghị định 73/2024/NĐ-CP',
      effectiveFrom: '2024-07-01',
    });
    expect(baseSalaryAt(schedule, '2023-06-30T10:00:00.000Z')).toBeUndefined();
  });

  it('an award records what its decision fixed when drafted, else the multiple of the salary at signing', () => {
    // A decision drafted in June 2024 at 1,800,000 and signed in July keeps its drafted amount.
    expect(amountAtSigning(schedule, '2024-07-02T03:00:00.000Z', 1.5, 2_700_000)).toBe(2_700_000);
    expect(amountAtSigning(schedule, '2024-07-02T03:00:00.000Z', 1.5)).toBe(3_510_000);
    expect(amountAtSigning(schedule, '2020-01-01T03:00:00.000Z', 1.5)).toBeUndefined();
  });
});
