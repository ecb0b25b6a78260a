export { INBOX_STATE_TABLE, INBOX_TABLE } from './inbox.schema';
export { InboxProjection } from './inbox.projection';
export type { InboxItem } from './inbox.queries';
/** Kept exported from the read side for its callers; the rule itself is the domain's. */
export { awaitingKeysFor } from '@tdkt/domain';
