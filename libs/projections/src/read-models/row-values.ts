// Column values as both databases hand them back (BIGINT may come as a string, JSON is stored as TEXT).

export const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const jsonOr = <T>(v: unknown, fallback: T): T => (typeof v === 'string' && v ? (JSON.parse(v) as T) : fallback);
