export { AWARDS_FTS_TABLE, AWARDS_TABLE } from './award-registry.schema';
export { AwardRegistryProjection, decisionKey, registrySearchText } from './award-registry.projection';
export {
  registryAtPosition,
  registrySearchStatements,
  type AwardView,
  type DecisionView,
  type SearchRegistryQuery,
  type SqlStatement,
} from './award-registry.queries';
