export * from './app-config';
export * from './catalog';
export * from './organisation';
export * from './duration';
export * from './notification-config';
export * from './base-salary';
