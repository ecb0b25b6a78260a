/** Nest injection token of the resolved NotificationOptions. */
export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');
