import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from '../nomination/nomination.decider';
import type { NoticeGate } from './notice-clearance';
import { lastDossierChange, noticeBlocks, noticeOutdated } from './notice-clearance';
import { noticeListingDecider } from './notice-listing';
import type { NoticeComment, PublicNoticeState, PublishedNotice } from './public-notice.types';

const ENDS = '2026-11-09T17:00:00.000Z';
const notice = (comments: NoticeComment[] = []) =>
  ({
    status: 'PUBLISHED',
    noticeId: 'n-1',
    title: 'Danh sách công khai',
    publishedAt: '2026-10-26T02:00:00.000Z',
    startsAt: '2026-10-26T02:00:00.000Z',
    endsAt: ENDS,
    workingDays: 10,
    unit: 'workingDays',
    items: [
      {
        nominationId: f.NOMINATION_ID,
        awardCode: 'CSTD_TINH',
        awardName: 'Chiến sĩ thi đua cấp tỉnh',
        nomineeName: 'Nguyễn Văn An',
        nomineeKind: 'individual',
        unitId: 'donvi1',
      },
    ],
    comments,
  }) as PublicNoticeState;

const openComment = {
  commentId: 'c-1',
  nominationId: f.NOMINATION_ID,
  name: 'Trần Thị Bình',
  contact: '0912 345 678',
  text: 'Góp ý',
  receivedAt: '2026-10-28T02:00:00.000Z',
};
const resolved = {
  ...openComment,
  resolution: {
    kind: 'DISMISSED' as const,
    reason: 'Đã xác minh',
    by: { userId: 'thuky', role: 'COUNCIL_SECRETARY' as const },
    at: ENDS,
  },
};

const code = (gate: NoticeGate, now: string) => noticeBlocks(gate, f.NOMINATION_ID, now)?.code ?? null;

describe('The council’s gate: a nomination made public goes to the council once its notice has ended and every comment is resolved', () => {
  it('an award without public notice is never held back', () => {
    expect(code({ notice: { status: 'NONE' } }, f.T.votingOpened)).toBeNull();
  });

  it('not published yet: PUBLIC_NOTICE_REQUIRED', () => {
    expect(code({ requiredDays: 10, notice: { status: 'NONE' } }, f.T.votingOpened)).toBe('PUBLIC_NOTICE_REQUIRED');
  });

  it('a notice that does not list this nomination does not count', () => {
    const other = { ...(notice() as PublishedNotice), items: [] };
    expect(code({ requiredDays: 10, notice: other }, ENDS)).toBe('PUBLIC_NOTICE_REQUIRED');
  });

  it('until the last working day has ended: PUBLIC_NOTICE_RUNNING, then clear', () => {
    expect(code({ requiredDays: 10, notice: notice() }, '2026-11-09T16:59:59.999Z')).toBe('PUBLIC_NOTICE_RUNNING');
    expect(code({ requiredDays: 10, notice: notice() }, ENDS)).toBeNull();
  });

  it('the days have passed but a comment is open: PUBLIC_COMMENTS_UNRESOLVED, until it is resolved', () => {
    expect(code({ requiredDays: 10, notice: notice([openComment]) }, ENDS)).toBe('PUBLIC_COMMENTS_UNRESOLVED');
    expect(code({ requiredDays: 10, notice: notice([resolved]) }, ENDS)).toBeNull();
    // A comment on another nomination of the list does not hold this one back.
    expect(code({ requiredDays: 10, notice: notice([{ ...openComment, nominationId: 'other' }]) }, ENDS)).toBeNull();
  });

  describe('opening the written vote (OpenCouncilVoting) is refused with the gate’s reason and appends nothing', () => {
    const spec = DeciderSpecification.for(nominationDecider);
    const given = f.story.inCouncilVoting({ award: f.CSTD_TINH });

    it('while the notice runs', () => {
      spec
        .given(given)
        .when({
          ...f.openCouncilVoting({ at: '2026-11-05T02:00:00.000Z' }),
          notice: { requiredDays: 10, notice: notice() },
        })
        .thenThrows('INVALID_STATE', 'PUBLIC_NOTICE_RUNNING');
    });

    it('with an open comment after the days passed', () => {
      spec
        .given(given)
        .when({
          ...f.openCouncilVoting({ at: f.T.votingOpened }),
          notice: { requiredDays: 10, notice: notice([openComment]) },
        })
        .thenThrows('INVALID_STATE', 'PUBLIC_COMMENTS_UNRESOLVED');
    });

    it('opens once the days passed and the comments are resolved', () => {
      spec
        .given(given)
        .when({
          ...f.openCouncilVoting({ at: f.T.votingOpened }),
          notice: { requiredDays: 10, notice: notice([resolved]) },
        })
        .thenEvents(([e]) => expect(e.type).toBe('CouncilVotingOpened'));
    });
  });
});

describe('a nomination returned and resubmitted after its notice: a new notice only when its dossier changed', () => {
  const AFTER = '2026-11-20T02:00:00.000Z';
  const gate = (dossierChangedAt?: string): NoticeGate => ({
    requiredDays: 10,
    notice: notice([resolved]),
    ...(dossierChangedAt ? { dossierChangedAt } : {}),
  });

  it('resubmitted as it was (no document added, nothing edited since publishing): the notice still covers it', () => {
    expect(code(gate(), AFTER)).toBeNull();
    expect(code(gate('2026-10-20T02:00:00.000Z'), AFTER)).toBeNull();
  });

  it('a document added or the nomination edited after publishing: the council waits for a new notice, and says why', () => {
    const blocked = noticeBlocks(gate('2026-11-12T03:00:00.000Z'), f.NOMINATION_ID, AFTER);
    expect(blocked?.code).toBe('PUBLIC_NOTICE_OUTDATED');
    expect(blocked?.message).toContain('công khai lại');
  });

  it('the last change is read from the nomination’s edits and its dossier’s documents, nothing else', () => {
    expect(
      lastDossierChange([
        { type: 'NominationDrafted', data: { at: '2026-10-01T00:00:00.000Z' } },
        { type: 'DossierDocumentAdded', data: { at: '2026-11-12T03:00:00.000Z' } },
        { type: 'NominationEdited', data: { at: '2026-11-10T03:00:00.000Z' } },
        { type: 'NominationResubmitted', data: { at: '2026-11-13T03:00:00.000Z' } },
      ]),
    ).toBe('2026-11-12T03:00:00.000Z');
    expect(lastDossierChange([{ type: 'NominationResubmitted', data: { at: AFTER } }])).toBeUndefined();
  });

  it('an outdated notice lets the office list the nomination on a new one; an up-to-date one does not', () => {
    const listing = { noticeId: 'n-1' };
    const list = (listedNoticeOutdated: boolean) =>
      noticeListingDecider.decide(
        {
          type: 'ListOnNotice',
          nominationId: f.NOMINATION_ID,
          noticeId: 'n-2',
          listedNoticeExists: true,
          listedNoticeOutdated,
        },
        listing,
      );
    expect(list(true)).toEqual([
      { type: 'NominationListedOnNotice', data: { nominationId: f.NOMINATION_ID, noticeId: 'n-2' } },
    ]);
    expect(() => list(false)).toThrow(expect.objectContaining({ code: 'ALREADY_ON_NOTICE' }));
    expect(noticeOutdated(notice(), '2026-11-12T03:00:00.000Z')).toBe(true);
    expect(noticeOutdated(notice(), '2026-10-25T03:00:00.000Z')).toBe(false);
  });
});
