/** A nomination as a decision lists it: the appendix row of one recipient, priced at the base salary given. */
import type { ExistingNomination } from '../nomination/nomination.state';
import type { BaseSalary, DecisionRecipient } from './award-decision.types';
import { amountOf } from './decision-policy';

export function decisionRecipient(
  n: ExistingNomination,
  unitName: string,
  baseSalary: BaseSalary,
  verificationCode: string,
): DecisionRecipient {
  return {
    nominationId: n.nominationId,
    nomineeName: n.nominee.name,
    nomineeKind: n.nominee.kind,
    ...(n.nominee.position ? { position: n.nominee.position } : {}),
    unitId: n.unitId,
    unitName,
    achievements: n.achievements,
    awardCode: n.award.code,
    awardName: n.award.name,
    cashMultiple: n.award.cashMultiple,
    amount: amountOf(n.award.cashMultiple, baseSalary),
    verificationCode,
  };
}
