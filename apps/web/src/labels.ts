/**
 * Vietnamese names the screens show. Role and status names come from the domain (one source with the
 * API's messages and the audit trail); the rest are the API's enumerations named for people.
 */
import { ROLE_LABELS, STATUS_LABELS } from '../../../libs/domain/src/shared/labels';

export { ROLE_LABELS, STATUS_LABELS };

export const NOMINATION_STATUSES = [
  'DRAFT',
  'CLUSTER_REVIEW',
  'RETURNED',
  'COUNCIL_VOTING',
  'AWAITING_SIGNATURE',
  'AWARDED',
  'REJECTED',
  'WITHDRAWN',
  'REVOKED',
] as const;

export const STATUS_COLORS: Record<string, string> = {
  DRAFT: 'default',
  CLUSTER_REVIEW: 'processing',
  RETURNED: 'warning',
  COUNCIL_VOTING: 'purple',
  AWAITING_SIGNATURE: 'gold',
  AWARDED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  REVOKED: 'magenta',
};

export const HOLD_MATTERS: Record<string, string> = {
  DISCIPLINARY_REVIEW: 'Đang xem xét kỷ luật',
  INSPECTION: 'Đang thanh tra, kiểm tra',
  COMPLAINT: 'Có đơn khiếu nại, tố cáo',
  PUBLISHED_ALLEGATION: 'Có thông tin phản ánh trên báo chí',
};

export const REVOCATION_GROUNDS: Record<string, string> = {
  DISHONEST_DECLARATION: 'Gian dối trong kê khai thành tích',
  FALSE_INFORMATION_OR_FORGED_DOCUMENTS: 'Thông tin sai sự thật, giả mạo hồ sơ',
  UNLAWFUL_REVIEW_OR_PROPOSAL: 'Đề nghị, xét khen thưởng trái pháp luật',
  CRITERIA_NOT_MET: 'Không đủ tiêu chuẩn',
};

export const CHOICES: Record<string, string> = {
  approve: 'Đồng ý',
  reject: 'Không đồng ý',
  abstain: 'Không biểu quyết',
};

export const OUTCOMES: Record<string, string> = {
  APPROVED: 'Được thông qua',
  QUORUM_NOT_MET: 'Không đủ tỷ lệ tham gia',
  THRESHOLD_NOT_MET: 'Không đủ tỷ lệ đồng ý',
};

export const SESSION_STATUSES: Record<string, string> = {
  SCHEDULED: 'Đã triệu tập',
  OPEN: 'Đang họp',
  CLOSED: 'Đã bế mạc',
};

export const NOMINEE_KINDS: Record<string, string> = { individual: 'Cá nhân', collective: 'Tập thể' };

/** The button (and form title) of each action on a nomination, by the API's intent name. */
export const ACTION_LABELS: Record<string, string> = {
  EditNomination: 'Sửa hồ sơ',
  SubmitNomination: 'Trình hồ sơ',
  ResubmitNomination: 'Trình lại hồ sơ',
  ReviewAtCluster: 'Xét ở cụm thi đua',
  RecordOfficeCheck: 'Thẩm định hồ sơ',
  OpenCouncilVoting: 'Lấy ý kiến hội đồng bằng văn bản',
  CastCouncilVote: 'Biểu quyết',
  RecuseFromCouncil: 'Rút khỏi biểu quyết',
  CloseCouncilVoting: 'Kết thúc biểu quyết',
  SignAwardDecision: 'Ký quyết định',
  DeclineSignature: 'Không ký',
  PutOnHold: 'Tạm dừng xét',
  ReleaseFromHold: 'Tiếp tục xét',
  WithdrawNomination: 'Rút hồ sơ',
  RevokeAward: 'Hủy bỏ khen thưởng',
};
