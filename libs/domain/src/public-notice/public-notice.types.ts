import type { ActingAs } from '../shared/actor';
import type { RecipientKind } from '../catalog/award-catalog';
import type { StageTimeUnit } from '../sla/stage-deadline';

/** A nomination as the public sees it on the notice: no identifier, no personal data beyond the name. */
export interface NoticeItem {
  nominationId: string;
  awardCode: string;
  awardName: string;
  nomineeName: string;
  nomineeKind: RecipientKind;
  unitId: string;
}

/**
 * How a comment was answered: DISMISSED (with the reason), HELD (the nomination was put on hold to
 * look into it) or RETURNED (the nomination left the council's path: returned, withdrawn, rejected).
 */
export type CommentResolution = 'DISMISSED' | 'HELD' | 'RETURNED';
export const COMMENT_RESOLUTIONS: CommentResolution[] = ['DISMISSED', 'HELD', 'RETURNED'];

export interface NoticeComment {
  commentId: string;
  nominationId: string;
  name: string;
  /** Phone or e-mail of the commenter: shown to the office (and the inspector) only. */
  contact: string;
  text: string;
  receivedAt: string;
  resolution?: { kind: CommentResolution; reason: string; by: ActingAs; at: string };
}

export interface NoticePeriod {
  /** When the list was posted (ISO): the date the office gives, or the moment of publishing. */
  startsAt: string;
  /** When the notice ends (ISO): comments close, the council may vote (comments resolved). */
  endsAt: string;
  workingDays: number;
  unit: StageTimeUnit;
}

export type PublicNoticeState =
  | { status: 'NONE' }
  | ({
      status: 'PUBLISHED';
      noticeId: string;
      title: string;
      publishedAt: string;
      items: NoticeItem[];
      comments: NoticeComment[];
    } & NoticePeriod);

export type PublishedNotice = Extract<PublicNoticeState, { status: 'PUBLISHED' }>;
