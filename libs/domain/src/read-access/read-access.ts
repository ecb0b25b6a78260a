import { hasRole, type Actor, type Role } from '../shared/actor';

/**
 * Who may read what — the one read policy of the system (README "Who may see what"). Every read
 * of the API asks it: lists filter by `readScopeOf` in SQL (a list never counts what it does not
 * show), a nomination by id, its audit trail and its decisions answer 404 outside `mayReadNomination`
 * (a reader learns nothing of a nomination they may not see, not even that it exists).
 *
 * - Unit officer and unit head: their own unit's nominations.
 * - Cluster leader: the nominations of the units of their cluster (stamped on the nomination when drafted).
 * - Council secretary, council members, the Chairman, the inspector (AUDITOR): every nomination.
 * - Anonymous: the public award registry and public pages only, with no personal data.
 */

/** Roles that oversee every nomination of the province, whatever its unit. */
export const PROVINCE_WIDE_READERS: readonly Role[] = ['AUDITOR', 'COUNCIL_SECRETARY', 'CHAIRMAN', 'COUNCIL_MEMBER'];

/**
 * Roles that see the nominee's personal data (identifier — often a citizen ID number —, date of
 * birth, contact) of every nomination: the secretary checks the dossier and the award history, the
 * inspector audits. The nominating unit's own officer and head see it for their unit (they wrote it).
 * Cluster leaders, council members and the Chairman judge the achievements, not the person's papers:
 * they see it masked.
 */
export const PERSONAL_DATA_READERS: readonly Role[] = ['AUDITOR', 'COUNCIL_SECRETARY'];

/**
 * The fields that are personal data wherever they appear in what is read (a nominee's identifier,
 * date of birth, contact; a council member's person identifier on the roster): masked for whoever
 * does not need them.
 */
export const PERSONAL_DATA_FIELDS = ['nomineeId', 'dateOfBirth', 'contact', 'personId'] as const;

/** What a reader may list: everything, or the nominations of some units and clusters (none: nothing). */
export type ReadScope = { all: true } | { all: false; unitIds: string[]; clusterIds: string[] };

/** Where a nomination belongs, as the read side knows it. */
export interface NominationPlace {
  unitId?: string | null;
  clusterId?: string | null;
}

const isUnitStaff = (a: Actor) => hasRole(a, 'UNIT_OFFICER') || hasRole(a, 'UNIT_HEAD');

/** The nominations a reader may see, as a filter the read models apply in SQL. Anonymous: none. */
export function readScopeOf(reader: Actor | null | undefined): ReadScope {
  if (!reader) return { all: false, unitIds: [], clusterIds: [] };
  if (PROVINCE_WIDE_READERS.some((r) => hasRole(reader, r))) return { all: true };
  const unitIds = isUnitStaff(reader) && reader.unitId ? [reader.unitId] : [];
  const clusterIds = hasRole(reader, 'CLUSTER_LEADER') && reader.clusterId ? [reader.clusterId] : [];
  return { all: false, unitIds, clusterIds };
}

/** Whether a reader may see this nomination at all (by id, its audit trail, its documents). */
export function mayReadNomination(reader: Actor | null | undefined, nomination: NominationPlace): boolean {
  const scope = readScopeOf(reader);
  if (scope.all) return true;
  return (
    (!!nomination.unitId && scope.unitIds.includes(nomination.unitId)) ||
    (!!nomination.clusterId && scope.clusterIds.includes(nomination.clusterId))
  );
}

/** The audit trail is read by exactly those who may read the nomination. */
export const mayReadAuditTrail = mayReadNomination;

/**
 * Whether the reader reads council sessions (list, agenda and attendance, tallies after the close,
 * minutes). An agenda lists nominations of every unit, so only readers who may read every nomination
 * read it — unit staff and cluster leaders are refused (403) rather than shown a filtered session:
 * the minutes and the quorum are of the whole session, and a partial one would misstate both.
 */
export function mayReadCouncilSessions(reader: Actor | null | undefined): boolean {
  return readScopeOf(reader).all;
}

/**
 * Roles that may fetch the audit log's proofs (an event's inclusion proof, a consistency proof, a
 * nomination's proofs). A leaf is SHA-256 over the whole event — vote choices and nominee identifiers
 * included — so a proof lets whoever sees the rest of an event test guesses of a hidden field (an open
 * vote's choice before the close). Until leaves are salted, proofs go only to readers who see every
 * event in full: the inspector and the council secretary. Checkpoints and the public key stay public.
 */
export const AUDIT_PROOF_READERS: readonly Role[] = ['AUDITOR', 'COUNCIL_SECRETARY'];

export function mayReadAuditProofs(reader: Actor | null | undefined): boolean {
  return !!reader && AUDIT_PROOF_READERS.some((r) => hasRole(reader, r));
}

/** Whether the reader sees the nominee's personal data of this nomination (else it is masked). */
export function maySeePersonalData(reader: Actor | null | undefined, nomination: NominationPlace): boolean {
  if (!reader) return false;
  if (PERSONAL_DATA_READERS.some((r) => hasRole(reader, r))) return true;
  return isUnitStaff(reader) && !!reader.unitId && reader.unitId === nomination.unitId;
}

/**
 * A personal identifier as shown to whoever may not see it: the last three characters only (enough
 * to tell two namesakes apart in a list, not enough to use), the rest as "•". Null stays null.
 */
export function maskPersonalId(id: string | null | undefined): string | null {
  if (id === null || id === undefined || id === '') return null;
  const shown = id.length > 6 ? id.slice(-3) : '';
  return '•'.repeat(Math.max(id.length - shown.length, 3)) + shown;
}

/**
 * Whether the reader sees how each council member voted. Until voting closes, nobody but the
 * inspector (AUDITOR) does — not the nominating unit, not the other members, not the secretary —
 * so no vote sways another. After it closes, an open ballot is on the record for whoever may read
 * the nomination; a secret ballot (bỏ phiếu kín) stays secret from everyone but the inspector.
 */
export function maySeeVoteChoices(
  reader: Actor | null | undefined,
  policy: { secretBallot?: boolean } | undefined,
  votingClosed: boolean,
): boolean {
  if (!reader) return false;
  if (hasRole(reader, 'AUDITOR')) return true;
  return votingClosed && policy?.secretBallot !== true;
}

/** Who reads the comment a member wrote with their vote, whenever they may also see its choice. */
export const VOTE_COMMENT_READERS: readonly Role[] = ['AUDITOR', 'COUNCIL_SECRETARY', 'COUNCIL_MEMBER'];

/**
 * Whether the reader sees the words a council member wrote with their vote. A comment usually
 * gives the choice away ("tôi không đồng ý vì…"), so it follows the choice's rule, and beyond it is
 * for the inspector, the secretary and the council only — never word for word to the unit or cluster.
 */
export function maySeeVoteComment(
  reader: Actor | null | undefined,
  policy: { secretBallot?: boolean } | undefined,
  votingClosed: boolean,
): boolean {
  return (
    !!reader && VOTE_COMMENT_READERS.some((r) => hasRole(reader, r)) && maySeeVoteChoices(reader, policy, votingClosed)
  );
}

/**
 * Whether a registry reader sees the nominee's identifier of this award. The registry is public;
 * the identifier is personal data: the anonymous public never sees it, an official as the
 * personal-data rule says (`maySeePersonalData`), others masked.
 */
export function maySeeNomineeId(reader: Actor | null | undefined, award: NominationPlace = {}): boolean {
  return maySeePersonalData(reader, award);
}

/**
 * Comments on a public notice (công khai): read by those who read every nomination (the office, the
 * council, the Chairman, the inspector) — a notice spans every unit, as a session's agenda does.
 * The commenter's contact (phone, e-mail) is personal data of a member of the public: the office,
 * which must answer, and the inspector only; everyone else sees the comment without it.
 */
export function mayReadPublicComments(reader: Actor | null | undefined): boolean {
  return readScopeOf(reader).all;
}

export const COMMENTER_CONTACT_READERS: readonly Role[] = ['AUDITOR', 'COUNCIL_SECRETARY'];

export function maySeeCommenterContact(reader: Actor | null | undefined): boolean {
  return !!reader && COMMENTER_CONTACT_READERS.some((r) => hasRole(reader, r));
}
