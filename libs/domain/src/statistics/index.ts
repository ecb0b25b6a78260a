export * from './definitions';
export * from './statistics-access';
