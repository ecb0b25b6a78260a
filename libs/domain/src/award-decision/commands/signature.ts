import type { ActingAs } from '../../shared/actor';
import { domainError, invalid } from '../../shared/errors';
import type { DeclineDecision, RegisterDecisionNumber, SignDecision } from '../award-decision.commands';
import type { DecisionDeclined, DecisionNumberRegistered, DecisionSigned } from '../award-decision.events';
import type { ExistingDecision } from '../award-decision.state';

/**
 * Step 1 of a signature, everything that may refuse it except the number: the caller runs it
 * BEFORE allocating a number from the register (a refused signature consumes none: gap-free).
 */
export function prepareDecisionSignature(c: { number?: string }, s: ExistingDecision): void {
  if (s.recipients.length === 0) throw domainError('DECISION_EMPTY');
  if (s.numbering === 'register' && c.number)
    throw invalid(
      'NUMBERING_MODE',
      `Số quyết định của ${s.authority} do hệ thống cấp theo sổ đăng ký khi ký; không nhập số`,
      'number',
    );
  // external: the office may give the number from its register with the signature, or register it later.
  if (c.number !== undefined && parseDecisionNumber(c.number, s.authority) === undefined)
    throw invalid('DECISION_NUMBER', `Số quyết định phải có dạng 163/QĐ-${s.authority}`, 'number');
}

export function signDecision(c: SignDecision, s: ExistingDecision, by: ActingAs): DecisionSigned[] {
  prepareDecisionSignature(s.numbering === 'external' && c.decisionNumber ? { number: c.decisionNumber } : {}, s);
  if (s.numbering === 'register' && !c.decisionNumber)
    throw invalid('NUMBERING_MODE', 'Cần số quyết định cấp từ sổ đăng ký', 'number');
  return [
    {
      type: 'DecisionSigned',
      data: {
        decisionId: s.decisionId,
        by,
        at: c.now,
        signer: { by, name: c.signerName, title: c.signerTitle },
        year: c.year,
        ...(c.decisionNumber ? { decisionNumber: c.decisionNumber, sequence: c.sequence! } : {}),
        ...(c.comment ? { comment: c.comment } : {}),
      },
    },
  ];
}

export function declineDecision(c: DeclineDecision, s: ExistingDecision, by: ActingAs): DecisionDeclined[] {
  const reason = typeof c.reason === 'string' ? c.reason.trim() : '';
  if (!reason) throw invalid('REQUIRED', 'Không ký quyết định phải nêu lý do', 'comment');
  return [{ type: 'DecisionDeclined', data: { decisionId: s.decisionId, by, at: c.now, reason } }];
}

/** `<sequence>/QĐ-<authority>` of this decision's authority, e.g. 163/QĐ-UBND. */
export function parseDecisionNumber(number: string, authority: string): number | undefined {
  const m = /^([1-9][0-9]{0,6})\/QĐ-([A-Z][A-Z0-9-]*)$/.exec(number.normalize('NFC').trim());
  return m && m[2] === authority ? Number(m[1]) : undefined;
}

export function registerDecisionNumber(
  c: RegisterDecisionNumber,
  s: ExistingDecision,
  by: ActingAs,
): DecisionNumberRegistered[] {
  if (s.numbering !== 'external')
    throw invalid('NUMBERING_MODE', `Số quyết định của ${s.authority} do hệ thống cấp theo sổ đăng ký`, 'number');
  const number = typeof c.decisionNumber === 'string' ? c.decisionNumber.normalize('NFC').trim() : '';
  if (parseDecisionNumber(number, s.authority) === undefined)
    throw invalid('DECISION_NUMBER', `Số quyết định phải có dạng 163/QĐ-${s.authority}`, 'number');
  return [
    {
      type: 'DecisionNumberRegistered',
      data: { decisionId: s.decisionId, by, at: c.now, decisionNumber: number, year: s.year! },
    },
  ];
}
