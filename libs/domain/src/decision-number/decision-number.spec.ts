import type { Decider } from '../shared/decider';
import { DeciderSpecification } from '../testing/decider-spec';
import {
  advanceSequence,
  AllocateDecisionNumber,
  DecisionNumberAllocated,
  DecisionNumberSequence,
  decideAllocation,
  decisionNumberStreamName,
  evolveSequence,
  foldSequence,
  formatDecisionNumber,
  initialSequence,
} from './decision-number';

const sequence: Decider<AllocateDecisionNumber, DecisionNumberAllocated, DecisionNumberSequence> = {
  decide: decideAllocation,
  evolve: evolveSequence,
  initialState: initialSequence,
};
const spec = DeciderSpecification.for(sequence);

const NOW = '2026-11-25T02:00:00.000Z';
const allocate = (nominationId: string, o: Partial<AllocateDecisionNumber> = {}): AllocateDecisionNumber => ({
  type: 'AllocateDecisionNumber',
  authority: 'UBND',
  year: 2026,
  nominationId,
  now: NOW,
  ...o,
});
const allocated = (
  seq: number,
  nominationId: string,
  o: { authority?: string; year?: number } = {},
): DecisionNumberAllocated => {
  const authority = o.authority ?? 'UBND';
  return {
    type: 'DecisionNumberAllocated',
    data: {
      authority,
      year: o.year ?? 2026,
      sequence: seq,
      decisionNumber: `${seq}/QĐ-${authority}`,
      nominationId,
      at: NOW,
    },
  };
};

describe('Decision numbers: sequential, unique and gap-free per issuing authority and year', () => {
  it('the first decision of the year is number 1', () => {
    spec
      .given([])
      .when(allocate('nom-a'))
      .then([allocated(1, 'nom-a')]);
  });

  it('the next number follows the last one: after 162 comes 163/QĐ-UBND', () => {
    const history = Array.from({ length: 162 }, (_, i) => allocated(i + 1, `nom-${i + 1}`));
    spec
      .given(history)
      .when(allocate('nom-an'))
      .then([allocated(163, 'nom-an')]);
  });

  it('two nominations never share a number: the second to allocate gets the next one', () => {
    spec
      .given([allocated(163, 'nom-a')])
      .when(allocate('nom-b'))
      .then([allocated(164, 'nom-b')]);
  });

  it('a retried allocation for a nomination that holds a number hands out nothing new (no gap)', () => {
    spec
      .given([allocated(1, 'nom-a'), allocated(2, 'nom-b')])
      .when(allocate('nom-a'))
      .thenNothing();
  });

  it('a number once given is never given again, whatever order the history is read in', () => {
    spec
      .given([allocated(2, 'nom-a'), allocated(1, 'nom-b')])
      .when(allocate('nom-c'))
      .then([allocated(3, 'nom-c')]);
  });

  it('successive allocations are gap-free: 1, 2, 3, 4, 5', () => {
    let state = initialSequence();
    const numbers: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      for (const e of decideAllocation(allocate(id), state)) {
        state = evolveSequence(state, e);
        numbers.push(e.data.decisionNumber);
      }
    }
    expect(numbers).toEqual(['1/QĐ-UBND', '2/QĐ-UBND', '3/QĐ-UBND', '4/QĐ-UBND', '5/QĐ-UBND']);
  });

  it('each authority and year has its own stream, so numbering restarts each year', () => {
    expect(decisionNumberStreamName('UBND', 2026)).not.toBe(decisionNumberStreamName('UBND', 2027));
    expect(decisionNumberStreamName('UBND', 2026)).not.toBe(decisionNumberStreamName('SNV', 2026));
    spec
      .given([])
      .when(allocate('nom-z', { year: 2027 }))
      .then([allocated(1, 'nom-z', { year: 2027 })]);
  });

  it('a sequence of one authority and year refuses to number for another (WRONG_SEQUENCE)', () => {
    spec
      .given([allocated(1, 'nom-a')])
      .when(allocate('nom-b', { year: 2027 }))
      .thenThrows('CONFLICT', 'WRONG_SEQUENCE');
    spec
      .given([allocated(1, 'nom-a')])
      .when(allocate('nom-b', { authority: 'SNV' }))
      .thenThrows('CONFLICT', 'WRONG_SEQUENCE');
  });

  it('the symbol carries no year: 163/QĐ-UBND', () => {
    expect(formatDecisionNumber(163, 'UBND')).toBe('163/QĐ-UBND');
  });

  it.each([
    ['an authority symbol that is not upper-case letters', { authority: 'ubnd tỉnh' }, 'AUTHORITY'],
    ['a year that is not a whole year', { year: 2026.5 }, 'YEAR'],
  ])('%s is refused', (_what, o, code) => {
    spec.given([]).when(allocate('nom-a', o)).thenThrows('VALIDATION', code);
  });
});

describe('Decision numbers: folding a year-long sequence in one pass', () => {
  const reduced = (events: DecisionNumberAllocated[]) => events.reduce(evolveSequence, initialSequence());
  const year = (n: number) => Array.from({ length: n }, (_, i) => allocated(i + 1, `nom-${i + 1}`));

  it('gives the same state as applying evolveSequence event by event', () => {
    const events = [...year(50), allocated(51, 'nom-x')];
    expect(foldSequence(events)).toEqual(reduced(events));
    expect(foldSequence(events)).toMatchObject({ last: 51, authority: 'UBND', year: 2026 });
    expect(foldSequence([])).toEqual(initialSequence());
  });

  it('keeps the highest number handed out, whatever order the history is read in', () => {
    const events = [allocated(3, 'nom-c'), allocated(1, 'nom-a'), allocated(2, 'nom-b')];
    expect(foldSequence(events).last).toBe(3);
    expect(foldSequence(events)).toEqual(reduced(events));
    expect(decideAllocation(allocate('nom-d'), foldSequence(events))).toEqual([allocated(4, 'nom-d')]);
  });

  it('a nomination that already holds a number in the folded history gets nothing new (its number is reused)', () => {
    const state = foldSequence(year(10));
    expect(state.byNomination['nom-7']).toBe('7/QĐ-UBND');
    expect(decideAllocation(allocate('nom-7'), state)).toEqual([]);
  });

  it('catching up on the tail of the stream equals folding the whole stream', () => {
    const events = year(30);
    const cached = foldSequence(events.slice(0, 20));
    expect(advanceSequence(cached, events.slice(20))).toEqual(foldSequence(events));
    expect(cached.last).toBe(30);
  });

  it('folding is a new state each time: it never changes a state another fold returned', () => {
    const first = foldSequence(year(2));
    foldSequence(year(3));
    expect(first).toEqual(reduced(year(2)));
  });

  it('folds a province-year of 13,000 allocations into every number held and the next one to give', () => {
    const events = year(13_000);
    const state = foldSequence(events);
    expect(Object.keys(state.byNomination)).toHaveLength(13_000);
    expect(state.byNomination['nom-1']).toBe('1/QĐ-UBND');
    expect(state.byNomination['nom-13000']).toBe('13000/QĐ-UBND');
    expect(decideAllocation(allocate('nom-next'), state)).toEqual([allocated(13_001, 'nom-next')]);
  });
});
