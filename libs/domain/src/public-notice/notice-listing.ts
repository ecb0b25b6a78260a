/**
 * "A nomination is on one public notice": one tiny stream per nomination names its notice, so the
 * council's gate finds the notice of a nomination without a read model. Listing is idempotent for
 * the same notice and refused for another, unless that notice was never written (a publish that
 * stopped between the listing and the notice: `listedNoticeExists` false) or the dossier changed
 * after it was published (a returned nomination resubmitted with other documents: a new notice).
 */
import type { Decider } from '../shared/decider';
import { domainError } from '../shared/errors';

export type NoticeListingEvent = { type: 'NominationListedOnNotice'; data: { nominationId: string; noticeId: string } };
export interface NoticeListingCommand {
  type: 'ListOnNotice';
  nominationId: string;
  noticeId: string;
  /** Whether the notice this nomination is already listed on exists (loaded by the caller). */
  listedNoticeExists: boolean;
  /** Whether the dossier changed after that notice was published (`noticeOutdated`): it may go on a new one. */
  listedNoticeOutdated?: boolean;
}
export interface NoticeListingState {
  noticeId?: string;
}

export const noticeListingStreamName = (nominationId: string) => `notice-listing-${nominationId}`;

export const noticeListingDecider: Decider<NoticeListingCommand, NoticeListingEvent, NoticeListingState> = {
  initialState: () => ({}),
  evolve: (_s, e) => ({ noticeId: e.data.noticeId }),
  decide(c, s) {
    if (s.noticeId === c.noticeId) return [];
    if (s.noticeId && c.listedNoticeExists && !c.listedNoticeOutdated)
      throw domainError('ALREADY_ON_NOTICE', `Hồ sơ ${c.nominationId} đã có trong danh sách công khai ${s.noticeId}`);
    return [{ type: 'NominationListedOnNotice', data: { nominationId: c.nominationId, noticeId: c.noticeId } }];
  },
};
