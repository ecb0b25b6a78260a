/**
 * A public notice (công khai): the office publishes a list of nominations for comments; anyone
 * comments without signing in; the office resolves every comment. One stream per notice. Pure.
 */
import { actingAs, hasRole, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { domainError, forbidden, invalid } from '../shared/errors';
import { roleLabel, statusLabel } from '../shared/labels';
import { vietnamDate } from '../sla/stage-deadline';
import type { NominationStatus } from '../nomination/nomination.types';
import { noticeEndsAt, startOfVietnamDay } from './notice-period';
import type { PublicNoticeCommand, PublishNotice, ReceiveComment, ResolveComment } from './public-notice.commands';
import type { PublicNoticeEvent } from './public-notice.events';
import type { PublicNoticeState, PublishedNotice } from './public-notice.types';

/** How far back the office may date a list it posted (it records the day it was actually posted). */
export const MAX_BACKDATE_DAYS = 60;
/** Stages in which a nomination may be listed: reviewed or being reviewed, not yet before the council's vote. */
const LISTABLE: readonly string[] = ['CLUSTER_REVIEW', 'OFFICE_CHECK', 'COUNCIL_VOTING'];
const LIMITS = { name: 200, contact: 200, text: 5000, title: 300, reason: 2000 };

export const initialNoticeState = (): PublicNoticeState => ({ status: 'NONE' });

export function evolveNotice(state: PublicNoticeState, event: PublicNoticeEvent): PublicNoticeState {
  if (event.type === 'PublicNoticePublished') {
    const d = event.data;
    return {
      status: 'PUBLISHED',
      noticeId: d.noticeId,
      title: d.title,
      publishedAt: d.at,
      items: d.items,
      comments: [],
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      workingDays: d.workingDays,
      unit: d.unit,
    };
  }
  if (state.status === 'NONE') return state;
  if (event.type === 'PublicCommentReceived') {
    const { noticeId: _n, at, ...c } = event.data;
    return { ...state, comments: [...state.comments, { ...c, receivedAt: at }] };
  }
  const d = event.data;
  return {
    ...state,
    comments: state.comments.map((c) =>
      c.commentId === d.commentId
        ? { ...c, resolution: { kind: d.resolution, reason: d.reason, by: d.by, at: d.at } }
        : c,
    ),
  };
}

export function decideNotice(command: PublicNoticeCommand, state: PublicNoticeState): PublicNoticeEvent[] {
  switch (command.type) {
    case 'PublishNotice':
      return publish(command, state);
    case 'ReceiveComment':
      return receive(command, published(state));
    case 'ResolveComment':
      return resolve(command, published(state));
  }
}

export const publicNoticeDecider: Decider<PublicNoticeCommand, PublicNoticeEvent, PublicNoticeState> = {
  decide: decideNotice,
  evolve: evolveNotice,
  initialState: initialNoticeState,
};

/** Whether the notice takes comments at `nowMs`: from its start until it ends. */
export const noticeIsOpen = (s: PublishedNotice, nowMs: number) =>
  nowMs >= Date.parse(s.startsAt) && nowMs < Date.parse(s.endsAt);

function published(state: PublicNoticeState): PublishedNotice {
  if (state.status === 'NONE') throw domainError('NOTICE_NOT_FOUND');
  return state;
}

function secretary(actor: Actor) {
  if (!hasRole(actor, 'COUNCIL_SECRETARY'))
    throw forbidden('ROLE_REQUIRED', `Thao tác này cần vai trò ${roleLabel('COUNCIL_SECRETARY')}`);
  return actingAs(actor, 'COUNCIL_SECRETARY');
}

const text = (value: unknown, field: string, max: number, what: string): string => {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) throw invalid('REQUIRED', `Cần ${what}`, field);
  if (v.length > max) throw invalid('TOO_LONG', `${what} tối đa ${max} ký tự`, field);
  return v;
};

function publish(c: PublishNotice, state: PublicNoticeState): PublicNoticeEvent[] {
  const by = secretary(c.actor);
  if (state.status !== 'NONE') throw domainError('NOTICE_ALREADY_PUBLISHED');
  const title = text(c.title, 'title', LIMITS.title, 'tên danh sách công khai');
  if (c.candidates.length === 0)
    throw invalid('REQUIRED', 'Danh sách công khai cần ít nhất một hồ sơ', 'nominationIds');
  const nowMs = Date.parse(c.now);
  const today = vietnamDate(nowMs);
  let startMs = nowMs;
  if (c.startDate !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.startDate) || Number.isNaN(startOfVietnamDay(c.startDate)))
      throw invalid('DATE', 'Ngày công khai phải có dạng YYYY-MM-DD', 'startDate');
    if (c.startDate > today) throw invalid('START_DATE', 'Ngày công khai không được sau hôm nay', 'startDate');
    if (startOfVietnamDay(today) - startOfVietnamDay(c.startDate) > MAX_BACKDATE_DAYS * 86_400_000)
      throw invalid('START_DATE', `Ngày công khai không được trước hôm nay quá ${MAX_BACKDATE_DAYS} ngày`, 'startDate');
    // Posted today: the notice runs from now (the seconds unit counts from the moment of publishing).
    if (c.startDate < today) startMs = startOfVietnamDay(c.startDate);
  }
  const seen = new Set<string>();
  c.candidates.forEach((item, i) => {
    const field = `nominationIds[${i}]`;
    if (seen.has(item.nominationId))
      throw invalid('DUPLICATE_ITEM', `Hồ sơ ${item.nominationId} được nêu hai lần`, field);
    seen.add(item.nominationId);
    if (item.workingDays === undefined)
      throw domainError('NOT_SUBJECT_TO_NOTICE', `${item.awardName} không thuộc diện công khai trước khi xét`, field);
    if (!LISTABLE.includes(item.status) || item.councilOpen)
      throw domainError(
        'NOT_LISTABLE',
        `Hồ sơ ${item.nominationId} đang ở bước "${statusLabel(item.status as NominationStatus) ?? item.status}"${item.councilOpen ? ' (hội đồng đang biểu quyết)' : ''}: chỉ công khai hồ sơ chưa được hội đồng biểu quyết`,
        field,
      );
  });
  const workingDays = Math.max(...c.candidates.map((i) => i.workingDays!));
  const endsAt = noticeEndsAt(startMs, workingDays, c.unit, c.holidays);
  return [
    {
      type: 'PublicNoticePublished',
      data: {
        noticeId: c.noticeId,
        title,
        items: c.candidates.map(({ status: _s, onHold: _h, councilOpen: _o, workingDays: _w, ...item }) => item),
        startsAt: new Date(startMs).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        workingDays,
        unit: c.unit,
        by,
        at: c.now,
      },
    },
  ];
}

function receive(c: ReceiveComment, s: PublishedNotice): PublicNoticeEvent[] {
  if (!s.items.some((i) => i.nominationId === c.nominationId))
    throw invalid('NOT_ON_NOTICE', 'Hồ sơ này không có trong danh sách công khai', 'nominationId');
  if (!noticeIsOpen(s, Date.parse(c.now))) throw domainError('NOTICE_CLOSED');
  if (s.comments.some((x) => x.commentId === c.commentId)) return []; // the same comment again
  return [
    {
      type: 'PublicCommentReceived',
      data: {
        noticeId: s.noticeId,
        commentId: c.commentId,
        nominationId: c.nominationId,
        name: text(c.name, 'name', LIMITS.name, 'họ tên người góp ý'),
        contact: text(c.contact, 'contact', LIMITS.contact, 'số điện thoại hoặc thư điện tử để liên hệ'),
        text: text(c.text, 'text', LIMITS.text, 'nội dung góp ý'),
        at: c.now,
      },
    },
  ];
}

const LEFT_COUNCIL_PATH: readonly string[] = ['RETURNED', 'WITHDRAWN', 'REJECTED'];

function resolve(c: ResolveComment, s: PublishedNotice): PublicNoticeEvent[] {
  const by = secretary(c.actor);
  const comment = s.comments.find((x) => x.commentId === c.commentId && x.nominationId === c.nominationId);
  if (!comment) throw domainError('COMMENT_NOT_FOUND');
  if (comment.resolution) throw domainError('COMMENT_ALREADY_RESOLVED');
  const reason = text(c.reason, 'reason', LIMITS.reason, 'lý do, cách giải quyết ý kiến');
  if (c.resolution === 'HELD' && !c.nomination.onHold)
    throw domainError('RESOLUTION_NOT_IN_EFFECT', 'Hồ sơ chưa bị tạm dừng: tạm dừng hồ sơ trước khi ghi nhận');
  if (c.resolution === 'RETURNED' && !LEFT_COUNCIL_PATH.includes(c.nomination.status))
    throw domainError(
      'RESOLUTION_NOT_IN_EFFECT',
      'Hồ sơ chưa được trả lại, rút hoặc không được xét: thực hiện việc đó trước khi ghi nhận',
    );
  return [
    {
      type: 'PublicCommentResolved',
      data: {
        noticeId: s.noticeId,
        commentId: c.commentId,
        nominationId: c.nominationId,
        resolution: c.resolution,
        reason,
        by,
        at: c.now,
      },
    },
  ];
}
