export * from './dossier-policy';
export * from './media-type';
export * from './dossier';
