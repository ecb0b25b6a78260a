import { hasRole, type Actor } from '../shared/actor';

/** Roles that oversee every nomination of the province, whatever its unit. */
const OVERSIGHT_ROLES = ['AUDITOR', 'COUNCIL_SECRETARY', 'CHAIRMAN', 'COUNCIL_MEMBER'] as const;

/**
 * Who may read a nomination's audit trail: the province's oversight (auditor, council secretary,
 * chairman, council members) and, for their own nominations, the unit's staff and its cluster leader.
 */
export function mayReadAuditTrail(actor: Actor, nomination: { unitId?: string; clusterId?: string }): boolean {
  if (OVERSIGHT_ROLES.some((r) => hasRole(actor, r))) return true;
  if (
    (hasRole(actor, 'UNIT_OFFICER') || hasRole(actor, 'UNIT_HEAD')) &&
    actor.unitId &&
    actor.unitId === nomination.unitId
  )
    return true;
  return hasRole(actor, 'CLUSTER_LEADER') && !!actor.clusterId && actor.clusterId === nomination.clusterId;
}

/**
 * Whether the reader sees how each council member voted. A secret ballot (bỏ phiếu kín) keeps each
 * member's choice from everyone but the auditor; an open one hides nothing.
 */
export function maySeeVoteChoices(reader: Actor, policy: { secretBallot?: boolean } | undefined): boolean {
  return policy?.secretBallot !== true || hasRole(reader, 'AUDITOR');
}

/**
 * Whether a registry reader sees the nominee's identifier, which may be a citizen ID number (CCCD)
 * or a staff number: personal data, not part of the published registry. Signed-in officials do;
 * the anonymous public does not.
 */
export function maySeeNomineeId(reader: Actor | null | undefined): boolean {
  return !!reader;
}
