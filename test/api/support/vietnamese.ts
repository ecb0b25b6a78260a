/**
 * What a person reads in an error must be Vietnamese: no English message of a framework or library
 * passed on ("nested property … must be …", "Unexpected token …", "Forbidden resource"), and no role
 * code where a role is named. Returns what leaked (empty when the body is clean).
 */
const ENGLISH = /\b(must|should|cannot|unexpected|unauthorized|forbidden|property|nested|invalid|required|expected)\b/i;
const ROLE_CODES = /\b(UNIT_OFFICER|UNIT_HEAD|CLUSTER_LEADER|COUNCIL_SECRETARY|COUNCIL_MEMBER|CHAIRMAN|AUDITOR)\b/;
const hasVietnamese = (text: string) => [...text].some((c) => c.charCodeAt(0) > 0x7f);

export function nonVietnameseIn(body: unknown): string[] {
  const leaks: string[] = [];
  if (!body || typeof body !== 'object') return ['body is not an ErrorBody'];
  const b = body as { message?: unknown; code?: unknown; errors?: { field?: string; reasons?: unknown[] }[] };
  const texts = [b.message, ...(b.errors ?? []).flatMap((e) => e.reasons ?? [])];
  if (typeof b.code !== 'string' || typeof b.message !== 'string') leaks.push('no code or message');
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    if (!hasVietnamese(t) || ENGLISH.test(t) || ROLE_CODES.test(t)) leaks.push(t);
  }
  return leaks;
}
