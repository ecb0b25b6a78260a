/**
 * The modules every workflow shares instead of loading its own copy (the bundler's `preloadModules`,
 * see libs/temporal/src/worker/workflow-bundle-options.ts). With the SDK's reusable V8 context, a
 * module first required inside a workflow is evaluated again for EACH workflow and kept with it in
 * the worker's cache; one required here is evaluated once, before any workflow runs, and shared.
 *
 * Only modules without per-workflow state belong here: the pure domain (no module-level mutable
 * state, nothing read from the clock or randomness at load), the Temporal contracts, and the SDK's
 * workflow API (its module scope registers `sleep` and defines constants; every call looks up the
 * current workflow at call time). The workflows themselves stay per workflow.
 */
import '@temporalio/workflow';
import '../libs/domain/src/nomination/nomination.evolve';
import '../libs/domain/src/nomination/nomination.guard';
import '../libs/domain/src/nomination/nomination.intents';
import '../libs/domain/src/nomination/nomination.state';
import '../libs/domain/src/council-session/council-session.evolve';
import '../libs/domain/src/council-session/council-session.guard';
import '../libs/domain/src/council-session/council-session.state';
import '../libs/domain/src/award-decision/award-decision.evolve';
import '../libs/domain/src/award-decision/award-decision.guard';
import '../libs/domain/src/award-decision/award-decision.state';
import '../libs/domain/src/sla/next-action';
import '../libs/domain/src/sla/stage-clock';
import '../libs/domain/src/sla/stage-deadline';
import '../libs/domain/src/shared/actor';
import '../libs/domain/src/shared/errors';
import '../libs/temporal/src/contracts';
import '../libs/temporal/src/domain-failure';
