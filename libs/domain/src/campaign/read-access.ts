/**
 * Who reads what of campaigns (the read policy, beside read-access/read-access.ts): a campaign
 * itself (name, kind, document, criteria, status) is read by every signed-in official; registrations
 * by scope (the office and the council all, a cluster leader the cluster's units, unit staff their
 * unit's); a cluster's scoring by the province-wide readers and the cluster's leader, and by a
 * member unit's staff for that unit's own row only ("a unit sees its own scores and rank").
 */
import type { Actor } from '../shared/actor';
import { readScopeOf, type ReadScope } from '../read-access/read-access';

export const registrationScopeOf = (reader: Actor | null | undefined): ReadScope => readScopeOf(reader);

/** The unit rows of a cluster's scoring a reader sees: all, some units, or none (then 404, as an unknown scoring). */
export function scoringRowsFor(
  reader: Actor | null | undefined,
  clusterId: string,
  memberUnitIds: readonly string[],
): 'all' | string[] | null {
  const scope = readScopeOf(reader);
  if (scope.all || scope.clusterIds.includes(clusterId)) return 'all';
  const own = scope.unitIds.filter((u) => memberUnitIds.includes(u));
  return own.length ? own : null;
}
