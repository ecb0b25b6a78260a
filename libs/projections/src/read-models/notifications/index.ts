export * from './notifications.schema';
export * from './notifications.projection';
export * from './notifications.queries';
export * from './notification-outbox';
export * from './notification-preferences';
export * from './notification-mail';
export { vietnamDay, vietnamInstant, vietnamDateTime } from './vietnam-time';
