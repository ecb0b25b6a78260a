/**
 * The dossier's document types and which of them each award form requires — policy as data, in the
 * award catalog's `dossier` block with its legal source. Pure.
 */
export interface DocumentType {
  code: string;
  name: string;
}

export interface DossierPolicy {
  documentTypes: DocumentType[];
  /** Required document types per award code; `default` for award forms not listed. */
  required: Record<string, string[]>;
  source: string;
}

/** When a catalog has no `dossier` block: the three documents every proposal carries. */
export const DEFAULT_DOSSIER_POLICY: DossierPolicy = {
  documentTypes: [
    { code: 'TO_TRINH', name: 'Tờ trình đề nghị khen thưởng của đơn vị' },
    { code: 'BIEN_BAN_HOP_XET', name: 'Biên bản họp xét thi đua, khen thưởng của đơn vị' },
    { code: 'BAO_CAO_THANH_TICH', name: 'Báo cáo thành tích' },
  ],
  required: { default: ['TO_TRINH', 'BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH'] },
  source: 'Mặc định: tờ trình, biên bản họp xét, báo cáo thành tích (DOMAIN.md)',
};

export const requiredDocuments = (policy: DossierPolicy, awardCode: string): string[] =>
  policy.required[awardCode] ?? policy.required.default ?? [];

export const documentTypeName = (policy: DossierPolicy, code: string): string =>
  policy.documentTypes.find((t) => t.code === code)?.name ?? code;

/** Problems of a `dossier` block (empty when sound); the catalog loader refuses it otherwise. */
export function dossierPolicyProblems(raw: unknown, awardCodes: Set<string>): string[] {
  if (!raw || typeof raw !== 'object') return ['dossier must be an object'];
  const d = raw as Partial<DossierPolicy>;
  const problems: string[] = [];
  if (typeof d.source !== 'string') problems.push('dossier.source is required');
  if (!Array.isArray(d.documentTypes) || d.documentTypes.length === 0)
    return [...problems, 'dossier.documentTypes must be a non-empty array'];
  const codes = new Set<string>();
  for (const t of d.documentTypes) {
    if (!t || typeof t.code !== 'string' || !/^[A-Z0-9_]+$/.test(t.code) || typeof t.name !== 'string')
      problems.push(`dossier.documentTypes: ${JSON.stringify(t)} needs an UPPER_SNAKE code and a name`);
    else codes.add(t.code);
  }
  if (!d.required || typeof d.required !== 'object') return [...problems, 'dossier.required must be an object'];
  for (const [award, list] of Object.entries(d.required)) {
    if (award !== 'default' && !awardCodes.has(award)) problems.push(`dossier.required: unknown award ${award}`);
    if (!Array.isArray(list) || list.some((c) => !codes.has(c)))
      problems.push(`dossier.required.${award} must list known document types`);
  }
  return problems;
}
