/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values events carry: object keys sorted by UTF-16
 * code units, no whitespace, numbers and strings as ECMAScript's JSON.stringify writes them. The same
 * event re-serialised by any tool that keeps the values (not the key order) canonicalises identically.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('JCS has no form for NaN or Infinity');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value).sort();
  let out = '';
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function') continue; // as JSON.stringify drops them
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}
