import type { ExistingNomination, NominationEvent, NoticeReason } from '@tdkt/domain';
import { REVOCATION_GROUND_LABELS, roleLabel, STATUS_LABELS } from '../../labels';
import { vietnamDateTime } from './vietnam-time';

/** What a person reads: a short title and one paragraph (Vietnamese). */
export interface NotificationText {
  title: string;
  body: string;
}

export interface TextContext {
  /** The nomination after the event. */
  state: ExistingNomination;
  event: NominationEvent;
  /** The unit's name from the organisation directory (its id when unknown). */
  unitName: string;
  /** Display names of the persons awaited (for the one an escalation is reported to). */
  awaitedNames: string[];
}

const stageLabel = (stage: string) => `"${STATUS_LABELS[stage] ?? stage}"`;

/** What the nomination waits for, as the awaited person's next act. */
function nextAct(s: ExistingNomination): string {
  if (s.onHold) return 'xem xét hồ sơ đang tạm dừng và quyết định cho tiếp tục xét';
  switch (s.status) {
    case 'DRAFT':
      return 'ký trình hồ sơ đề nghị';
    case 'RETURNED':
      return 'bổ sung và trình lại hồ sơ';
    case 'CLUSTER_REVIEW':
      return 'xét hồ sơ ở cụm thi đua';
    case 'COUNCIL_VOTING': {
      const c = s.council;
      if (!c?.open) return 'mở biểu quyết của Hội đồng';
      const pending = c.members.some((m) => c.votes[m.userId] === undefined && !c.recused.includes(m.userId));
      return pending ? 'biểu quyết' : 'kết thúc biểu quyết';
    }
    case 'AWAITING_SIGNATURE':
      return s.award.awardedBy === 'CENTRAL'
        ? 'ký tờ trình đề nghị cấp Trung ương khen thưởng'
        : 'ký quyết định khen thưởng';
    case 'FORWARDED':
      return 'ghi nhận quyết định của cấp Trung ương';
    default:
      return 'xử lý hồ sơ';
  }
}

export function notificationText(reason: NoticeReason, ctx: TextContext): NotificationText {
  const { state: s, event: e } = ctx;
  const who = s.nominee.name;
  const what = `hồ sơ đề nghị ${s.award.name} cho ${who} (${ctx.unitName})`;
  const data = e.data as unknown as Record<string, unknown>;
  const said = (text: unknown) => (typeof text === 'string' && text.trim() ? ` Lý do: ${text.trim()}` : '');
  switch (reason) {
    case 'AWAITING': {
      const act = nextAct(s);
      return {
        title: `Chờ anh/chị ${act}: ${who}`,
        body: `Đề nghị anh/chị ${act} đối với ${what}, đang ở bước ${stageLabel(s.status)}.`,
      };
    }
    case 'REMINDER':
      return {
        title: `Nhắc hạn xử lý: ${who}`,
        body: `${cap(what)} cần được xử lý ở bước ${stageLabel(String(data.stage))} trước ${vietnamDateTime(String(data.dueAt))} (giờ Việt Nam).`,
      };
    case 'ESCALATED':
      return {
        title: `Quá hạn xử lý: ${who}`,
        body: `${cap(what)} đã quá hạn ở bước ${stageLabel(String(data.stage))} (hạn ${vietnamDateTime(String(data.dueAt))}) và đã được báo cáo ${roleLabel(String(data.escalatedTo))}. Đề nghị anh/chị xử lý ngay.`,
      };
    case 'ESCALATED_TO_YOU':
      return {
        title: `Báo cáo quá hạn: ${who}`,
        body: `${cap(what)} đã quá hạn ở bước ${stageLabel(String(data.stage))} (hạn ${vietnamDateTime(String(data.dueAt))}); đang chờ ${ctx.awaitedNames.length ? ctx.awaitedNames.join(', ') : 'người có thẩm quyền'} xử lý.`,
      };
    case 'AWARDED':
      return {
        title: `Được khen thưởng: ${who}`,
        body: `Chủ tịch UBND tỉnh đã ký quyết định khen thưởng số ${s.decisionNumber ?? String(data.decisionNumber)} đối với ${what}.`,
      };
    case 'REJECTED':
      return { title: `Không được khen thưởng: ${who}`, body: rejection(e, what) };
    case 'RETURNED':
      return {
        title: `Trả lại để bổ sung: ${who}`,
        body: `${roleLabel(e.data.by.role)} trả lại ${what} để bổ sung (lần xét ${s.round}).${said(data.reasons)} Đơn vị bổ sung rồi trình lại.`,
      };
    case 'WITHDRAWN':
      return { title: `Đã rút hồ sơ: ${who}`, body: `${roleLabel(e.data.by.role)} đã rút ${what}.` };
    case 'REVOKED':
      return {
        title: `Hủy bỏ khen thưởng: ${who}`,
        body: `Chủ tịch UBND tỉnh đã hủy bỏ khen thưởng theo quyết định số ${String(data.decisionNumber)} đối với ${what} (${REVOCATION_GROUND_LABELS[String(data.ground)] ?? String(data.ground)}).${said(data.reason)}`,
      };
  }
}

function rejection(e: NominationEvent, what: string): string {
  switch (e.type) {
    case 'ClusterRejected':
      return `Cụm thi đua không đồng ý ${what}. Lý do: ${e.data.reasons}`;
    case 'CouncilVotingClosed':
      return `Hội đồng Thi đua – Khen thưởng không thông qua ${what} (${e.data.tally.approve}/${e.data.tally.members} thành viên đồng ý).`;
    case 'SignatureDeclined':
      return `Chủ tịch UBND tỉnh không ký quyết định khen thưởng đối với ${what}. Lý do: ${e.data.reason}`;
    default:
      return `${cap(what)} không được khen thưởng.`;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
