/**
 * Vietnamese names of roles and statuses: what a person reads in an error message, the audit trail
 * and the UI (codes stay in code and data). Here, in the domain, because the domain's own refusals
 * name them; the projections re-export them.
 */
export const ROLE_LABELS: Record<string, string> = {
  UNIT_OFFICER: 'Cán bộ thi đua đơn vị',
  UNIT_HEAD: 'Thủ trưởng đơn vị',
  CLUSTER_LEADER: 'Trưởng cụm thi đua',
  COUNCIL_SECRETARY: 'Thường trực hội đồng',
  COUNCIL_MEMBER: 'Thành viên hội đồng',
  CHAIRMAN: 'Chủ tịch UBND tỉnh',
  AUDITOR: 'Thanh tra',
  SYSTEM: 'Hệ thống',
};

export const STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Đang lập hồ sơ',
  CLUSTER_REVIEW: 'Cụm thi đua đang xét',
  RETURNED: 'Trả lại để bổ sung',
  COUNCIL_VOTING: 'Hội đồng đang xét',
  AWAITING_SIGNATURE: 'Chờ Chủ tịch ký',
  FORWARDED: 'Đã trình cấp Trung ương, chờ quyết định',
  AWARDED: 'Đã khen thưởng',
  REJECTED: 'Không khen thưởng',
  WITHDRAWN: 'Đã rút hồ sơ',
  REVOKED: 'Đã hủy bỏ khen thưởng',
};

/** A role's Vietnamese name ("Người dùng" for none; the code itself only for one the table lacks). */
export const roleLabel = (role: string | undefined): string =>
  role === undefined ? 'Người dùng' : (ROLE_LABELS[role] ?? role);

/** A status's Vietnamese name (the code itself only for one the table lacks). */
export const statusLabel = (status: string): string => STATUS_LABELS[status] ?? status;
