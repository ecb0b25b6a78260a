export * from './public-notice.types';
export * from './public-notice.events';
export * from './public-notice.commands';
export * from './public-notice.decider';
export * from './notice-period';
export * from './notice-listing';
export * from './notice-clearance';
