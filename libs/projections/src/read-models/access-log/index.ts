export { ACCESS_LOG_STREAM, ACCESS_LOG_TABLE, PERSONAL_DATA_READ } from './access-log.schema';
export { AccessLogProjection, type PersonalDataReadData } from './access-log.projection';
export { listAccessLog, type ListAccessLogQuery, type PersonalDataReadView } from './access-log.queries';
