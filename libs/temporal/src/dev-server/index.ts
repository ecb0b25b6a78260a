export * from './resolve-cli';
export * from './dev-server';
