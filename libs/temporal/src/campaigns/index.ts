export * from './campaign-streams';
export * from './nomination-campaign';
export * from './seed-campaigns';
