import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import type { Actor } from '../shared/actor';
import type { NoticeCandidate, PublishNotice, ReceiveComment, ResolveComment } from './public-notice.commands';
import { publicNoticeDecider } from './public-notice.decider';
import type { PublicNoticeEvent } from './public-notice.events';

const spec = DeciderSpecification.for(publicNoticeDecider);
const NOTICE = 'notice-1';
/** Monday 2 March 2026, 09:00 in Vietnam. */
const NOW = '2026-03-02T02:00:00.000Z';

const candidate = (o: Partial<NoticeCandidate> = {}): NoticeCandidate => ({
  nominationId: 'nom-1',
  awardCode: 'CSTD_TINH',
  awardName: 'Chiến sĩ thi đua cấp tỉnh',
  nomineeName: 'Phạm Văn Toàn',
  nomineeKind: 'individual',
  unitId: 'donvi1',
  status: 'COUNCIL_VOTING',
  onHold: false,
  councilOpen: false,
  workingDays: 10,
  ...o,
});

const publish = (o: Partial<PublishNotice> = {}): PublishNotice => ({
  type: 'PublishNotice',
  noticeId: NOTICE,
  actor: f.thuky,
  now: NOW,
  title: 'Danh sách đề nghị Chiến sĩ thi đua cấp tỉnh năm 2026',
  candidates: [candidate()],
  unit: 'workingDays',
  holidays: [],
  ...o,
});

const published = (o: Partial<PublishNotice> = {}): PublicNoticeEvent[] =>
  publicNoticeDecider.decide(publish(o), publicNoticeDecider.initialState());

const comment = (o: Partial<ReceiveComment> = {}): ReceiveComment => ({
  type: 'ReceiveComment',
  noticeId: NOTICE,
  commentId: 'c-1',
  now: '2026-03-04T02:00:00.000Z',
  nominationId: 'nom-1',
  name: 'Trần Thị Bình',
  contact: '0912 345 678',
  text: 'Sáng kiến nêu trong hồ sơ là của tập thể tổ chuyên môn, không phải của cá nhân.',
  ...o,
});
const commented = (o: Partial<ReceiveComment> = {}) =>
  publicNoticeDecider.decide(
    comment(o),
    [...published()].reduce(publicNoticeDecider.evolve, publicNoticeDecider.initialState()),
  );

const resolve = (o: Partial<ResolveComment> = {}, by: Actor = f.thuky): ResolveComment => ({
  type: 'ResolveComment',
  noticeId: NOTICE,
  commentId: 'c-1',
  nominationId: 'nom-1',
  actor: by,
  now: '2026-03-10T02:00:00.000Z',
  resolution: 'DISMISSED',
  reason: 'Đã xác minh: sáng kiến do cá nhân chủ trì, có quyết định công nhận',
  nomination: { status: 'COUNCIL_VOTING', onHold: false },
  ...o,
});

describe('Public notice (công khai): the office publishes a list for comments before the council', () => {
  it('the secretary publishes: the notice runs its working days from the day after posting', () => {
    spec
      .given([])
      .when(publish())
      .thenEvents(([e], s) => {
        expect(e).toMatchObject({
          type: 'PublicNoticePublished',
          data: {
            startsAt: NOW,
            endsAt: '2026-03-16T17:00:00.000Z',
            workingDays: 10,
            by: { role: 'COUNCIL_SECRETARY' },
          },
        });
        // What the public sees of an item: no stage, no identifier.
        expect(Object.keys((e.data as { items: object[] }).items[0]).sort()).toEqual(
          ['awardCode', 'awardName', 'nominationId', 'nomineeKind', 'nomineeName', 'unitId'].sort(),
        );
        expect(s).toMatchObject({ status: 'PUBLISHED', comments: [] });
      });
  });

  it('the office may record the day the list was actually posted, up to 60 days back, never ahead', () => {
    spec
      .given([])
      .when(publish({ startDate: '2026-02-16' }))
      .thenEvents(([e]) =>
        expect(e.data).toMatchObject({ startsAt: '2026-02-15T17:00:00.000Z', endsAt: '2026-03-02T17:00:00.000Z' }),
      );
    expect(
      spec
        .given([])
        .when(publish({ startDate: '2026-03-03' }))
        .thenThrows('VALIDATION', 'START_DATE').field,
    ).toBe('startDate');
    spec
      .given([])
      .when(publish({ startDate: '2025-12-31' }))
      .thenThrows('VALIDATION', 'START_DATE');
    spec
      .given([])
      .when(publish({ startDate: '2.3.2026' }))
      .thenThrows('VALIDATION', 'DATE');
  });

  it('a list of several awards runs for the longest notice among them', () => {
    spec
      .given([])
      .when(
        publish({ candidates: [candidate({ workingDays: 5 }), candidate({ nominationId: 'nom-2', workingDays: 10 })] }),
      )
      .thenEvents(([e]) => expect(e.data).toMatchObject({ workingDays: 10 }));
  });

  it('only the secretary publishes', () => {
    spec
      .given([])
      .when(publish({ actor: f.chutich }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('refuses an award without public notice, a nomination already before the council’s vote, and an item twice', () => {
    const e = spec
      .given([])
      .when(publish({ candidates: [candidate(), candidate({ nominationId: 'nom-2', workingDays: undefined })] }))
      .thenThrows('VALIDATION', 'NOT_SUBJECT_TO_NOTICE');
    expect(e.field).toBe('nominationIds[1]');
    spec
      .given([])
      .when(publish({ candidates: [candidate({ councilOpen: true })] }))
      .thenThrows('INVALID_STATE', 'NOT_LISTABLE');
    spec
      .given([])
      .when(publish({ candidates: [candidate({ status: 'AWARDED' })] }))
      .thenThrows('INVALID_STATE', 'NOT_LISTABLE');
    spec
      .given([])
      .when(publish({ candidates: [candidate({ status: 'DRAFT' })] }))
      .thenThrows('INVALID_STATE', 'NOT_LISTABLE');
    spec
      .given([])
      .when(publish({ candidates: [candidate(), candidate()] }))
      .thenThrows('VALIDATION', 'DUPLICATE_ITEM');
    spec
      .given([])
      .when(publish({ candidates: [] }))
      .thenThrows('VALIDATION', 'REQUIRED');
  });

  it('a notice is published once', () => {
    spec.given(published()).when(publish()).thenThrows('CONFLICT', 'NOTICE_ALREADY_PUBLISHED');
  });

  describe('comments: anyone, without signing in, while the notice runs', () => {
    it('a comment names the commenter, a contact and the text; it is stored as an event', () => {
      spec
        .given(published())
        .when(comment())
        .thenEvents(([e], s) => {
          expect(e).toMatchObject({
            type: 'PublicCommentReceived',
            data: { commentId: 'c-1', contact: '0912 345 678' },
          });
          expect(s).toMatchObject({ comments: [{ commentId: 'c-1', receivedAt: '2026-03-04T02:00:00.000Z' }] });
        });
    });

    it('name, contact and text are required', () => {
      for (const field of ['name', 'contact', 'text'] as const)
        expect(
          spec
            .given(published())
            .when(comment({ [field]: '  ' }))
            .thenThrows('VALIDATION', 'REQUIRED').field,
        ).toBe(field);
      spec
        .given(published())
        .when(comment({ text: 'x'.repeat(5001) }))
        .thenThrows('VALIDATION', 'TOO_LONG');
    });

    it('only on a nomination of the list, and only while the notice runs (NOTICE_CLOSED after it ends)', () => {
      spec
        .given(published())
        .when(comment({ nominationId: 'nom-9' }))
        .thenThrows('VALIDATION', 'NOT_ON_NOTICE');
      spec
        .given(published())
        .when(comment({ now: '2026-03-16T17:00:00.000Z' }))
        .thenThrows('INVALID_STATE', 'NOTICE_CLOSED');
      spec
        .given(published())
        .when(comment({ now: '2026-03-16T16:59:59.000Z' }))
        .thenEvents((e) => expect(e).toHaveLength(1));
    });

    it('the same comment sent twice is stored once', () => {
      spec
        .given([...published(), ...commented()])
        .when(comment())
        .thenNothing();
    });

    it('a comment on an unknown notice is NOTICE_NOT_FOUND', () => {
      spec.given([]).when(comment()).thenThrows('NOT_FOUND', 'NOTICE_NOT_FOUND');
    });
  });

  describe('the office resolves every comment', () => {
    const withComment = () => [...published(), ...commented()];

    it('dismissed with the reason', () => {
      spec
        .given(withComment())
        .when(resolve())
        .thenState((s) =>
          expect(s).toMatchObject({
            comments: [{ commentId: 'c-1', resolution: { kind: 'DISMISSED', by: { userId: 'thuky' } } }],
          }),
        );
    });

    it('held: only once the nomination is on hold; returned: only once it left the council’s path', () => {
      spec
        .given(withComment())
        .when(resolve({ resolution: 'HELD' }))
        .thenThrows('INVALID_STATE', 'RESOLUTION_NOT_IN_EFFECT');
      spec
        .given(withComment())
        .when(resolve({ resolution: 'HELD', nomination: { status: 'COUNCIL_VOTING', onHold: true } }))
        .thenEvents(([e]) => expect(e.data).toMatchObject({ resolution: 'HELD' }));
      spec
        .given(withComment())
        .when(resolve({ resolution: 'RETURNED' }))
        .thenThrows('INVALID_STATE', 'RESOLUTION_NOT_IN_EFFECT');
      spec
        .given(withComment())
        .when(resolve({ resolution: 'RETURNED', nomination: { status: 'WITHDRAWN', onHold: false } }))
        .thenEvents(([e]) => expect(e.data).toMatchObject({ resolution: 'RETURNED' }));
    });

    it('a reason is required; a comment is resolved once; only by the secretary; the comment must exist', () => {
      spec
        .given(withComment())
        .when(resolve({ reason: '' }))
        .thenThrows('VALIDATION', 'REQUIRED');
      spec
        .given([...withComment(), ...resolvedOnce()])
        .when(resolve())
        .thenThrows('INVALID_STATE', 'COMMENT_ALREADY_RESOLVED');
      spec.given(withComment()).when(resolve({}, f.hoidong2)).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
      spec
        .given(withComment())
        .when(resolve({ commentId: 'c-9' }))
        .thenThrows('NOT_FOUND', 'COMMENT_NOT_FOUND');
      spec
        .given(withComment())
        .when(resolve({ nominationId: 'nom-2' }))
        .thenThrows('NOT_FOUND', 'COMMENT_NOT_FOUND');
    });

    function resolvedOnce(): PublicNoticeEvent[] {
      const state = withComment().reduce(publicNoticeDecider.evolve, publicNoticeDecider.initialState());
      return publicNoticeDecider.decide(resolve(), state);
    }
  });
});
