/** Roles from DOMAIN.md "Actors and their rights". SYSTEM is the workflow's own clock (SLA, auto-close). */
export const ROLES = [
  'UNIT_OFFICER',
  'UNIT_HEAD',
  'CLUSTER_LEADER',
  'COUNCIL_SECRETARY',
  'COUNCIL_MEMBER',
  'CHAIRMAN',
  'AUDITOR',
  'SYSTEM',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who issues a command. One person may hold several roles (the chairman also sits on the council);
 * scope (unit, cluster) comes from the identity provider, never from a request body.
 */
export interface Actor {
  userId: string;
  displayName?: string;
  roles: Role[];
  unitId?: string;
  clusterId?: string;
  /**
   * The person behind the account, as the organisation file identifies them (the same identifier a
   * nomination gives its nominee, e.g. `cccd-…`): how the system knows a user is a nominee.
   */
  personId?: string;
}

/** The actor as recorded on an event: the one role the action was taken in, and its scope. */
export interface ActingAs {
  userId: string;
  role: Role;
  unitId?: string;
  clusterId?: string;
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', displayName: 'Hệ thống', roles: ['SYSTEM'] };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

export function actingAs(actor: Actor, role: Role): ActingAs {
  const by: ActingAs = { userId: actor.userId, role };
  if (actor.unitId !== undefined) by.unitId = actor.unitId;
  if (actor.clusterId !== undefined) by.clusterId = actor.clusterId;
  return by;
}
