/**
 * Stage time limits: working days in production (Saturdays and Sundays do not count; public
 * holidays are a province's calendar and belong in configuration once one is supplied), or
 * plain seconds in tests. Pure, so a workflow may compute its timers with it.
 */
export type StageTimeUnit = 'workingDays' | 'seconds';

const DAY = 86_400_000;

export function addWorkingDays(fromMs: number, days: number): number {
  let t = fromMs;
  let left = Math.ceil(days);
  while (left > 0) {
    t += DAY;
    const weekday = new Date(t + 7 * 3_600_000).getUTCDay(); // Vietnam time, UTC+7
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return t;
}

/** Due time (epoch ms) of a stage that started at `startMs` with `limit` units. */
export function stageDueAt(startMs: number, limit: number, unit: StageTimeUnit): number {
  return unit === 'seconds' ? startMs + limit * 1000 : addWorkingDays(startMs, limit);
}

/** When to remind: `reminderAt` (a share, e.g. 0.8) of the way from start to due. */
export function reminderAt(startMs: number, dueMs: number, share: number): number {
  return startMs + Math.floor((dueMs - startMs) * share);
}
