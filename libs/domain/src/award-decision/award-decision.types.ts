import type { ActingAs } from '../shared/actor';

/**
 * How an authority's decisions get their numbers (per authority, in the catalog's `decisions`):
 * `register` — this system keeps the authority's yearly document register and allocates the next
 * number at signing; `external` — the document office (văn thư) numbers it in its own register and
 * enters the number when it registers the signed decision (Decree 30/2020/NĐ-CP, Art. 15).
 */
export type NumberingMode = 'register' | 'external';

/** Base salary (lương cơ sở) a cash reward is a multiple of, with its legal source and date of effect. */
export interface BaseSalary {
  amount: number;
  currency: 'VND';
  source: string;
  effectiveFrom: string;
}

/** Who signs for an authority and how the document names it (Decree 30/2020 header and signature block). */
export interface AuthorityProfile {
  numbering: NumberingMode;
  /** Issuing body as printed, e.g. "ỦY BAN NHÂN DÂN TỈNH BẾN TRE". */
  name: string;
  /** The body above it in the header, when any (e.g. none for a province's People's Committee). */
  parent?: string;
  /** The signer's title printed above the signature, e.g. "CHỦ TỊCH". */
  signerTitle: string;
  /** Place name in "Bến Tre, ngày … tháng … năm …". */
  place: string;
}

export interface DecisionPolicy {
  authorities: Record<string, AuthorityProfile>;
  /** Standard legal bases (căn cứ) printed when the draft gives none. */
  defaultBases: string[];
  source: string;
}

/** What kind of decision: an award (khen thưởng) or the revocation of one (hủy bỏ). */
export type DecisionKind = 'AWARD' | 'REVOCATION';

export type DecisionStatus = 'DRAFT' | 'SIGNED' | 'ISSUED' | 'APPLIED' | 'DECLINED';

/** One line of the decision's appendix, taken from the nomination when the decision is drafted. */
export interface DecisionRecipient {
  nominationId: string;
  nomineeName: string;
  nomineeKind: string;
  position?: string;
  unitId: string;
  unitName: string;
  achievements: string;
  awardCode: string;
  awardName: string;
  cashMultiple: number;
  /** cashMultiple × base salary, in VND (rounded to the đồng). */
  amount: number;
  /** Unguessable code of the public verification page of this recipient's award. */
  verificationCode: string;
}

export interface Signer {
  by: ActingAs;
  name: string;
  title: string;
}

/** What a revocation decision names: the award decision revoked (number, signing year and date) and why. */
export interface RevokedDecision {
  decisionNumber: string;
  year: number;
  /** ISO instant the revoked decision was signed (its date is printed). */
  signedAt?: string;
  /** One of the nomination's revocation grounds (REVOCATION_GROUNDS). */
  ground: string;
  reason: string;
}

/** A recipient of a signed decision whose nomination could not take it, and why (in Vietnamese). */
export interface NotApplied {
  nominationId: string;
  reason: string;
}
