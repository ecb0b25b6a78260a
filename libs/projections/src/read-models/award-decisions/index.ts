export { AWARD_DECISIONS_TABLE } from './award-decisions.schema';
export { AwardDecisionsProjection, AWARD_DECISION_STREAM_PREFIX } from './award-decisions.projection';
export {
  listAwardDecisions,
  getAwardDecision,
  type AwardDecisionRow,
  type ListAwardDecisionsQuery,
} from './award-decisions.queries';
