export { AUDIT_TABLE } from './audit-trail.schema';
export { AuditTrailProjection } from './audit-trail.projection';
export type { AuditEntry } from './audit-trail.queries';
