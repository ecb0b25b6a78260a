import { invalid } from '../shared/errors';

/**
 * Award decision numbers (số quyết định): sequential, unique and gap-free per issuing authority
 * and year, written `163/QĐ-UBND` (the year is not in the symbol). The sequence is its own
 * event stream; appending with the expected revision is what makes two signers never share a number.
 */
export interface AllocateDecisionNumber {
  type: 'AllocateDecisionNumber';
  authority: string;
  year: number;
  nominationId: string;
  now: string;
}

export interface DecisionNumberAllocated {
  type: 'DecisionNumberAllocated';
  data: { authority: string; year: number; sequence: number; decisionNumber: string; nominationId: string; at: string };
}

export interface DecisionNumberSequence {
  last: number;
  byNomination: Record<string, string>;
}

export const decisionNumberStreamName = (authority: string, year: number) => `decision-numbers-${authority}-${year}`;

export const formatDecisionNumber = (sequence: number, authority: string) => `${sequence}/QĐ-${authority}`;

export const initialSequence = (): DecisionNumberSequence => ({ last: 0, byNomination: {} });

export function evolveSequence(state: DecisionNumberSequence, event: DecisionNumberAllocated): DecisionNumberSequence {
  return { last: event.data.sequence, byNomination: { ...state.byNomination, [event.data.nominationId]: event.data.decisionNumber } };
}

/** A nomination that already holds a number gets no second one: retries reuse it, so no gap opens. */
export function decideAllocation(command: AllocateDecisionNumber, state: DecisionNumberSequence): DecisionNumberAllocated[] {
  if (!/^[A-Z][A-Z0-9-]*$/.test(command.authority)) throw invalid('AUTHORITY', 'Ký hiệu cơ quan ban hành không hợp lệ', 'authority');
  if (state.byNomination[command.nominationId]) return [];
  const sequence = state.last + 1;
  return [
    {
      type: 'DecisionNumberAllocated',
      data: {
        authority: command.authority,
        year: command.year,
        sequence,
        decisionNumber: formatDecisionNumber(sequence, command.authority),
        nominationId: command.nominationId,
        at: command.now,
      },
    },
  ];
}
