/**
 * The council's gate: a nomination whose award is made public before the council (`publicNotice`
 * in the catalog) goes to the council — onto a session's agenda, or into a written vote — only
 * once its notice has ended and every comment on it is resolved. Pure: the clock is an argument.
 */
import { domainError, type DomainError } from '../shared/errors';
import type { PublicNoticeState } from './public-notice.types';

export interface NoticeGate {
  /** The award's `publicNotice.workingDays`; absent: the award is not made public, nothing to wait for. */
  requiredDays?: number;
  /** The notice the nomination is listed on (folded), or none. */
  notice: PublicNoticeState;
  /** When the dossier last changed (a document added or replaced, the nomination edited); absent: never. */
  dossierChangedAt?: string;
}

/** The events that change what the public was shown: the nomination edited, a document added or replaced. */
const DOSSIER_CHANGES = new Set(['NominationEdited', 'DossierDocumentAdded']);

/** When the dossier last changed, from the nomination's and its dossier's events (undefined: never). */
export function lastDossierChange(events: readonly { type: string; data: unknown }[]): string | undefined {
  let last: string | undefined;
  for (const e of events) {
    const at = (e.data as { at?: unknown } | null)?.at;
    if (DOSSIER_CHANGES.has(e.type) && typeof at === 'string' && (!last || Date.parse(at) > Date.parse(last)))
      last = at;
  }
  return last;
}

/**
 * The policy for a nomination returned and resubmitted after its notice: the notice still covers it
 * when its dossier is as published; once the dossier changed after publishing (a document added or
 * replaced, the nomination edited), the public commented on something else — it needs a new notice.
 */
export function noticeOutdated(notice: PublicNoticeState, dossierChangedAt: string | undefined): boolean {
  return (
    notice.status !== 'NONE' && !!dossierChangedAt && Date.parse(dossierChangedAt) > Date.parse(notice.publishedAt)
  );
}

const vietnamTime = (iso: string) =>
  new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Why the nomination may not go to the council yet, or null when it may. */
export function noticeBlocks(gate: NoticeGate, nominationId: string, now: string): DomainError | null {
  if (gate.requiredDays === undefined) return null;
  const n = gate.notice;
  if (n.status === 'NONE' || !n.items.some((i) => i.nominationId === nominationId))
    return domainError('PUBLIC_NOTICE_REQUIRED');
  if (noticeOutdated(n, gate.dossierChangedAt))
    return domainError(
      'PUBLIC_NOTICE_OUTDATED',
      `Hồ sơ đã thay đổi (${vietnamTime(gate.dossierChangedAt!)}) sau khi được công khai (${vietnamTime(n.publishedAt)}): cần công khai lại trước khi hội đồng xét`,
    );
  if (Date.parse(now) < Date.parse(n.endsAt))
    return domainError(
      'PUBLIC_NOTICE_RUNNING',
      `Danh sách đang được công khai lấy ý kiến đến ${vietnamTime(n.endsAt)} (giờ Việt Nam); hội đồng chưa được xét hồ sơ này`,
    );
  const open = n.comments.filter((c) => c.nominationId === nominationId && !c.resolution).length;
  if (open > 0)
    return domainError(
      'PUBLIC_COMMENTS_UNRESOLVED',
      `Còn ${open} ý kiến góp ý về hồ sơ này chưa được giải quyết; hội đồng chưa được xét hồ sơ này`,
    );
  return null;
}

/** Throws the reason the nomination may not go to the council yet. */
export function refuseUntilNoticeCleared(gate: NoticeGate | undefined, nominationId: string, now: string): void {
  if (!gate) return;
  const blocked = noticeBlocks(gate, nominationId, now);
  if (blocked) throw blocked;
}
