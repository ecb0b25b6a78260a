export { PUBLIC_NOTICES_TABLE } from './public-notices.schema';
export { PublicNoticesProjection } from './public-notices.projection';
export { listOpenNotices, type PublicNoticeView } from './public-notices.queries';
