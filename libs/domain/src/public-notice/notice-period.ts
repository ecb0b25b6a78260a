/**
 * How long a list stays on public notice (công khai) before the council may vote on it. Pure: the
 * clock comes in as an argument. Working days: Saturday, Sunday and the province's public holidays
 * do not count, Vietnam time; the day the list is posted does not count either (Civil Code
 * 91/2015/QH13 Art. 147: a period in days starts the day after the event). With the `seconds`
 * unit (tests, demos: `TDKT_STAGE_TIME_UNIT`) the period is that many seconds from the start.
 */
import { addWorkingDays, vietnamDate, type StageTimeUnit } from '../sla/stage-deadline';

const DAY = 86_400_000;

/** 00:00 Vietnam time of a calendar date `YYYY-MM-DD`. */
export const startOfVietnamDay = (date: string): number => Date.parse(`${date}T00:00:00+07:00`);

/**
 * When the notice ends (epoch ms): the council may vote from then on, and comments close.
 * `startMs` is when the list was posted.
 */
export function noticeEndsAt(
  startMs: number,
  workingDays: number,
  unit: StageTimeUnit,
  holidays: readonly string[] = [],
): number {
  if (unit === 'seconds') return startMs + workingDays * 1000;
  // The Nth working day after the posting day, through its end (= 00:00 of the next calendar day).
  return addWorkingDays(startOfVietnamDay(vietnamDate(startMs)), workingDays, holidays) + DAY;
}
