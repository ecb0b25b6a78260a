/**
 * A lifetime written as a number and a unit (`90s`, `15m`, `8h`, `30d`) or plain seconds (`900`),
 * in milliseconds. The same spellings jsonwebtoken accepts for `expiresIn`, so one value can sign
 * an access token and be compared with a clock.
 */
export function parseDuration(text: string, name = 'duration'): number {
  const m = /^\s*(\d+)\s*(s|m|h|d)?\s*$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  if (!m || !Number.isSafeInteger(n) || n <= 0)
    throw new Error(
      `${name} must be a positive whole number of seconds or of s, m, h, d (e.g. 15m): ${JSON.stringify(text)}`,
    );
  return n * UNIT_MS[m[2] ?? 's'];
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
