export { STAT_CELLS_TABLE, STAT_NOMINATIONS_TABLE } from './statistics.schema';
export { StatisticsProjection } from './statistics.projection';
export {
  queryStatistics,
  STATISTICS_GROUPINGS,
  type Share,
  type StageTime,
  type StatisticsFigures,
  type StatisticsGrouping,
  type StatisticsQuery,
  type StatisticsResult,
} from './statistics.queries';
