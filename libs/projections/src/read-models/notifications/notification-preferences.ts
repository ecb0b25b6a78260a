import type { NoticeKind } from '@tdkt/domain';

/** Per kind, per channel; overdue items may instead go out once a day in a digest. */
export interface NotificationPreferences {
  awaiting: { inApp: boolean; email: boolean };
  overdue: { inApp: boolean; email: boolean; dailyDigest: boolean };
  outcome: { inApp: boolean; email: boolean };
}

/** Everything on, one mail per item: nobody misses a step until they choose otherwise. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  awaiting: { inApp: true, email: true },
  overdue: { inApp: true, email: true, dailyDigest: false },
  outcome: { inApp: true, email: true },
};

/** Stored JSON over the defaults: a field missing (an older row) takes its default. */
export function preferencesFrom(stored: string | null | undefined): NotificationPreferences {
  const raw = stored ? (JSON.parse(stored) as Partial<Record<NoticeKind, Record<string, unknown>>>) : {};
  const pick = (kind: NoticeKind, field: string): boolean => {
    const v = raw[kind]?.[field];
    return typeof v === 'boolean' ? v : (DEFAULT_PREFERENCES[kind] as Record<string, boolean>)[field];
  };
  return {
    awaiting: { inApp: pick('awaiting', 'inApp'), email: pick('awaiting', 'email') },
    overdue: {
      inApp: pick('overdue', 'inApp'),
      email: pick('overdue', 'email'),
      dailyDigest: pick('overdue', 'dailyDigest'),
    },
    outcome: { inApp: pick('outcome', 'inApp'), email: pick('outcome', 'email') },
  };
}
