export * from './base-salary';
export * from './definitions';
export * from './statistics-access';
