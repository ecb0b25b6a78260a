import type { CampaignKind, CampaignStatus } from './campaign.types';

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  PLANNED: 'Dự kiến (chưa phát động)',
  REGISTRATION_OPEN: 'Đã phát động — nhận đăng ký thi đua',
  NOMINATIONS_OPEN: 'Nhận hồ sơ đề nghị khen thưởng',
  CLOSED: 'Đã kết thúc',
};

export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  ANNUAL: 'Thường xuyên (hằng năm)',
  THEMATIC: 'Chuyên đề',
  PERIODIC: 'Theo đợt',
};
