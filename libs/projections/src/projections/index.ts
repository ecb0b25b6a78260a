import type { Projection } from '../projection';
import { AuditTrailProjection } from './audit-trail.projection';
import { AwardRegistryProjection } from './award-registry.projection';
import { InboxProjection } from './inbox.projection';
import { StatusBoardProjection } from './status-board.projection';

export * from './audit-trail.projection';
export * from './award-registry.projection';
export * from './inbox.projection';
export * from './status-board.projection';
export { NOMINATION_STREAM_PREFIX } from './nomination-events';

/** The four read models: status board, audit trail, award registry, inbox. */
export function defaultProjections(): Projection[] {
  return [new StatusBoardProjection(), new AuditTrailProjection(), new AwardRegistryProjection(), new InboxProjection()];
}
