export * from './contracts';
export * from './client/nomination-gateway';
export * from './activities';
export * from './worker/create-worker';
export * from './dev-server';
export * from './secret-ballot';
export * from './client/council-session-gateway';
export * from './public-notice';
