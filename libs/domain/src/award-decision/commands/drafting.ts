import { domainError, invalid } from '../../shared/errors';
import type { DraftDecision } from '../award-decision.commands';
import type { AwardDecisionDrafted } from '../award-decision.events';
import type { ActingAs } from '../../shared/actor';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function draftDecision(c: DraftDecision, by: ActingAs): AwardDecisionDrafted[] {
  const title = text(c.title);
  if (!title) throw invalid('REQUIRED', 'Cần trích yếu của quyết định', 'title');
  if (c.recipients.length === 0) throw invalid('REQUIRED', 'Cần ít nhất một hồ sơ', 'nominationIds');
  const seen = new Set<string>();
  for (const [i, r] of c.recipients.entries()) {
    if (seen.has(r.nominationId))
      throw invalid(
        'DUPLICATE_RECIPIENT',
        `Hồ sơ ${r.nominationId} có hai lần trong quyết định`,
        `nominationIds[${i}]`,
      );
    seen.add(r.nominationId);
    if (c.awardCodes.length > 0 && !c.awardCodes.includes(r.awardCode))
      throw invalid(
        'MIXED_AUTHORITIES',
        `Hồ sơ ${r.nominationId} đề nghị ${r.awardName}, không thuộc các hình thức của quyết định`,
        `nominationIds[${i}]`,
      );
  }
  if (!(c.baseSalary.amount > 0)) throw domainError('NO_BASE_SALARY');
  const bases = c.bases.map(text).filter(Boolean);
  return [
    {
      type: 'AwardDecisionDrafted',
      data: {
        decisionId: c.decisionId,
        by,
        at: c.now,
        kind: c.kind,
        authority: c.authority,
        authorityName: c.authorityName,
        place: c.place,
        numbering: c.numbering,
        title,
        bases,
        awardCodes: c.awardCodes.length ? c.awardCodes : [...new Set(c.recipients.map((r) => r.awardCode))],
        recipients: c.recipients,
        baseSalary: c.baseSalary,
        ...(c.revokes ? { revokes: c.revokes } : {}),
      },
    },
  ];
}
