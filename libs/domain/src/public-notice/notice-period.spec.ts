import { noticeEndsAt, startOfVietnamDay } from './notice-period';

const iso = (ms: number) => new Date(ms).toISOString();
const HOLIDAYS = ['2026-04-30', '2026-05-01', '2026-09-02'];

describe('How long a list stays on public notice (working days, Vietnam time)', () => {
  it('the day it is posted does not count: posted Monday 2 March 2026, 10 working days end with Monday 16 March', () => {
    // Tue 3 … Fri 6 (4), Mon 9 … Fri 13 (9), Mon 16 (10): the council may vote from Tuesday 17 March, 00:00.
    expect(iso(noticeEndsAt(startOfVietnamDay('2026-03-02') + 9 * 3_600_000, 10, 'workingDays', HOLIDAYS))).toBe(
      '2026-03-16T17:00:00.000Z',
    );
  });

  it('weekends do not count: posted on a Friday, 1 working day ends with the Monday', () => {
    expect(iso(noticeEndsAt(startOfVietnamDay('2026-03-06'), 1, 'workingDays'))).toBe('2026-03-09T17:00:00.000Z');
  });

  it('public holidays of the catalog do not count (30/4 and 1/5 2026)', () => {
    // Posted Wed 29 April: Thu 30/4 and Fri 1/5 are holidays, so 1 working day ends with Monday 4 May.
    expect(iso(noticeEndsAt(startOfVietnamDay('2026-04-29'), 1, 'workingDays', HOLIDAYS))).toBe(
      '2026-05-04T17:00:00.000Z',
    );
    expect(iso(noticeEndsAt(startOfVietnamDay('2026-04-29'), 1, 'workingDays'))).toBe('2026-04-30T17:00:00.000Z');
  });

  it('the posting time of day does not matter, only the Vietnam calendar date (23:30 on the 2nd is still the 2nd)', () => {
    const lateEvening = Date.parse('2026-03-02T16:30:00Z'); // 23:30 in Vietnam
    const earlyMorning = Date.parse('2026-03-01T17:30:00Z'); // 00:30 in Vietnam, 2 March
    expect(noticeEndsAt(lateEvening, 3, 'workingDays')).toBe(noticeEndsAt(earlyMorning, 3, 'workingDays'));
  });

  it('in seconds (tests, demos), the period is that many seconds from the start', () => {
    const start = Date.parse('2026-03-02T02:00:00Z');
    expect(noticeEndsAt(start, 10, 'seconds')).toBe(start + 10_000);
  });
});
