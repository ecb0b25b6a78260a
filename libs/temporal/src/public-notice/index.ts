export * from './notice-store';
