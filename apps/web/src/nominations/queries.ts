/** Server state of the nomination screens (TanStack Query keys and fetchers over the typed client). */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';

export type ListFilter = {
  status?: string[];
  campaign?: string;
  unit?: string;
  award?: string;
  year?: number;
  onHold?: boolean;
  awaitingMe?: boolean;
  /** Words to find, without diacritics (searched by the API). */
  q?: string;
  /** `nominee:asc`, `due:desc`… (sorted by the API). */
  sort?: string;
  page?: number;
  pageSize?: number;
};

export const nominationKeys = {
  all: ['nominations'] as const,
  list: (f: ListFilter) => ['nominations', 'list', f] as const,
  detail: (id: string) => ['nominations', 'detail', id] as const,
};

export const useNominations = (f: ListFilter) =>
  useQuery({
    queryKey: nominationKeys.list(f),
    queryFn: () =>
      call(() =>
        api.GET('/api/nominations', {
          params: { query: { ...f, status: f.status?.length ? (f.status.join(',') as never) : undefined } },
        }),
      ),
    placeholderData: (prev) => prev,
  });

/**
 * The reads of one nomination's page, as query options: the page's hooks use them, and the route
 * starts them the moment the navigation begins (prefetchNomination), alongside the page's chunk.
 */
export const nominationQueries = {
  view: (id: string) =>
    queryOptions({
      queryKey: [...nominationKeys.detail(id), 'view'],
      queryFn: () => call(() => api.GET('/api/nominations/{id}', { params: { path: { id } } })),
    }),
  audit: (id: string) =>
    queryOptions({
      queryKey: [...nominationKeys.detail(id), 'audit'],
      queryFn: () => call(() => api.GET('/api/nominations/{id}/audit', { params: { path: { id } } })),
    }),
  actions: (id: string) =>
    queryOptions({
      queryKey: [...nominationKeys.detail(id), 'actions'],
      queryFn: () => call(() => api.GET('/api/nominations/{id}/actions', { params: { path: { id } } })),
    }),
  documents: (id: string) =>
    queryOptions({
      queryKey: [...nominationKeys.detail(id), 'documents'],
      queryFn: () => call(() => api.GET('/api/nominations/{id}/documents', { params: { path: { id } } })),
    }),
};

export const useNomination = (id: string) => useQuery(nominationQueries.view(id));
export const useAuditTrail = (id: string) => useQuery(nominationQueries.audit(id));
export const useActions = (id: string) => useQuery(nominationQueries.actions(id));
export const useDocuments = (id: string) => useQuery(nominationQueries.documents(id));

/**
 * Starts every read of a nomination's page at once (not one after the other as the page renders):
 * fresh answers in the cache are kept, errors are left for the page's own hooks to show.
 */
export function prefetchNomination(queryClient: QueryClient, id: string): void {
  const { view, audit, actions, documents } = nominationQueries;
  void queryClient.prefetchQuery(view(id));
  void queryClient.prefetchQuery(actions(id));
  void queryClient.prefetchQuery(audit(id));
  void queryClient.prefetchQuery(documents(id));
  // The page's header names the unit and campaign: without these it waited for the view to render
  // before asking (a second round trip); kept for the session once fetched.
  void queryClient.prefetchQuery(referenceQueries.units);
  void queryClient.prefetchQuery(referenceQueries.campaigns);
  void queryClient.prefetchQuery(referenceQueries.catalog);
}

/** Reference data (campaigns, units, clusters, catalog): stable for the session. */
export const referenceQueries = {
  campaigns: queryOptions({
    queryKey: ['ref', 'campaigns'],
    queryFn: () => call(() => api.GET('/api/campaigns')),
    staleTime: Infinity,
  }),
  units: queryOptions({
    queryKey: ['ref', 'units'],
    queryFn: () => call(() => api.GET('/api/units')),
    staleTime: Infinity,
  }),
  catalog: queryOptions({
    queryKey: ['ref', 'catalog'],
    queryFn: () => call(() => api.GET('/api/catalog')),
    staleTime: Infinity,
  }),
};

export const useReference = () => ({
  campaigns: useQuery(referenceQueries.campaigns),
  units: useQuery(referenceQueries.units),
  catalog: useQuery(referenceQueries.catalog),
});

export interface AwardEntry {
  code: string;
  name: string;
  recipient?: string;
  oneOffAllowed?: boolean;
  council?: { quorum: number; threshold: number; secretBallot: boolean };
}
