/** Vietnam keeps UTC+7 all year (no daylight saving): dates people read, and the digest's day. */
const OFFSET_MS = 7 * 3600_000;

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-11-17T02:00:00Z` → `17/11/2026 09:00` (giờ Việt Nam). */
export function vietnamDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** The Vietnam calendar day of an instant, `YYYY-MM-DD`. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of `HH:MM` Vietnam time on the Vietnam day `YYYY-MM-DD`. */
export function vietnamInstant(day: string, time: string): Date {
  return new Date(Date.parse(`${day}T${time}:00.000Z`) - OFFSET_MS);
}
