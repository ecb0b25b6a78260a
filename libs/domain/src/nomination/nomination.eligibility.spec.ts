import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';

const spec = DeciderSpecification.for(nominationDecider);
const fighter = { award: f.CSTD_TINH };

describe('Eligibility reads the award history at drafting and again at the council, and the nomination keeps why', () => {
  it('a provincial fighter is drafted with three consecutive CSTĐ cơ sở years, and the state keeps the explanation', () => {
    spec
      .given([])
      .when(f.draftNomination({ ...fighter, priorAwards: f.anHistory }))
      .thenState((s) =>
        expect(s).toMatchObject({
          eligibility: { stage: 'DRAFT', reasons: ['Đạt: 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (2023–2025)'] },
        }),
      );
  });

  it('with a year missing the draft is refused, saying how many consecutive years there are', () => {
    const e = spec
      .given([])
      .when(f.draftNomination({ ...fighter, priorAwards: f.cstdCoSoIn(2023, 2025) }))
      .thenThrows('INVALID_STATE', 'NOT_ELIGIBLE');
    expect(e.message).toContain('mới có 1 năm liên tục');
  });

  it('opening the council’s voting checks the history again: a year revoked since drafting stops it, nothing appended', () => {
    const revoked = f.anHistory.map((a, i) => (i === 1 ? { ...a, revoked: true } : a));
    spec
      .given(f.story.inCouncilVoting(fighter))
      .when({ ...f.openCouncilVoting(), priorAwards: revoked })
      .thenThrows('INVALID_STATE', 'NOT_ELIGIBLE');
  });

  it('eligible at the council: the explanation is on the opening event and in the state', () => {
    spec
      .given(f.story.inCouncilVoting(fighter))
      .when({ ...f.openCouncilVoting(), priorAwards: f.anHistory })
      .thenEvents(([e], s) => {
        expect(e.data).toMatchObject({ eligibility: [expect.stringContaining('2023–2025')] });
        expect(s).toMatchObject({ eligibility: { stage: 'COUNCIL_VOTING' } });
      });
  });

  it('without the history (an older caller), opening is not checked again', () => {
    spec
      .given(f.story.inCouncilVoting(fighter))
      .when(f.openCouncilVoting())
      .thenEvents(([e]) => expect(e.data).not.toHaveProperty('eligibility'));
  });
});
