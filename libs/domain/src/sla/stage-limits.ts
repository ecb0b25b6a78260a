import type { StageTimeLimits } from '../catalog/award-catalog';
import type { StageTimeUnit } from './stage-deadline';

/** How a deployment measures stage limits: the catalog's limits and their unit. */
export interface StageLimitsConfig {
  stageTimeLimits: StageTimeLimits;
  stageTimeUnit: StageTimeUnit;
}
