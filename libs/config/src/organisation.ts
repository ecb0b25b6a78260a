import { readFileSync } from 'node:fs';
import type { Actor, Campaign, CouncilMember, PriorAward, Role } from '@tdkt/domain';
import { awaitingKeysFor, ROLES } from '@tdkt/domain';

/**
 * The organisation directory: clusters, units, campaigns, users and their roles. Reference data
 * the province maintains (a file here; an identity provider in a larger deployment).
 */
export interface Cluster {
  id: string;
  name: string;
}
export interface Unit {
  id: string;
  name: string;
  clusterId: string;
}
export interface CampaignInfo extends Campaign {
  name: string;
  open: boolean;
}
export interface UserAccount {
  username: string;
  displayName: string;
  roles: Role[];
  unitId?: string;
  clusterId?: string;
  /** Work e-mail: where notifications are mailed (none: in the app only); single sign-on may match users by it (OIDC_USERNAME_CLAIM=email). */
  email?: string;
  /**
   * The person's identifier, the same a nomination gives its nominee (`nominee.nomineeId`, e.g. a
   * citizen ID `cccd-…`): how the system recognises a user named as a nominee (who may then take no
   * step on that nomination). Unique; optional.
   */
  personId?: string;
}
export interface ImportedAward extends PriorAward {
  nomineeId: string;
}

/**
 * A person of the demo register (issue 12), registered at the first start: a stable id, the
 * details, optionally a citizen ID (sealed when stored) and a later move to another unit.
 */
export interface DemoPerson {
  id: string;
  fullName: string;
  unitId: string;
  dateOfBirth?: string;
  gender?: 'male' | 'female';
  position?: string;
  directWorker?: boolean;
  citizenId?: string;
  movedTo?: { unitId: string; position?: string };
}

export interface Organisation {
  province: string;
  /** Issuing authority symbol in decision numbers, e.g. UBND → `163/QĐ-UBND`. */
  decisionAuthority: string;
  /** Only in the demo file: the password every demo user gets when seeded. */
  demoPassword?: string;
  clusters: Cluster[];
  units: Unit[];
  /** Campaigns declared in the file (legacy; campaigns are run as event streams): used when no stream has the id. */
  campaigns: CampaignInfo[];
  users: UserAccount[];
  priorAwards: ImportedAward[];
  /** Demo people of the register (seeded when embedded); their award history is in `priorAwards`. */
  people?: DemoPerson[];
  /** Demo sub-units (phòng, tổ, khoa…) nominable as collectives (seeded when embedded, by the office). */
  subUnits?: DemoSubUnit[];
}

export interface DemoSubUnit {
  unitId: string;
  name: string;
  /** One of the domain's SUB_UNIT_KINDS: PHONG, TO, KHOA, BAN, KHAC. */
  kind: 'PHONG' | 'TO' | 'KHOA' | 'BAN' | 'KHAC';
}

/** One address, no display name or list: what a notification is mailed to. */
const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

export function parseOrganisation(raw: any, source = 'organisation'): Organisation {
  const fail = (m: string): never => {
    throw new Error(`${source}: ${m}`);
  };
  if (!raw || typeof raw !== 'object') fail('must be an object');
  for (const k of ['clusters', 'units', 'users']) if (!Array.isArray(raw[k])) fail(`"${k}" must be an array`);
  // Campaigns are event streams the office runs (POST /api/campaigns); a file may still declare some.
  if (raw.campaigns !== undefined && !Array.isArray(raw.campaigns)) fail('"campaigns" must be an array when given');
  const clusters = new Set(raw.clusters.map((c: Cluster) => c.id));
  for (const u of raw.units as Unit[])
    if (!clusters.has(u.clusterId)) fail(`unit ${u.id} names unknown cluster ${u.clusterId}`);
  const units = new Set(raw.units.map((u: Unit) => u.id));
  const usernames = new Set<string>();
  const emails = new Set<string>();
  const personIds = new Set<string>();
  for (const u of raw.users as UserAccount[]) {
    if (!u.username || !Array.isArray(u.roles) || u.roles.length === 0)
      fail(`user ${u.username} needs a username and roles`);
    if (usernames.has(u.username)) fail(`user ${u.username} appears twice`);
    usernames.add(u.username);
    for (const r of u.roles) if (!ROLES.includes(r) || r === 'SYSTEM') fail(`user ${u.username} has unknown role ${r}`);
    if (u.unitId && !units.has(u.unitId)) fail(`user ${u.username} names unknown unit ${u.unitId}`);
    if (u.clusterId && !clusters.has(u.clusterId)) fail(`user ${u.username} names unknown cluster ${u.clusterId}`);
    if (u.email !== undefined) {
      if (typeof u.email !== 'string' || !EMAIL.test(u.email))
        fail(`user ${u.username} has an invalid email ${JSON.stringify(u.email)}`);
      // Sign-in may match by e-mail: two users sharing one would be ambiguous.
      if (emails.has(u.email.toLowerCase())) fail(`user ${u.username}: email ${u.email} belongs to another user too`);
      emails.add(u.email.toLowerCase());
    }
    if (u.personId !== undefined) {
      if (typeof u.personId !== 'string' || !u.personId.trim()) fail(`user ${u.username}: personId must be text`);
      if (personIds.has(u.personId)) fail(`personId ${u.personId} belongs to two users`);
      personIds.add(u.personId);
    }
  }
  // A campaign's deadline and year are read by the decider at submission: a bad one must stop start-up, not a submission.
  for (const c of (raw.campaigns ?? []) as CampaignInfo[]) {
    if (!c || typeof c.id !== 'string' || !c.id) fail('every campaign needs an id');
    if (!Number.isInteger(c.year)) fail(`campaign ${c.id}: year must be a whole number`);
    if (typeof c.submissionDeadline !== 'string' || Number.isNaN(Date.parse(c.submissionDeadline)))
      fail(`campaign ${c.id}: submissionDeadline must be an ISO date-time, e.g. 2026-12-31T17:00:00+07:00`);
  }
  if (raw.decisionAuthority !== undefined && !/^[A-Z][A-Z0-9-]*$/.test(raw.decisionAuthority))
    fail(`decisionAuthority ${JSON.stringify(raw.decisionAuthority)} must be an upper-case symbol such as UBND`);
  for (const a of (raw.priorAwards ?? []) as ImportedAward[]) {
    const ok =
      a &&
      typeof a.nomineeId === 'string' &&
      typeof a.awardCode === 'string' &&
      typeof a.campaignId === 'string' &&
      Number.isInteger(a.year) &&
      typeof a.nominationId === 'string';
    if (!ok)
      fail(`prior award ${JSON.stringify(a)} needs nomineeId, awardCode, campaignId, a whole year and nominationId`);
  }
  const personIdsSeen = new Set<string>();
  for (const p of (raw.people ?? []) as DemoPerson[]) {
    if (!p || typeof p.id !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(p.id))
      fail(`person ${JSON.stringify(p?.id)}: id must be letters, digits, "-" or "_"`);
    if (personIdsSeen.has(p.id)) fail(`person ${p.id} appears twice`);
    personIdsSeen.add(p.id);
    if (typeof p.fullName !== 'string' || !p.fullName.trim()) fail(`person ${p.id} needs a fullName`);
    if (!units.has(p.unitId)) fail(`person ${p.id} names unknown unit ${p.unitId}`);
    if (p.movedTo && !units.has(p.movedTo.unitId)) fail(`person ${p.id} moves to unknown unit ${p.movedTo.unitId}`);
  }
  for (const u of (raw.subUnits ?? []) as DemoSubUnit[]) {
    if (!u || !units.has(u.unitId)) fail(`sub-unit ${JSON.stringify(u?.name)} names unknown unit ${u?.unitId}`);
    if (typeof u.name !== 'string' || !u.name.trim()) fail(`a sub-unit of ${u.unitId} needs a name`);
    if (!['PHONG', 'TO', 'KHOA', 'BAN', 'KHAC'].includes(u.kind))
      fail(`sub-unit ${u.name}: kind must be PHONG, TO, KHOA, BAN or KHAC`);
  }
  return { priorAwards: [], decisionAuthority: 'UBND', ...raw, campaigns: raw.campaigns ?? [] } as Organisation;
}

export function loadOrganisation(file: string): Organisation {
  return parseOrganisation(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** The directory's questions, answered for the API and the workflow activities alike. */
export class OrganisationDirectory {
  constructor(readonly org: Organisation) {}

  unit(id: string) {
    return this.org.units.find((u) => u.id === id);
  }
  campaign(id: string) {
    return this.org.campaigns.find((c) => c.id === id);
  }
  user(username: string) {
    return this.org.users.find((u) => u.username === username);
  }
  /** The user with this e-mail address (case-insensitive; addresses are unique in the file). */
  userByEmail(email: string) {
    const e = email.toLowerCase();
    return this.org.users.find((u) => u.email?.toLowerCase() === e);
  }
  /** The whole council: everyone holding COUNCIL_MEMBER (the chairman too, who chairs it). */
  councilMembers(): CouncilMember[] {
    return this.org.users
      .filter((u) => u.roles.includes('COUNCIL_MEMBER'))
      .map((u) => ({
        userId: u.username,
        ...(u.unitId ? { unitId: u.unitId } : {}),
        ...(u.personId ? { personId: u.personId } : {}),
      }));
  }
  /**
   * The persons an awaitee key means (`UNIT_HEAD:donvi1`, `COUNCIL_MEMBER:hoidong2`, `CHAIRMAN`):
   * the inverse of the domain's `awaitingKeysFor`, so inbox and notifications name the same people.
   */
  usersAwaited(key: string): UserAccount[] {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const u of this.org.users)
        for (const k of awaitingKeysFor(this.actorFor(u.username)!)) {
          const list = this.byKey.get(k);
          if (list) list.push(u);
          else this.byKey.set(k, [u]);
        }
    }
    return this.byKey.get(key) ?? [];
  }
  private byKey?: Map<string, UserAccount[]>;

  actorFor(username: string): Actor | undefined {
    const u = this.user(username);
    if (!u) return undefined;
    const unit = u.unitId ? this.unit(u.unitId) : undefined;
    const actor: Actor = { userId: u.username, displayName: u.displayName, roles: u.roles };
    if (u.unitId) actor.unitId = u.unitId;
    if (u.personId) actor.personId = u.personId;
    const clusterId = u.clusterId ?? unit?.clusterId;
    if (clusterId) actor.clusterId = clusterId;
    return actor;
  }
}
