export * from './blind-rsa';
export * from './key-store';
export * from './ballot-box';
