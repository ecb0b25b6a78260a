import type { ActingAs } from '../../shared/actor';
import { invalid } from '../../shared/errors';
import { REVOCATION_GROUNDS, type RevocationGround } from '../../nomination/nomination.types';
import type { IssueRevocation } from '../award-decision.commands';
import type { AwardDecisionDrafted, DecisionSigned } from '../award-decision.events';
import { parseDecisionNumber } from './signature';

/** The trích yếu of a revocation decision (Decree 30/2020: "Về việc …"). */
export const revocationTitle = (awardName: string, nomineeName: string) =>
  `Về việc thu hồi ${awardName} đã tặng ${nomineeName}`;

/**
 * The revocation decision, drafted and signed at once by the Chairman: it names the award decision
 * it revokes and the legal ground. Its number is the register's (given), or the office's under
 * `external` (given with the request, or registered later: the decision is then SIGNED, not ISSUED).
 */
export function issueRevocation(c: IssueRevocation, by: ActingAs): [AwardDecisionDrafted, DecisionSigned] {
  if (!REVOCATION_GROUNDS.includes(c.revokes.ground as RevocationGround))
    throw invalid('GROUND', `Căn cứ hủy bỏ phải là một trong ${REVOCATION_GROUNDS.join(', ')}`, 'ground');
  const reason = typeof c.revokes.reason === 'string' ? c.revokes.reason.trim() : '';
  if (!reason) throw invalid('REQUIRED', 'Hủy bỏ khen thưởng phải nêu lý do', 'reason');
  if (c.numbering === 'register' && c.decisionNumber === undefined)
    throw invalid('NUMBERING_MODE', 'Cần số quyết định cấp từ sổ đăng ký', 'number');
  if (c.decisionNumber !== undefined && parseDecisionNumber(c.decisionNumber, c.authority) === undefined)
    throw invalid('DECISION_NUMBER', `Số quyết định phải có dạng 163/QĐ-${c.authority}`, 'number');
  const common = { decisionId: c.decisionId, by, at: c.now };
  return [
    {
      type: 'AwardDecisionDrafted',
      data: {
        ...common,
        kind: 'REVOCATION',
        authority: c.authority,
        authorityName: c.authorityName,
        place: c.place,
        numbering: c.numbering,
        title: revocationTitle(c.recipient.awardName, c.recipient.nomineeName),
        bases: c.bases.map((b) => b.trim()).filter(Boolean),
        awardCodes: [c.recipient.awardCode],
        recipients: [c.recipient],
        baseSalary: c.baseSalary,
        revokes: { ...c.revokes, reason },
      },
    },
    {
      type: 'DecisionSigned',
      data: {
        ...common,
        signer: { by, name: c.signerName, title: c.signerTitle },
        year: c.year,
        ...(c.decisionNumber !== undefined
          ? { decisionNumber: c.decisionNumber, sequence: parseDecisionNumber(c.decisionNumber, c.authority)! }
          : {}),
      },
    },
  ];
}
