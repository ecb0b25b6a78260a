import { addWorkingDays, reminderAt, stageDueAt, vietnamDate } from './stage-deadline';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

// November 2026: Mon 23, Fri 27, Sat 28, Sun 29, Mon 30 (Vietnam time, UTC+7).
describe('Stage deadlines: working days in Vietnam time', () => {
  it('one working day after a Monday morning is Tuesday morning', () => {
    expect(iso(addWorkingDays(at('2026-11-23T02:00:00Z'), 1))).toBe('2026-11-24T02:00:00.000Z');
  });

  it('one working day after a Friday is the next Monday: Saturday and Sunday do not count', () => {
    expect(iso(addWorkingDays(at('2026-11-27T02:00:00Z'), 1))).toBe('2026-11-30T02:00:00.000Z');
  });

  it('the weekend is Vietnam’s: from Friday 03:00 in Vietnam (Thursday in UTC), one working day is Monday 03:00 in Vietnam', () => {
    // A UTC calendar would land on Friday 20:00 UTC — which is already Saturday in Vietnam.
    expect(iso(addWorkingDays(at('2026-11-26T20:00:00Z'), 1))).toBe('2026-11-29T20:00:00.000Z');
  });

  it('a limit started at the weekend runs from the next working day', () => {
    // Saturday 09:00 → Monday 09:00 is the first working day.
    expect(iso(addWorkingDays(at('2026-11-28T02:00:00Z'), 1))).toBe('2026-11-30T02:00:00.000Z');
  });

  it('25 working days (checking a provincial certificate) are five calendar weeks', () => {
    expect(iso(addWorkingDays(at('2026-11-02T02:00:00Z'), 25))).toBe('2026-12-07T02:00:00.000Z');
  });

  it('a part of a day counts as a whole working day; zero days is no delay', () => {
    expect(addWorkingDays(at('2026-11-23T02:00:00Z'), 0.5)).toBe(addWorkingDays(at('2026-11-23T02:00:00Z'), 1));
    expect(addWorkingDays(at('2026-11-23T02:00:00Z'), 0)).toBe(at('2026-11-23T02:00:00Z'));
  });

  it('public holidays do not count: from Wednesday 29 April 2026, one working day skips 30/4, 1/5 and the weekend', () => {
    const holidays = ['2026-04-30', '2026-05-01'];
    expect(iso(addWorkingDays(at('2026-04-29T02:00:00Z'), 1, holidays))).toBe('2026-05-04T02:00:00.000Z');
    expect(iso(addWorkingDays(at('2026-04-29T02:00:00Z'), 1))).toBe('2026-04-30T02:00:00.000Z');
  });

  it('a holiday is a Vietnam calendar date: 1 January starts at 17:00 UTC on 31 December', () => {
    expect(vietnamDate(at('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vietnamDate(at('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    // Thursday 31/12 09:00 in Vietnam + 1 working day: Friday 1/1 is a holiday, so Monday 4/1.
    expect(iso(addWorkingDays(at('2026-12-31T02:00:00Z'), 1, ['2027-01-01']))).toBe('2027-01-04T02:00:00.000Z');
  });

  it('the due time of a stage counts working days in production…', () => {
    expect(iso(stageDueAt(at('2026-11-27T02:00:00Z'), 2, 'workingDays'))).toBe('2026-12-01T02:00:00.000Z');
  });

  it('…skipping the holidays it is given', () => {
    expect(iso(stageDueAt(at('2026-04-29T02:00:00Z'), 2, 'workingDays', ['2026-04-30', '2026-05-01']))).toBe(
      '2026-05-05T02:00:00.000Z',
    );
  });

  it('…and plain seconds in tests', () => {
    expect(stageDueAt(at('2026-11-27T02:00:00Z'), 2, 'seconds')).toBe(at('2026-11-27T02:00:02Z'));
  });

  it('the reminder comes at its share of the way from start to due', () => {
    expect(reminderAt(1_000, 11_000, 0.8)).toBe(9_000);
    expect(reminderAt(1_000, 11_000, 0)).toBe(1_000);
  });
});
