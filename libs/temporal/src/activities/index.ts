export * from './nomination.activities';
export * from './prior-awards';
export { allocateDecisionNumber, readNomineeRecord, yearOf, type Logger } from './records';
export * from './council-session.activities';
export * from './award-decision.activities';
