export * from './campaigns.schema';
export { CampaignsProjection } from './campaigns.projection';
export * from './campaigns.queries';
