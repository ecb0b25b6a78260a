export * from './exemplary-model.types';
export * from './exemplary-model.decider';
