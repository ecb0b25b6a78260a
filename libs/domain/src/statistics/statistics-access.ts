import { readScopeOf, type ReadScope } from '../read-access/read-access';
import type { Actor } from '../shared/actor';

/**
 * What statistics a reader gets (README "Statistics and reports"):
 * - an official: every figure, over the nominations of their read scope (the province, a cluster, a unit);
 * - the anonymous public: the figures of signed awards only (counts, shares, amounts), province-wide —
 *   the award registry and decisions are public, so their totals are too — but not the nominations
 *   in progress, refused or withdrawn, nor the timeliness of the office's work (internal files).
 */
export type StatisticsView = { audience: 'official'; scope: ReadScope } | { audience: 'public' };

export function statisticsViewOf(reader: Actor | null | undefined): StatisticsView {
  return reader ? { audience: 'official', scope: readScopeOf(reader) } : { audience: 'public' };
}
