export * from './app-config';
export * from './catalog';
export * from './organisation';
export * from './notification-config';
