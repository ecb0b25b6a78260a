export { EXEMPLARY_MODELS_TABLE } from './exemplary-models.schema';
export { ExemplaryModelsProjection, type ExemplaryModelHistoryEntry } from './exemplary-models.projection';
export {
  getExemplaryModel,
  listExemplaryModels,
  registryAwardOf,
  type ExemplaryModelView,
  type ListExemplaryModelsQuery,
} from './exemplary-models.queries';
