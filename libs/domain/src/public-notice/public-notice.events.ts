import type { ActingAs } from '../shared/actor';
import type { CommentResolution, NoticeItem, NoticePeriod } from './public-notice.types';

export const PUBLIC_NOTICE_EVENT_SCHEMA_VERSION = 1;

export type PublicNoticePublished = {
  type: 'PublicNoticePublished';
  data: { noticeId: string; title: string; items: NoticeItem[]; by: ActingAs; at: string } & NoticePeriod;
};
/** A comment from anyone (no sign-in): `by` is the anonymous public. */
export type PublicCommentReceived = {
  type: 'PublicCommentReceived';
  data: {
    noticeId: string;
    commentId: string;
    nominationId: string;
    name: string;
    contact: string;
    text: string;
    at: string;
  };
};
export type PublicCommentResolved = {
  type: 'PublicCommentResolved';
  data: {
    noticeId: string;
    commentId: string;
    nominationId: string;
    resolution: CommentResolution;
    reason: string;
    by: ActingAs;
    at: string;
  };
};

export type PublicNoticeEvent = PublicNoticePublished | PublicCommentReceived | PublicCommentResolved;

export const publicNoticeStreamName = (noticeId: string) => `public-notice-${noticeId}`;
export const PUBLIC_NOTICE_STREAM_PREFIX = 'public-notice-';
