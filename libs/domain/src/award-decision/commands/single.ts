import type { ActingAs } from '../../shared/actor';
import { invalid } from '../../shared/errors';
import type { IssueSingleDecision } from '../award-decision.commands';
import type { AwardDecisionDrafted, DecisionSigned } from '../award-decision.events';
import { evolveDecision, initialDecisionState } from '../award-decision.evolve';
import type { ExistingDecision } from '../award-decision.state';
import { draftDecision } from './drafting';
import { signDecision } from './signature';

/**
 * A one-recipient signature under `external` numbering (`POST /api/nominations/:id/signature`):
 * a decision of one recipient drafted and signed at once by the Chairman, with the office's number
 * given with the signature or registered later (`RegisterDecisionNumber`), as for any decision.
 * Under `register` the nomination's own signature takes the register's number instead.
 */
export function issueSingleDecision(c: IssueSingleDecision, by: ActingAs): [AwardDecisionDrafted, DecisionSigned] {
  if (c.numbering !== 'external')
    throw invalid(
      'NUMBERING_MODE',
      `Số quyết định của ${c.authority} do hệ thống cấp theo sổ đăng ký: Chủ tịch ký trực tiếp trên hồ sơ`,
      'number',
    );
  const [drafted] = draftDecision(
    {
      type: 'DraftDecision',
      decisionId: c.decisionId,
      actor: c.actor,
      now: c.now,
      kind: 'AWARD',
      authority: c.authority,
      authorityName: c.authorityName,
      place: c.place,
      numbering: c.numbering,
      title: c.title,
      bases: c.bases,
      awardCodes: [c.recipient.awardCode],
      recipients: [c.recipient],
      baseSalary: c.baseSalary,
    },
    by,
  );
  const draft = evolveDecision(initialDecisionState(), drafted) as ExistingDecision;
  const [signed] = signDecision(
    {
      type: 'SignDecision',
      decisionId: c.decisionId,
      actor: c.actor,
      now: c.now,
      signerName: c.signerName,
      signerTitle: c.signerTitle,
      year: c.year,
      ...(c.decisionNumber !== undefined ? { decisionNumber: c.decisionNumber, sequence: c.sequence } : {}),
      ...(c.comment ? { comment: c.comment } : {}),
    },
    draft,
    by,
  );
  return [drafted, signed];
}
