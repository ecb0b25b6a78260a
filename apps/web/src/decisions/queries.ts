/** Server state of the decision screens (TanStack Query keys and fetchers over the typed client). */
import { useQuery } from '@tanstack/react-query';
import { api, authorisedBlobUrl, call } from '../api/client';

export const DECISION_STATUSES: Record<string, string> = {
  DRAFT: 'Dự thảo',
  SIGNED: 'Đã ký, chờ vào sổ số',
  ISSUED: 'Đã ban hành',
  APPLIED: 'Đã áp dụng',
  DECLINED: 'Không ký',
};

export const DECISION_STATUS_COLORS: Record<string, string> = {
  DRAFT: 'gold',
  SIGNED: 'processing',
  ISSUED: 'success',
  APPLIED: 'success',
  DECLINED: 'error',
};

export const decisionKeys = {
  all: ['decisions'] as const,
  list: (status?: string) => ['decisions', 'list', status ?? 'all'] as const,
  detail: (id: string) => ['decisions', 'detail', id] as const,
};

type Status = 'DRAFT' | 'SIGNED' | 'ISSUED' | 'APPLIED' | 'DECLINED';

export const useDecisions = (status?: Status) =>
  useQuery({
    queryKey: decisionKeys.list(status),
    queryFn: () => call(() => api.GET('/api/decisions', { params: { query: status ? { status } : {} } })),
  });

export const useDecision = (id: string) =>
  useQuery({
    queryKey: decisionKeys.detail(id),
    queryFn: () => call(() => api.GET('/api/decisions/{id}', { params: { path: { id } } })),
  });

/** Opens the decision's PDF (a draft is marked DỰ THẢO) in a new tab, signed in. */
export async function openDecisionPdf(id: string): Promise<void> {
  // The tab opens on the click (a pop-up blocker allows it then), the PDF follows once fetched.
  const tab = window.open('', '_blank');
  try {
    const url = await authorisedBlobUrl(`/api/decisions/${encodeURIComponent(id)}/document.pdf`);
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (e) {
    tab?.close();
    throw e;
  }
}

export const vnd = (n: number): string => `${n.toLocaleString('vi-VN')} đ`;
