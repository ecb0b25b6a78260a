/** Server state of the campaign screens (TanStack Query keys and fetchers over the typed client). */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';

export const campaignKeys = {
  all: ['campaigns'] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  registrations: (id: string) => ['campaigns', 'detail', id, 'registrations'] as const,
};

export const CAMPAIGN_STATUS_COLORS: Record<string, string> = {
  PLANNED: 'default',
  REGISTRATION_OPEN: 'processing',
  NOMINATIONS_OPEN: 'success',
  CLOSED: 'default',
};

export const useCampaign = (id: string) =>
  useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: () => call(() => api.GET('/api/campaigns/{id}', { params: { path: { id } } })),
  });

export const useRegistrations = (id: string) =>
  useQuery({
    queryKey: campaignKeys.registrations(id),
    queryFn: () => call(() => api.GET('/api/campaigns/{id}/registrations', { params: { path: { id } } })),
  });
