/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values events carry: object keys sorted by UTF-16
 * code units, no whitespace, numbers and strings as ECMAScript's JSON.stringify writes them. The same
 * event re-serialised by any tool that keeps the values (not the key order) canonicalises identically.
 * Values are taken as JSON.stringify stores them (toJSON first, e.g. dates; NaN and ±Infinity as null;
 * undefined members dropped), so a value and the JSON it was stored as, read back, give the same bytes.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    value = (value as { toJSON(): unknown }).toJSON();
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value).sort();
  let out = '';
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function') continue; // as JSON.stringify drops them
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}
