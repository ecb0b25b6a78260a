/**
 * The award catalog is data (config/award-catalog.json), not code: every province sets its own
 * policy. These are its types and a parser that refuses a malformed file with a clear message.
 */
import { dossierPolicyProblems, type DossierPolicy } from '../dossier/dossier-policy';
import type { DecisionPolicy } from '../award-decision/award-decision.types';
import { decisionPolicyProblems } from '../award-decision/decision-policy';
import type { BaseSalaryPeriod } from '../shared/base-salary';

export type RecipientKind = 'individual' | 'collective';
/** CENTRAL: decided above the province (Prime Minister, President); the Chairman forwards a submission. */
export type AwardingAuthority = 'UNIT_HEAD' | 'CHAIRMAN' | 'CENTRAL';

/**
 * The list is published for comments for this many working days before the council may vote on it
 * (công khai, lấy ý kiến — Decree 98/2023/NĐ-CP Art. 46), with where the value comes from.
 */
export interface PublicNoticePolicy {
  workingDays: number;
  source: string;
}

export interface CouncilPolicy {
  /** Share of ALL council members who must take part (vote approve/reject/abstain), 0..1. */
  quorum: number;
  /** Share of ALL council members who must approve, 0..1 (historically 0.7; 0.9 by secret ballot). */
  threshold: number;
  secretBallot: boolean;
}

/** A pure eligibility rule, evaluated over the nominee's award history (see eligibility/). */
export type EligibilityRule =
  | { kind: 'consecutiveYears'; awardCode: string; years: number; description?: string }
  | { kind: 'heldInYears'; awardCode: string; years: number; within: number; description?: string };

export interface AwardType {
  code: string;
  name: string;
  recipient: RecipientKind | 'both';
  awardedBy: AwardingAuthority;
  /** Whether the unit's emulation cluster reviews before the council. */
  clusterReviewRequired: boolean;
  council: CouncilPolicy;
  eligibility: EligibilityRule[];
  /** Cash reward as a multiple of the base salary (lương cơ sở). */
  cashMultiple: number;
  /** Thematic (chuyên đề) awards never count as grounds for higher awards. */
  thematic?: boolean;
  /**
   * Whether a nomination for it may be declared one-off (đột xuất: an unforeseen feat, outside the
   * campaign's deadline and without the cluster's review) by the unit head. Absent: not allowed.
   */
  oneOffAllowed?: boolean;
  /** Public notice before the council (absent: none). */
  publicNotice?: PublicNoticePolicy;
  /** For CENTRAL awards: who decides, as the registry names the authority (e.g. "Thủ tướng Chính phủ"). */
  centralAuthority?: string;
  /** Where this award's defaults come from (a DOMAIN.md section, a law, or "assumed"). */
  source?: string;
}

export interface StageTimeLimits {
  /** Per stage, in working days in production (seconds are a test-only override, see config). */
  CLUSTER_REVIEW: number;
  /** The office's check of the dossier; optional so limits given to workflows before it existed still type. */
  OFFICE_CHECK?: number;
  COUNCIL_VOTING: number;
  AWAITING_SIGNATURE: number;
  RETURNED: number;
  /** How long before the limit a reminder is issued, as a share of the limit (0..1). */
  reminderAt: number;
  /** Public holidays (Vietnam calendar dates, YYYY-MM-DD) that are not working days. */
  publicHolidays?: string[];
  source?: string;
}

/**
 * Đăng ký thi đua: the titles (catalog codes) a unit may be nominated for in an annual campaign only
 * after registering in it, and the legal source of that rule.
 */
export interface RegistrationPolicy {
  requiredFor: string[];
  source: string;
}

/**
 * "One achievement, one award" (Law 06/2022/QH15): which awards are one kind (two of the same kind
 * for the same nominee and achievement year are refused whatever the campaign), and which awards are
 * achievements of their own. An award in no group is a kind of its own.
 */
export interface OneAwardPolicy {
  kinds: { kind: string; name: string; awards: string[] }[];
  /** One-off (đột xuất) and thematic (chuyên đề) awards reward a feat of their own, not the year's work. */
  exceptions: { oneOff: boolean; thematic: boolean };
  source: string;
}

export interface AwardCatalog {
  source: string;
  version: string;
  awards: AwardType[];
  /** Kinds and exceptions of "one achievement, one award"; absent: each award its own kind. */
  oneAchievementOneAward?: OneAwardPolicy;
  stageTimeLimits: StageTimeLimits;
  /** Council sessions: the share of ALL members who must be present to open one, and its source. */
  councilSession?: { attendanceQuorum: number; source: string };
  /** Award decisions: each authority's numbering and document profile (award-decision/). */
  decisions?: DecisionPolicy;
  /**
   * The base-salary schedule cash rewards are multiples of: not in the catalog file but loaded once by
   * the configuration from its own (config/base-salary.json) and attached here for whoever needs it.
   */
  baseSalary?: readonly BaseSalaryPeriod[];
  /** Registration before annual titles (campaigns); absent: no registration required. */
  emulationRegistration?: RegistrationPolicy;
  /** Awards a cluster proposes from its agreed year-end ranking (the emulation flag), and the source. */
  clusterProposal?: {
    awardCodes: string[];
    /** Certificates (Bằng khen) the ranking proposes for the units ranked right after the leading ones. */
    certificateAwardCodes?: string[];
    source: string;
  };
  /** Dossier document types and the ones each award form requires (absent: DEFAULT_DOSSIER_POLICY). */
  dossier?: DossierPolicy;
}

/** Used when the catalog names no session attendance quorum. */
export const DEFAULT_SESSION_ATTENDANCE = {
  quorum: 2 / 3,
  source: 'Mặc định (giả định): ít nhất 2/3 tổng số thành viên Hội đồng có mặt — theo quy chế hoạt động của Hội đồng',
};

export class CatalogError extends Error {
  override name = 'CatalogError';
}

function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new CatalogError(`award catalog: ${message}`);
}

const isCalendarDate = (d: unknown): boolean => {
  if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d); // 2026-02-30 is not a date
};

const share = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;

export function parseAwardCatalog(raw: unknown): AwardCatalog {
  check(raw && typeof raw === 'object', 'must be an object');
  const c = raw as Record<string, unknown>;
  check(typeof c.source === 'string', '"source" (where the defaults come from) is required');
  check(typeof c.version === 'string', '"version" is required');
  check(Array.isArray(c.awards) && c.awards.length > 0, '"awards" must be a non-empty array');
  const codes = new Set<string>();
  for (const [i, a] of (c.awards as AwardType[]).entries()) {
    check(a && typeof a === 'object' && !Array.isArray(a), `awards[${i}] must be an object`);
    check(
      typeof a.code === 'string' && /^[A-Z0-9_]+$/.test(a.code),
      `award code ${JSON.stringify(a.code)} must be UPPER_SNAKE`,
    );
    check(!codes.has(a.code), `award code ${a.code} appears twice`);
    codes.add(a.code);
    check(typeof a.name === 'string' && a.name.length > 0, `${a.code}: name is required`);
    check(
      ['individual', 'collective', 'both'].includes(a.recipient),
      `${a.code}: recipient must be individual, collective or both`,
    );
    check(
      ['UNIT_HEAD', 'CHAIRMAN', 'CENTRAL'].includes(a.awardedBy),
      `${a.code}: awardedBy must be UNIT_HEAD, CHAIRMAN or CENTRAL`,
    );
    check(
      a.awardedBy !== 'CENTRAL' || (typeof a.centralAuthority === 'string' && a.centralAuthority.length > 0),
      `${a.code}: a CENTRAL award names its centralAuthority`,
    );
    check(
      a.publicNotice === undefined ||
        (Number.isInteger(a.publicNotice.workingDays) &&
          a.publicNotice.workingDays > 0 &&
          typeof a.publicNotice.source === 'string'),
      `${a.code}: publicNotice needs a positive whole number of workingDays and its source`,
    );
    check(typeof a.clusterReviewRequired === 'boolean', `${a.code}: clusterReviewRequired must be true or false`);
    check(
      a.council && typeof a.council === 'object' && share(a.council.quorum) && share(a.council.threshold),
      `${a.code}: council quorum and threshold must be shares between 0 and 1`,
    );
    check(typeof a.council.secretBallot === 'boolean', `${a.code}: council.secretBallot must be true or false`);
    check(Array.isArray(a.eligibility), `${a.code}: eligibility must be an array (empty for none)`);
    check(
      typeof a.cashMultiple === 'number' && a.cashMultiple >= 0,
      `${a.code}: cashMultiple must be a non-negative number`,
    );
    check(
      a.thematic === undefined || typeof a.thematic === 'boolean',
      `${a.code}: thematic must be true or false when given`,
    );
    check(
      a.oneOffAllowed === undefined || typeof a.oneOffAllowed === 'boolean',
      `${a.code}: oneOffAllowed must be true or false when given`,
    );
    check(a.source === undefined || typeof a.source === 'string', `${a.code}: source must be text when given`);
  }
  for (const a of c.awards as AwardType[]) {
    for (const r of a.eligibility) {
      check(r && typeof r === 'object', `${a.code}: each eligibility rule must be an object`);
      check(
        r.kind === 'consecutiveYears' || r.kind === 'heldInYears',
        `${a.code}: eligibility kind must be consecutiveYears or heldInYears`,
      );
      check(codes.has(r.awardCode), `${a.code}: eligibility refers to unknown award ${r.awardCode}`);
      check(Number.isInteger(r.years) && r.years > 0, `${a.code}: eligibility years must be a positive whole number`);
      if (r.kind === 'heldInYears')
        check(
          Number.isInteger(r.within) && r.within >= r.years,
          `${a.code}: eligibility "within" must be a whole number of years, at least "years"`,
        );
    }
  }
  const t = c.stageTimeLimits as StageTimeLimits;
  check(t && typeof t === 'object', '"stageTimeLimits" is required');
  for (const k of ['CLUSTER_REVIEW', 'COUNCIL_VOTING', 'AWAITING_SIGNATURE', 'RETURNED'] as const) {
    check(typeof t[k] === 'number' && t[k] > 0, `stageTimeLimits.${k} must be a positive number`);
  }
  check(
    t.OFFICE_CHECK === undefined || (typeof t.OFFICE_CHECK === 'number' && t.OFFICE_CHECK > 0),
    'stageTimeLimits.OFFICE_CHECK must be a positive number',
  );
  check(share(t.reminderAt), 'stageTimeLimits.reminderAt must be a share between 0 and 1');
  check(
    t.publicHolidays === undefined || (Array.isArray(t.publicHolidays) && t.publicHolidays.every(isCalendarDate)),
    'stageTimeLimits.publicHolidays must be a list of dates written YYYY-MM-DD',
  );
  if (c.dossier !== undefined) {
    const problems = dossierPolicyProblems(c.dossier, codes);
    check(problems.length === 0, problems.join('; '));
  }
  const cs = c.councilSession as AwardCatalog['councilSession'];
  check(
    cs === undefined || (share(cs.attendanceQuorum) && cs.attendanceQuorum > 0 && typeof cs.source === 'string'),
    'councilSession.attendanceQuorum must be a share in (0, 1] with its source',
  );
  const decisionProblems = decisionPolicyProblems(c.decisions);
  check(decisionProblems.length === 0, decisionProblems.join('; '));
  const reg = c.emulationRegistration as RegistrationPolicy | undefined;
  check(
    reg === undefined ||
      (Array.isArray(reg.requiredFor) &&
        reg.requiredFor.every((code) => codes.has(code)) &&
        typeof reg.source === 'string' &&
        reg.source.length > 0),
    'emulationRegistration needs requiredFor (known award codes) and its source',
  );
  const proposal = c.clusterProposal as AwardCatalog['clusterProposal'];
  check(
    proposal === undefined ||
      (Array.isArray(proposal.awardCodes) &&
        proposal.awardCodes.every((code) => codes.has(code)) &&
        (proposal.certificateAwardCodes === undefined ||
          (Array.isArray(proposal.certificateAwardCodes) &&
            proposal.certificateAwardCodes.every((code) => codes.has(code)))) &&
        typeof proposal.source === 'string' &&
        proposal.source.length > 0),
    'clusterProposal needs awardCodes (and certificateAwardCodes, if any: known award codes) and its source',
  );
  const one = c.oneAchievementOneAward as OneAwardPolicy | undefined;
  if (one !== undefined) {
    check(one && typeof one === 'object' && typeof one.source === 'string', 'oneAchievementOneAward needs its source');
    check(Array.isArray(one.kinds), 'oneAchievementOneAward.kinds must be a list');
    const grouped = new Set<string>();
    for (const k of one.kinds) {
      check(typeof k.kind === 'string' && typeof k.name === 'string', 'each one-award kind needs kind and name');
      check(
        Array.isArray(k.awards) && k.awards.length > 0,
        `one-award kind ${k.kind}: awards must be a non-empty list`,
      );
      for (const code of k.awards) {
        check(codes.has(code), `one-award kind ${k.kind} refers to unknown award ${code}`);
        check(!grouped.has(code), `award ${code} is in two one-award kinds`);
        grouped.add(code);
      }
    }
    check(
      one.exceptions && typeof one.exceptions.oneOff === 'boolean' && typeof one.exceptions.thematic === 'boolean',
      'oneAchievementOneAward.exceptions.oneOff and .thematic must be true or false',
    );
  }
  return c as unknown as AwardCatalog;
}

export function findAward(catalog: AwardCatalog, code: string): AwardType | undefined {
  return catalog.awards.find((a) => a.code === code);
}
