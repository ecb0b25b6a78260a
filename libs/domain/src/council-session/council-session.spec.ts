import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import type { CouncilSessionEvent } from './council-session.events';
import { councilSessionDecider } from './council-session.decider';
import type { ExistingSession } from './council-session.state';

const spec = DeciderSpecification.for(councilSessionDecider);
const { hoidong1, hoidong2, hoidong3, hoidong4, hoidong5, chutich, thuky } = f;
const everyone = [hoidong1, hoidong2, hoidong3, hoidong4, hoidong5, chutich];

const A = f.openItem('A');
const B = f.openItem('B', { unitId: 'donvi3' });
const S = f.secretItem('S');
const present = (...members: typeof everyone) => members.map(f.checkedIn);
/** Scheduled with A, B, S; the given members checked in; opened. */
const opened = (members = everyone): CouncilSessionEvent[] => [
  ...f.convened([A, B, S]),
  ...present(...members),
  f.sessionOpened(
    members.map((m) => m.userId),
    [f.keyOf('S')],
  ),
];

describe('convening a council session and its agenda', () => {
  it('the secretary convenes it with a title, a time and the agenda; one event per item', () => {
    spec
      .given([])
      .when(f.convene([A, B]))
      .then(f.convened([A, B]));
  });

  it('only the secretary convenes; a member may not', () => {
    spec
      .given([])
      .when(f.convene([A], { by: hoidong2 }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('a nomination listed twice is refused by field', () => {
    const e = spec
      .given([])
      .when(f.convene([A, A]))
      .thenThrows('VALIDATION', 'ALREADY_ON_AGENDA');
    expect(e.field).toBe('nominationIds[1]');
  });

  it('the agenda changes before opening: remove one, add another', () => {
    spec
      .given(f.convened([A, B]))
      .when(f.changeAgenda([S], ['B']))
      .thenState((s) => expect((s as ExistingSession).agenda.map((i) => i.nominationId)).toEqual(['A', 'S']));
  });

  it('removing an item not on the agenda, or adding one already on it, is refused by field', () => {
    expect(
      spec
        .given(f.convened([A]))
        .when(f.changeAgenda([], ['Z']))
        .thenThrows('VALIDATION', 'NOT_ON_AGENDA').field,
    ).toBe('remove[0]');
    expect(
      spec
        .given(f.convened([A]))
        .when(f.changeAgenda([A]))
        .thenThrows('VALIDATION', 'ALREADY_ON_AGENDA').field,
    ).toBe('add[0]');
  });

  it('the agenda is frozen once the session opens', () => {
    spec
      .given(opened())
      .when(f.changeAgenda([f.openItem('C')]))
      .thenThrows('INVALID_STATE', 'AGENDA_FROZEN');
  });
});

describe('attendance and opening', () => {
  it('members check in themselves, once; someone off the roster may not', () => {
    spec
      .given(f.convened([A]))
      .when(f.checkIn(hoidong2))
      .then([f.checkedIn(hoidong2)]);
    spec
      .given([...f.convened([A]), f.checkedIn(hoidong2)])
      .when(f.checkIn(hoidong2))
      .thenThrows('INVALID_STATE', 'ALREADY_CHECKED_IN');
    spec
      .given(f.convened([A]))
      .when(f.checkIn(thuky))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('the session does not open below the attendance quorum (3 of 6 present, 4 needed), and says why', () => {
    const e = spec
      .given([...f.convened([A, S]), ...present(hoidong2, hoidong3, hoidong4)])
      .when(f.openSession([f.keyOf('S')]))
      .thenThrows('INVALID_STATE', 'ATTENDANCE_QUORUM_NOT_MET');
    expect(e.message).toContain('3/6');
    expect(e.message).toContain('ít nhất 4');
  });

  it('opens when the quorum is met, voting on every item at once, with one key per secret item', () => {
    spec
      .given([...f.convened([A, S]), ...present(hoidong2, hoidong3, hoidong4, hoidong5)])
      .when(f.openSession([f.keyOf('S')]))
      .thenEvents(([e], s) => {
        expect(e).toMatchObject({ type: 'CouncilSessionOpened', data: { required: 4, secretItems: [f.keyOf('S')] } });
        expect(s.status).toBe('OPEN');
      });
  });

  it('a secret item without its key (or a key for an open item) does not open', () => {
    const given = [...f.convened([A, S]), ...present(hoidong2, hoidong3, hoidong4, hoidong5)];
    spec.given(given).when(f.openSession([])).thenThrows('VALIDATION', 'REQUIRED');
    spec
      .given(given)
      .when(f.openSession([f.keyOf('A')]))
      .thenThrows('VALIDATION', 'REQUIRED');
  });

  it('an empty agenda does not open; opening twice is refused', () => {
    spec
      .given([...f.convened([]), ...present(...everyone)])
      .when(f.openSession())
      .thenThrows('INVALID_STATE', 'EMPTY_AGENDA');
    spec
      .given(opened())
      .when(f.openSession([f.keyOf('S')]))
      .thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });
});

describe('one open ballot for the whole agenda', () => {
  it('a present member casts one choice per open item they may vote on', () => {
    spec
      .given(opened())
      .when(f.ballot(hoidong2, f.allOf(['A', 'B'])))
      .then([f.ballotCast(hoidong2, f.allOf(['A', 'B']))]);
  });

  it('conflicts are per item: hoidong1 (donvi1) votes on B only, hoidong3 (donvi3) on A only', () => {
    spec
      .given(opened())
      .when(f.ballot(hoidong1, f.allOf(['B'])))
      .thenEvents(() => undefined);
    spec
      .given(opened())
      .when(f.ballot(hoidong3, f.allOf(['A'])))
      .thenEvents(() => undefined);
    spec
      .given(opened())
      .when(f.ballot(hoidong1, f.allOf(['A', 'B'])))
      .thenThrows('FORBIDDEN', 'MUST_RECUSE');
  });

  it('a second ballot is refused', () => {
    spec
      .given([...opened(), f.ballotCast(hoidong2, f.allOf(['A', 'B']))])
      .when(f.ballot(hoidong2, f.allOf(['A', 'B'])))
      .thenThrows('INVALID_STATE', 'BALLOT_ALREADY_CAST');
  });

  it.each([
    [
      'an item not on the agenda',
      [...f.allOf(['A', 'B']), { nominationId: 'Z', choice: 'approve' as const }],
      'NOT_ON_AGENDA',
      'choices[2].nominationId',
    ],
    [
      'a secret item',
      [...f.allOf(['A', 'B']), { nominationId: 'S', choice: 'approve' as const }],
      'SECRET_ITEM',
      'choices[2].nominationId',
    ],
    [
      'a duplicate',
      [...f.allOf(['A', 'B']), { nominationId: 'A', choice: 'reject' as const }],
      'DUPLICATE_CHOICE',
      'choices[2].nominationId',
    ],
    ['a missing item', f.allOf(['A']), 'CHOICES_MISSING', 'choices'],
    [
      'a choice outside approve/reject/abstain',
      [{ nominationId: 'A', choice: 'yes' as never }, ...f.allOf(['B'])],
      'CHOICE',
      'choices[0].choice',
    ],
  ])('a ballot with %s is refused with the field', (_what, choices, code, field) => {
    const e = spec.given(opened()).when(f.ballot(hoidong2, choices)).thenThrows('VALIDATION', code);
    expect(e.field).toBe(field);
  });

  it('a member who recused from an item leaves it out; a choice for it is refused', () => {
    const recusedFromA = [
      ...opened(),
      ...spec
        .given(opened())
        .when(f.recuse(hoidong2, 'A'))
        .thenEvents(() => undefined),
    ];
    spec
      .given(recusedFromA)
      .when(f.ballot(hoidong2, f.allOf(['B'])))
      .thenEvents(() => undefined);
    const e = spec
      .given(recusedFromA)
      .when(f.ballot(hoidong2, f.allOf(['A', 'B'])))
      .thenThrows('INVALID_STATE', 'RECUSED_FROM_ITEM');
    expect(e.field).toBe('choices[0].nominationId');
    spec.given(recusedFromA).when(f.recuse(hoidong2, 'A')).thenThrows('INVALID_STATE', 'RECUSED_FROM_ITEM');
  });

  it('a member who has not checked in does not vote in the meeting', () => {
    spec
      .given(opened([hoidong2, hoidong3, hoidong4, hoidong5]))
      .when(f.ballot(chutich, f.allOf(['A', 'B'])))
      .thenThrows('INVALID_STATE', 'NOT_PRESENT');
  });

  it('the secretary records an absent member’s written ballot before the session; not for a present member', () => {
    spec
      .given(f.convened([A, B, S]))
      .when(f.writtenBallot('chutich', f.allOf(['A', 'B'])))
      .thenEvents(([e]) =>
        expect(e).toMatchObject({ data: { member: 'chutich', inWriting: true, by: { userId: 'thuky' } } }),
      );
    spec
      .given([...f.convened([A]), f.checkedIn(chutich)])
      .when(f.writtenBallot('chutich', f.allOf(['A'])))
      .thenThrows('INVALID_STATE', 'PRESENT_MEMBER');
    spec
      .given(f.convened([A]))
      .when(f.writtenBallot('thanhtra', f.allOf(['A'])))
      .thenThrows('VALIDATION', 'ON_BEHALF_OF');
    spec
      .given(f.convened([A]))
      .when(f.writtenBallot('chutich', f.allOf(['A']), hoidong2))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});

describe('secret items: blind signatures', () => {
  it('a present member who may vote gets one blind signature; the event names the member, not the token', () => {
    spec
      .given(opened())
      .when(f.issue(hoidong2, 'S'))
      .then([f.issued(hoidong2, 'S')]);
  });

  it('the same request again issues nothing new; another request is refused', () => {
    spec
      .given([...opened(), f.issued(hoidong2, 'S')])
      .when(f.issue(hoidong2, 'S'))
      .thenNothing();
    spec
      .given([...opened(), f.issued(hoidong2, 'S')])
      .when(f.issue(hoidong2, 'S', 'other'))
      .thenThrows('INVALID_STATE', 'SIGNATURE_ALREADY_ISSUED');
  });

  it('a conflicted member (donvi3 item) gets none; nor one for an open item; recusal after issuance is refused', () => {
    spec.given(opened()).when(f.issue(hoidong3, 'S')).thenThrows('FORBIDDEN', 'MUST_RECUSE');
    spec.given(opened()).when(f.issue(hoidong2, 'A')).thenThrows('VALIDATION', 'NOT_SECRET_ITEM');
    spec
      .given([...opened(), f.issued(hoidong2, 'S')])
      .when(f.recuse(hoidong2, 'S'))
      .thenThrows('INVALID_STATE', 'SIGNATURE_ALREADY_ISSUED');
  });
});

describe('closing: each item tallied with its award’s policy over ALL members', () => {
  const voted: CouncilSessionEvent[] = [
    ...opened(),
    f.ballotCast(hoidong1, f.allOf(['B'])),
    f.ballotCast(hoidong2, f.allOf(['A', 'B'])),
    f.ballotCast(hoidong3, [{ nominationId: 'A', choice: 'reject' }]),
    f.ballotCast(hoidong4, f.allOf(['A', 'B'])),
    f.ballotCast(hoidong5, [
      { nominationId: 'A', choice: 'approve' },
      { nominationId: 'B', choice: 'abstain' },
    ]),
    f.ballotCast(chutich, f.allOf(['A', 'B'])),
    ...[hoidong1, hoidong2, hoidong4, hoidong5, chutich].map((m) => f.issued(m, 'S')),
  ];
  const box = (approve: number, reject = 0) => ({ nominationId: 'S', approve, reject, abstain: 0, ballotsHash: 'h' });

  it('A: 4 of 6 approve (threshold 70% needs 5) → rejected; B: 4 of 6 with one abstention → rejected; S: 5 of 6 (90% needs 6) → rejected', () => {
    spec
      .given(voted)
      .when(f.close([box(5)]))
      .thenEvents(([e]) => {
        if (e.type !== 'CouncilSessionClosed') throw new Error(e.type);
        const [a, b, s] = e.data.results;
        expect(a).toMatchObject({
          nominationId: 'A',
          outcome: 'THRESHOLD_NOT_MET',
          tally: { approve: 4, reject: 1, recused: 1 },
        });
        expect(b).toMatchObject({
          nominationId: 'B',
          outcome: 'THRESHOLD_NOT_MET',
          tally: { approve: 4, abstain: 1, recused: 1 },
        });
        expect(s).toMatchObject({
          outcome: 'THRESHOLD_NOT_MET',
          secret: { issued: 5, cast: 5, ballotsHash: 'h' },
          tally: { approve: 5, members: 6, recused: 1 },
        });
      });
  });

  it('more secret ballots than signatures issued is refused (the count cannot be right)', () => {
    spec
      .given(voted)
      .when(f.close([box(6)]))
      .thenThrows('CONFLICT', 'BALLOTS_EXCEED_ISSUED');
  });

  it('a secret item whose box was not counted does not close', () => {
    spec.given(voted).when(f.close([])).thenThrows('VALIDATION', 'REQUIRED');
  });

  it('closing twice is a no-op', () => {
    const closed = [
      ...voted,
      ...spec
        .given(voted)
        .when(f.close([box(5)]))
        .thenEvents(() => undefined),
    ];
    spec
      .given(closed)
      .when(f.close([box(5)]))
      .thenNothing();
  });

  it('only the system closes because everyone voted, and only when they have', () => {
    spec
      .given(voted)
      .when(f.close([box(5)], { trigger: 'ALL_VOTED' }))
      .thenThrows('FORBIDDEN', 'TRIGGER_NOT_ALLOWED');
    spec
      .given(voted)
      .when(f.close([box(5)], { trigger: 'ALL_VOTED', by: f.system }))
      .thenEvents(() => undefined);
    spec
      .given(voted)
      .when(f.close([box(4)], { trigger: 'ALL_VOTED', by: f.system }))
      .thenThrows('INVALID_STATE', 'VOTES_PENDING');
    spec
      .given(opened())
      .when(f.close([box(0)], { trigger: 'ALL_VOTED', by: f.system }))
      .thenThrows('INVALID_STATE', 'VOTES_PENDING');
  });

  it('a session never opened cannot close; a member may not close it', () => {
    spec
      .given(f.convened([A]))
      .when(f.close())
      .thenThrows('INVALID_STATE', 'SESSION_NOT_OPEN');
    spec
      .given(voted)
      .when(f.close([box(5)], { by: hoidong2 }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('nothing can be cast after close', () => {
    const closed = [
      ...voted,
      ...spec
        .given(voted)
        .when(f.close([box(5)]))
        .thenEvents(() => undefined),
    ];
    spec
      .given(closed)
      .when(f.issue(hoidong2, 'S', 'x'))
      .thenThrows('INVALID_STATE', 'SESSION_CLOSED');
  });
});
