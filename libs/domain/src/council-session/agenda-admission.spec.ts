import * as f from '../testing/fixtures';
import { nominationDecider } from '../nomination/nomination.decider';
import type { NominationEvent } from '../nomination/nomination.events';
import type { NominationState } from '../nomination/nomination.state';
import type { PriorAward } from '../nomination/nomination.types';
import { DeciderSpecification } from '../testing/decider-spec';
import { DomainError } from '../shared/errors';
import { admitToAgenda, type ItemEligibilityCheck } from './agenda-admission';
import { councilSessionDecider } from './council-session.decider';
import type { ExistingSession } from './council-session.state';

const fold = (events: NominationEvent[]): NominationState =>
  events.reduce(nominationDecider.evolve, nominationDecider.initialState());
const fighter = (o: f.NominationSetup = {}) => fold(f.story.inCouncilVoting({ award: f.CSTD_TINH, ...o }));
const NO_NOTICE = { notice: { status: 'NONE' as const } };
const admit = (nomination: NominationState, priorAwards: PriorAward[], field?: string) =>
  admitToAgenda({ nominationId: f.NOMINATION_ID, nomination, notice: NO_NOTICE, priorAwards }, f.ST.convened, field);
const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('a nomination onto a session’s agenda: the council takes up only the eligible', () => {
  it('a provincial fighter whose history still shows three consecutive years is admitted as an item', () => {
    const item = admit(fighter(), f.anHistory);
    expect(item).toMatchObject({ nominationId: f.NOMINATION_ID, awardCode: 'CSTD_TINH', unitId: 'donvi1' });
    expect(item.policy.secretBallot).toBe(true);
  });

  it('one whose history no longer does (an award revoked since drafting) is refused, 409 with the reason and the field', () => {
    const revoked = f.anHistory.map((a) => (a.year === 2024 ? { ...a, revoked: true } : a));
    const e = refusal(() => admit(fighter(), revoked, 'add[0]'));
    expect([e.kind, e.code, e.field]).toEqual(['INVALID_STATE', 'NOT_ELIGIBLE', 'add[0]']);
    expect(e.message).toContain(f.NOMINATION_ID);
    expect(e.message).toContain('Chưa đạt');
  });

  it('a nomination not waiting for the council, or unknown, is refused before its history is read', () => {
    expect(refusal(() => admit(fold(f.story.inClusterReview()), [])).code).toBe('NOT_AWAITING_COUNCIL');
    expect(refusal(() => admit(fold(f.story.votingOpen()), [])).code).toBe('NOT_AWAITING_COUNCIL');
    expect(refusal(() => admit(nominationDecider.initialState(), [])).code).toBe('NOMINATION_NOT_FOUND');
  });

  it('an award made public first is refused until its notice is cleared, whatever the history', () => {
    const e = refusal(() =>
      admitToAgenda(
        {
          nominationId: f.NOMINATION_ID,
          nomination: fighter(),
          notice: { requiredDays: 10, ...NO_NOTICE },
          priorAwards: f.anHistory,
        },
        f.ST.convened,
      ),
    );
    expect(e.code).toBe('PUBLIC_NOTICE_REQUIRED');
  });
});

describe('opening a session checks every item’s eligibility again', () => {
  const spec = DeciderSpecification.for(councilSessionDecider);
  const { hoidong2, hoidong3, hoidong4, hoidong5 } = f;
  const A = f.openItem('A');
  const S = f.secretItem('S');
  const given = [...f.convened([A, S]), ...[hoidong2, hoidong3, hoidong4, hoidong5].map(f.checkedIn)];
  const check = (nominationId: string, priorAwards: PriorAward[]): ItemEligibilityCheck => ({
    nominationId,
    award: f.CSTD_TINH,
    year: 2026,
    priorAwards,
  });
  const open = (eligibility: ItemEligibilityCheck[]) => ({ ...f.openSession([f.keyOf('S')]), eligibility });

  it('an item whose nominee still qualifies stays; the session opens as before', () => {
    spec
      .given(given)
      .when(
        open([check('S', f.anHistory), { nominationId: 'A', award: f.BANG_KHEN_TINH, year: 2026, priorAwards: [] }]),
      )
      .thenEvents((events, s) => {
        expect(events.map((e) => e.type)).toEqual(['CouncilSessionOpened']);
        expect((s as ExistingSession).agenda.map((i) => i.nominationId)).toEqual(['A', 'S']);
      });
  });

  it('an item no longer eligible is taken off the agenda with the reason, its key unpublished; the rest is voted', () => {
    spec
      .given(given)
      .when(open([check('S', f.cstdCoSoIn(2023, 2025))]))
      .thenEvents((events, s) => {
        expect(events.map((e) => e.type)).toEqual(['SessionItemRemoved', 'CouncilSessionOpened']);
        expect(events[0].data).toMatchObject({ nominationId: 'S', withdrawn: { code: 'NOT_ELIGIBLE' } });
        expect(events[1].data).toMatchObject({ secretItems: [] });
        const session = s as ExistingSession;
        expect(session.status).toBe('OPEN');
        expect(session.agenda.map((i) => i.nominationId)).toEqual(['A']);
        expect(session.withdrawn).toEqual([
          expect.objectContaining({
            nominationId: 'S',
            code: 'NOT_ELIGIBLE',
            reason: expect.stringContaining('Chưa đạt'),
          }),
        ]);
      });
  });

  it('when no item is eligible any more the session does not open, and says why', () => {
    const e = spec
      .given([...f.convened([S]), ...[hoidong2, hoidong3, hoidong4, hoidong5].map(f.checkedIn)])
      .when(open([check('S', [])]))
      .thenThrows('INVALID_STATE', 'NOT_ELIGIBLE');
    expect(e.message).toContain('Chưa đạt');
  });

  it('an item put on the agenda again after being withdrawn is no longer listed as withdrawn', () => {
    const events = [
      ...f.convened([A, S]),
      {
        type: 'SessionItemRemoved' as const,
        data: {
          sessionId: f.SESSION_ID,
          by: { userId: 'thuky', role: 'COUNCIL_SECRETARY' as const },
          at: f.ST.opened,
          nominationId: 'S',
          withdrawn: { code: 'NOT_ELIGIBLE' as const, reason: 'x' },
        },
      },
    ];
    const s = spec
      .given(events)
      .when(f.changeAgenda([S]))
      .thenState((st) => st) as ExistingSession;
    expect(s.withdrawn).toEqual([]);
    expect(s.agenda.map((i) => i.nominationId)).toEqual(['A', 'S']);
  });
});
