import type { Actor, Role } from '../shared/actor';

/**
 * Who a nomination waits for, as one string: a role alone (`CHAIRMAN`, `COUNCIL_SECRETARY`) or a
 * role and its scope (`UNIT_HEAD:donvi1`, `CLUSTER_LEADER:cum1`, `COUNCIL_MEMBER:hoidong2`).
 * `awaiting(state)` makes them, the inbox stores them, and `awaitingKeysFor` lists the ones that
 * mean a given actor; both sides live here so they cannot drift apart.
 */
export const awaiteeKey = (role: Role, scope?: string): string => (scope === undefined ? role : `${role}:${scope}`);

/** Roles whose awaitee key is scoped to the actor's unit or cluster (the others, to the person). */
const SCOPE_OF: Partial<Record<Role, 'unitId' | 'clusterId'>> = {
  UNIT_HEAD: 'unitId',
  UNIT_OFFICER: 'unitId',
  CLUSTER_LEADER: 'clusterId',
};

/**
 * The awaitee keys that mean "me" for an actor: for each role, the bare role, `ROLE:userId`, and
 * the role's scope (`UNIT_HEAD:<unitId>`, `UNIT_OFFICER:<unitId>`, `CLUSTER_LEADER:<clusterId>`).
 */
export function awaitingKeysFor(actor: Pick<Actor, 'userId' | 'roles' | 'unitId' | 'clusterId'>): string[] {
  const keys = new Set<string>();
  for (const role of actor.roles) {
    keys.add(awaiteeKey(role));
    keys.add(awaiteeKey(role, actor.userId));
    const scope = SCOPE_OF[role];
    if (scope && actor[scope]) keys.add(awaiteeKey(role, actor[scope]));
  }
  return [...keys];
}
