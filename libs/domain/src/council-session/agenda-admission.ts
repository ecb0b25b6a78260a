/**
 * Which nominations a council session may vote on. A nomination goes onto an agenda only while it
 * waits for the council (not on hold, no written consultation open), once its public notice is
 * cleared, and while its nominee's award history still meets the award's conditions — the same
 * re-check the written vote makes when it opens: the history may have changed since drafting (an
 * award revoked, a record corrected). At opening the check runs again on every item.
 */
import type { AwardType } from '../catalog/award-catalog';
import type { PriorAward } from '../nomination/nomination.types';
import type { NominationState } from '../nomination/nomination.state';
import { ineligibility } from '../nomination/commands/shared';
import { noticeBlocks, type NoticeGate } from '../public-notice/notice-clearance';
import { DomainError, domainError } from '../shared/errors';
import type { SessionItem } from './council-session.types';

export interface AgendaCandidate {
  nominationId: string;
  /** The nomination as its stream folds now. */
  nomination: NominationState;
  /** The award's public notice and the nomination's notice. */
  notice: NoticeGate;
  /** The nominee's award history now. */
  priorAwards: PriorAward[];
}

/** What a session needs at opening to check an item's eligibility again. */
export interface ItemEligibilityCheck {
  nominationId: string;
  award: Pick<AwardType, 'eligibility'>;
  /** The campaign's year: the achievement period the history is read against. */
  year: number;
  priorAwards: PriorAward[];
}

/** An item found ineligible when the session opens: taken off the agenda, with the reason. */
export interface WithdrawnItem {
  code: 'NOT_ELIGIBLE';
  reason: string;
}

const at = (e: DomainError, nominationId: string, field?: string) =>
  new DomainError(e.kind, e.code, `Hồ sơ ${nominationId}: ${e.message}`, field);

/** The agenda item of a nomination the council may take up now; refuses (409) saying why not. */
export function admitToAgenda(c: AgendaCandidate, now: string, field?: string): SessionItem {
  const { nominationId, nomination: n } = c;
  if (n.status === 'NONE') throw domainError('NOMINATION_NOT_FOUND', `Không tìm thấy hồ sơ ${nominationId}`, field);
  if (n.status !== 'COUNCIL_VOTING' || n.onHold || n.council?.open)
    throw domainError(
      'NOT_AWAITING_COUNCIL',
      `Hồ sơ ${nominationId} không chờ hội đồng xét (${n.status}${n.onHold ? ', đang tạm dừng' : ''}${n.council?.open ? ', đang lấy ý kiến bằng văn bản' : ''})`,
      field,
    );
  const blocked = noticeBlocks(c.notice, nominationId, now);
  if (blocked) throw at(blocked, nominationId, field);
  const { error } = ineligibility(n.award, c.priorAwards, n.campaign.year);
  if (error) throw at(error, nominationId, field);
  return {
    nominationId,
    awardCode: n.award.code,
    awardName: n.award.name,
    policy: n.award.council,
    unitId: n.unitId,
    nominee: {
      name: n.nominee.name,
      kind: n.nominee.kind,
      nomineeId: n.nominee.nomineeId,
      ...(n.nominee.userId ? { userId: n.nominee.userId } : {}),
    },
    involved: [...new Set([...n.drafters, ...n.proposers])],
  };
}

/** The items whose nominee no longer meets the award's conditions, each with why. */
export function ineligibleItems(checks: ItemEligibilityCheck[]): (WithdrawnItem & { nominationId: string })[] {
  return checks.flatMap((c) => {
    const { error } = ineligibility(c.award, c.priorAwards, c.year);
    return error ? [{ nominationId: c.nominationId, code: 'NOT_ELIGIBLE' as const, reason: error.message }] : [];
  });
}
