export { NOMINATIONS_TABLE } from './status-board.schema';
export { StatusBoardProjection } from './status-board.projection';
export { NOMINATION_SORT_KEYS } from './status-board.queries';
export type {
  ListNominationsQuery,
  NominationDetail,
  NominationSortKey,
  NominationSummary,
} from './status-board.queries';
