export { NOMINATIONS_TABLE } from './status-board.schema';
export { StatusBoardProjection } from './status-board.projection';
export type { ListNominationsQuery, NominationDetail, NominationSummary } from './status-board.queries';
