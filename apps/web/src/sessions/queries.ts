import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';

export const sessionKeys = {
  all: ['sessions'] as const,
  list: ['sessions', 'list'] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
};

export const useSessions = () =>
  useQuery({ queryKey: sessionKeys.list, queryFn: () => call(() => api.GET('/api/council-sessions')) });

export const useSession = (id: string) =>
  useQuery({
    queryKey: sessionKeys.detail(id),
    queryFn: () => call(() => api.GET('/api/council-sessions/{id}', { params: { path: { id } } })),
  });
