import type { Actor } from '../shared/actor';
import type { StageTimeUnit } from '../sla/stage-deadline';
import type { CommentResolution, NoticeItem } from './public-notice.types';

/** A nomination offered for the list, as the caller loaded it (its stage and its award's notice policy). */
export interface NoticeCandidate extends NoticeItem {
  status: string;
  onHold: boolean;
  councilOpen: boolean;
  /** The award's `publicNotice.workingDays` (catalog); absent: the award is not made public. */
  workingDays?: number;
}

export interface PublishNotice {
  type: 'PublishNotice';
  noticeId: string;
  actor: Actor;
  now: string;
  title: string;
  /** The date the list was actually posted (YYYY-MM-DD, Vietnam); absent: now. */
  startDate?: string;
  candidates: NoticeCandidate[];
  unit: StageTimeUnit;
  holidays: readonly string[];
}

export interface ReceiveComment {
  type: 'ReceiveComment';
  noticeId: string;
  /** Chosen by the caller (random): the public has no other handle on its comment. */
  commentId: string;
  now: string;
  nominationId: string;
  name: string;
  contact: string;
  text: string;
}

export interface ResolveComment {
  type: 'ResolveComment';
  noticeId: string;
  commentId: string;
  nominationId: string;
  actor: Actor;
  now: string;
  resolution: CommentResolution;
  reason: string;
  /** The nomination as it stands now: HELD needs it on hold, RETURNED off the council's path. */
  nomination: { status: string; onHold: boolean };
}

export type PublicNoticeCommand = PublishNotice | ReceiveComment | ResolveComment;
