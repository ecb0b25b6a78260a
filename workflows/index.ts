// The workflow bundle's entry point (workflowsPath / scripts/bundle-workflows.ts): deterministic code only.
export { nominationWorkflow } from './nomination/nomination.workflow';
export { revocationWorkflow } from './revocation/revocation.workflow';
export { councilSessionWorkflow } from './council-session/council-session.workflow';
export { awardDecisionWorkflow } from './award-decision/award-decision.workflow';
