/**
 * Stage time limits: working days in production (Saturdays, Sundays and the province's public
 * holidays do not count, all in Vietnam time), or plain seconds in tests. Pure, so a workflow may
 * compute its timers with it.
 */
export type StageTimeUnit = 'workingDays' | 'seconds';

const DAY = 86_400_000;
const VIETNAM_OFFSET = 7 * 3_600_000; // UTC+7, no daylight saving

/** The calendar date in Vietnam of an instant, `YYYY-MM-DD`. */
export const vietnamDate = (ms: number): string => new Date(ms + VIETNAM_OFFSET).toISOString().slice(0, 10);

/**
 * `days` working days after `fromMs`, at the same time of day. `holidays` are Vietnam calendar
 * dates (`YYYY-MM-DD`, e.g. from the catalog's `stageTimeLimits.publicHolidays`).
 */
export function addWorkingDays(fromMs: number, days: number, holidays: readonly string[] = []): number {
  const off = new Set(holidays);
  let t = fromMs;
  let left = Math.ceil(days);
  while (left > 0) {
    t += DAY;
    const weekday = new Date(t + VIETNAM_OFFSET).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !off.has(vietnamDate(t))) left--;
  }
  return t;
}

/** Due time (epoch ms) of a stage that started at `startMs` with `limit` units. */
export function stageDueAt(
  startMs: number,
  limit: number,
  unit: StageTimeUnit,
  holidays: readonly string[] = [],
): number {
  return unit === 'seconds' ? startMs + limit * 1000 : addWorkingDays(startMs, limit, holidays);
}

/** When to remind: `reminderAt` (a share, e.g. 0.8) of the way from start to due. */
export function reminderAt(startMs: number, dueMs: number, share: number): number {
  return startMs + Math.floor((dueMs - startMs) * share);
}
