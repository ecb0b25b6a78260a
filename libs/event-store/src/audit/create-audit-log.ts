import type { EventStore } from '../event-store.port';
import { hasAuditLog, type AuditLog } from './audit-log.port';
import { FollowingAuditLog } from './following-audit-log';

/**
 * The audit log of a store: its own when it keeps one (SQLite, written with each append), else a
 * follower of $all that writes the leaves to the store itself (EventStoreDB).
 */
export function auditLogOf(store: EventStore): AuditLog {
  return hasAuditLog(store) ? store.auditLog() : new FollowingAuditLog(store);
}
