export * from './cluster-scoring.types';
export * from './cluster-scoring.commands';
export * from './cluster-scoring.events';
export * from './cluster-scoring.state';
export * from './cluster-scoring.decide';
export * from './cluster-scoring.decider';
export * from './cluster-proposal';
