export * from './sub-unit';
