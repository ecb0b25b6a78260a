import {
  DEFAULT_DOSSIER_POLICY,
  documentTypeName,
  roleLabel as domainRoleLabel,
  STATUS_LABELS,
  type NominationEvent,
} from '@tdkt/domain';

/** Vietnamese names of matters and grounds, for the audit trail and the UI (roles and statuses: the domain's). */
export { ROLE_LABELS, STATUS_LABELS } from '@tdkt/domain';

export const HOLD_MATTER_LABELS: Record<string, string> = {
  DISCIPLINARY_REVIEW: 'đang xem xét kỷ luật',
  INSPECTION: 'đang thanh tra, kiểm tra',
  COMPLAINT: 'đang giải quyết khiếu nại',
  PUBLISHED_ALLEGATION: 'có đơn thư tố cáo, phản ánh',
};

export const REVOCATION_GROUND_LABELS: Record<string, string> = {
  DISHONEST_DECLARATION: 'gian dối trong kê khai thành tích',
  FALSE_INFORMATION_OR_FORGED_DOCUMENTS: 'làm giả hồ sơ, giấy tờ hoặc cung cấp thông tin sai',
  UNLAWFUL_REVIEW_OR_PROPOSAL: 'xét duyệt, đề nghị khen thưởng trái pháp luật',
  CRITERIA_NOT_MET: 'không đủ tiêu chuẩn khen thưởng',
};

const VOTE_LABELS: Record<string, string> = { approve: 'đồng ý', reject: 'không đồng ý', abstain: 'không biểu quyết' };

const OUTCOME_LABELS: Record<string, string> = {
  APPROVED: 'thông qua',
  QUORUM_NOT_MET: 'không đủ số thành viên tham gia biểu quyết',
  THRESHOLD_NOT_MET: 'không đủ tỷ lệ đồng ý',
};

const TRIGGER_LABELS: Record<string, string> = {
  SECRETARY: '',
  ALL_VOTED: ' (tất cả thành viên đã biểu quyết)',
  DEADLINE: ' (hết hạn biểu quyết)',
  SESSION: ' (tại phiên họp Hội đồng)',
};

/** The document type's name where the default dossier policy knows it (the catalog may name more), else its code. */
const documentTypeLabel = (code: string | undefined) => (code ? documentTypeName(DEFAULT_DOSSIER_POLICY, code) : '');

const label = (table: Record<string, string>, key: string | undefined) =>
  key !== undefined ? (table[key] ?? key) : '';

export const roleLabel = (role: string | undefined) => (role ? domainRoleLabel(role) : 'Người dùng');

/** A Vietnamese one-liner for the audit trail, e.g. "Trưởng cụm thi đua đồng ý đề nghị". */
export function summarise(event: NominationEvent | { type: string; data: Record<string, unknown> }): string {
  const e = event as NominationEvent;
  const who = roleLabel((e.data as { by?: { role?: string } }).by?.role);
  switch (e.type) {
    case 'NominationDrafted':
      return `${who} lập hồ sơ đề nghị ${e.data.award.name} cho ${e.data.nominee.name}${e.data.oneOff ? ' (đột xuất)' : ''}`;
    case 'NominationEdited': {
      const parts = [
        e.data.changes.nominee ? 'thông tin người/tập thể được đề nghị' : '',
        e.data.changes.achievements !== undefined ? 'thành tích' : '',
        e.data.changes.documents ? 'tài liệu kèm theo' : '',
      ].filter(Boolean);
      return `${who} sửa hồ sơ đề nghị${parts.length ? ` (${parts.join(', ')})` : ''}`;
    }
    case 'NominationSubmitted': {
      const tt = e.data.submission ? ` (tờ trình số ${e.data.submission.number} ngày ${e.data.submission.date})` : '';
      if (!e.data.skippedClusterReview) return `${who} trình hồ sơ đề nghị lên cụm thi đua${tt}`;
      return e.data.nextStatus === 'OFFICE_CHECK'
        ? `${who} trình hồ sơ đề nghị (không qua cụm thi đua) để thẩm định${tt}`
        : `${who} trình hồ sơ đề nghị lên Hội đồng (không qua cụm thi đua)${tt}`;
    }
    case 'NominationReturnedForRevision':
      return `${who} trả lại hồ sơ để bổ sung (lần xét ${e.data.round})`;
    case 'NominationResubmitted':
      return `${who} trình lại hồ sơ đã bổ sung (lần xét ${e.data.round})`;
    case 'ClusterEndorsed':
      return `${who} đồng ý đề nghị${e.data.nextStatus === 'OFFICE_CHECK' ? ' (chuyển thẩm định hồ sơ)' : ''}`;
    case 'OfficeCheckPassed':
      return `${who} thẩm định: hồ sơ đầy đủ, trình Hội đồng`;
    case 'OfficeCheckReturned':
      return `${who} thẩm định: hồ sơ chưa đầy đủ, trả lại đơn vị bổ sung (${e.data.missing.join('; ')})`;
    case 'ClusterRejected':
      return `${who} không đồng ý đề nghị`;
    case 'CouncilVotingOpened':
      return `${who} mở biểu quyết của Hội đồng (${e.data.members.length} thành viên, hạn ${e.data.deadline})`;
    case 'CouncilVoteCast':
      return `${who} biểu quyết ${label(VOTE_LABELS, e.data.choice)}${e.data.inWriting ? ' (bằng văn bản)' : ''}`;
    case 'CouncilMemberRecused':
      return `${who} không tham gia biểu quyết (${e.data.reason})`;
    case 'CouncilVotingClosed': {
      const t = e.data.tally;
      return `${who} kết thúc biểu quyết${label(TRIGGER_LABELS, e.data.trigger)}: ${label(OUTCOME_LABELS, e.data.outcome)} (${t.approve}/${t.members} đồng ý)`;
    }
    case 'AwardDecisionSigned':
      return `${who} ký quyết định khen thưởng số ${e.data.decisionNumber}`;
    case 'NominationForwarded':
      return `${who} ký tờ trình số ${e.data.submissionNumber} ngày ${e.data.submissionDate} đề nghị cấp Trung ương khen thưởng`;
    case 'CentralAwardDecided':
      return `${who} ghi nhận quyết định khen thưởng số ${e.data.decisionNumber} ngày ${e.data.decisionDate} của ${e.data.authority}`;
    case 'CentralAwardRefused':
      return `${who} ghi nhận cấp Trung ương không khen thưởng (${e.data.reason})`;
    case 'SignatureDeclined':
      return `${who} không ký quyết định khen thưởng`;
    case 'NominationPutOnHold':
      return `${who} tạm dừng xét hồ sơ (${label(HOLD_MATTER_LABELS, e.data.matter)})`;
    case 'NominationReleasedFromHold':
      return `${who} cho tiếp tục xét hồ sơ`;
    case 'NominationWithdrawn':
      return `${who} rút hồ sơ đề nghị`;
    case 'AwardRevoked':
      return `${who} hủy bỏ khen thưởng theo quyết định số ${e.data.decisionNumber} (${label(REVOCATION_GROUND_LABELS, e.data.ground)})`;
    case 'StageReminderIssued':
      return `${who} nhắc hạn xử lý bước "${label(STATUS_LABELS, e.data.stage)}" (hạn ${e.data.dueAt})`;
    case 'DossierDocumentAdded' as never: {
      // A dossier upload (its own stream, `dossier-<id>`), shown in the nomination's trail.
      const d = (event as { data: { documentType?: string; fileName?: string; replaces?: string } }).data;
      const type = documentTypeLabel(d.documentType);
      return `${who} ${d.replaces ? 'nộp tài liệu thay thế' : 'nộp tài liệu'} «${type}» (${d.fileName ?? ''})`;
    }
    case 'StageEscalated':
      return `${who} báo quá hạn bước "${label(STATUS_LABELS, e.data.stage)}" lên ${roleLabel(e.data.escalatedTo)}`;
    default:
      return `${who}: ${(event as { type: string }).type}`;
  }
}
