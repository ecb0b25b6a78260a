import type { Projection } from '../projection';
import { AccessLogProjection } from './access-log';
import { AuditTrailProjection } from './audit-trail';
import { AwardDecisionsProjection } from './award-decisions';
import { AwardRegistryProjection } from './award-registry';
import { CampaignsProjection } from './campaigns';
import { CouncilSessionsProjection } from './council-sessions';
import { InboxProjection } from './inbox';
import { PublicNoticesProjection } from './public-notices';
import { PeopleProjection } from './people';
import { StatusBoardProjection } from './status-board';
import { ExemplaryModelsProjection } from './exemplary-models';
import { StatisticsProjection } from './statistics';

export * from './access-log';
export * from './audit-trail';
export * from './award-decisions';
export * from './award-registry';
export * from './campaigns';
export * from './council-sessions';
export * from './inbox';
export * from './notifications';
export * from './public-notices';
export * from './people';
export * from './status-board';
export * from './exemplary-models';
export * from './statistics';
export { NOMINATION_STREAM_PREFIX } from './nomination-events';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from './paging';

/** The read models: status board, audit trail, award registry, inbox, the access log of personal-data reads, council sessions. */
export function defaultProjections(): Projection[] {
  return [
    new StatusBoardProjection(),
    new AuditTrailProjection(),
    new AwardRegistryProjection(),
    new InboxProjection(),
    new AccessLogProjection(),
    new CouncilSessionsProjection(),
    new AwardDecisionsProjection(),
    new CampaignsProjection(),
    new PublicNoticesProjection(),
    new PeopleProjection(),
    new StatisticsProjection(),
    new ExemplaryModelsProjection(),
  ];
}
