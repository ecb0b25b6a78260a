import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { NativeConnection, Worker, type WorkerOptions, type WorkflowBundleOption } from '@temporalio/worker';
import {
  createAwardDecisionActivities,
  createCouncilSessionActivities,
  createNominationActivities,
  type NominationActivityDeps,
} from '../activities';
import { MemorySecretKeyStore } from '../secret-ballot/key-store';
import {
  WORKFLOW_CODE_ROOT,
  WORKFLOWS_FROM_DIST as fromDist,
  workflowBundleOptions,
  workflowsFile,
} from './workflow-bundle-options';

const repoRoot = fromDist ? resolve(WORKFLOW_CODE_ROOT, '..') : WORKFLOW_CODE_ROOT;

/** The prebuilt bundle `npm run build:workflows` writes (production). */
export const WORKFLOW_BUNDLE_FILE = resolve(repoRoot, 'dist', 'workflow-bundle.js');
/** The workflows' entry point, bundled at worker start: the sources (tests, dev) or their build in dist. */
export const WORKFLOWS_PATH = workflowsFile('index');

export interface CreateNominationWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: NominationActivityDeps;
  /**
   * An explicit bundle (e.g. `{ code }` from `bundleWorkflowCode`, shared by several workers in a
   * test). Default, running from dist: `dist/workflow-bundle.js` when it exists, else the compiled
   * workflows bundled now; running from the sources: the sources bundled now (never a stale bundle).
   */
  workflowBundle?: WorkflowBundleOption;
  /** Ignore `dist/workflow-bundle.js` even when running from dist. */
  preferSources?: boolean;
  /** Extra worker options (concurrency, identity, shutdownGraceTime…). */
  workerOptions?: Partial<
    Omit<WorkerOptions, 'connection' | 'namespace' | 'taskQueue' | 'activities' | 'workflowBundle' | 'workflowsPath'>
  >;
}

/**
 * Where the workflow code comes from: an explicit bundle, the prebuilt one, or the sources (bundled
 * at start with our bundler options, as `npm run build:workflows` bundles them).
 */
export function workflowSource(
  opts: Pick<CreateNominationWorkerOptions, 'workflowBundle' | 'preferSources'>,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  if (opts.workflowBundle) return { workflowBundle: opts.workflowBundle };
  if (fromDist && !opts.preferSources && existsSync(WORKFLOW_BUNDLE_FILE))
    return { workflowBundle: { codePath: WORKFLOW_BUNDLE_FILE } };
  return { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundleOptions() };
}

/**
 * On shutdown, how long in-flight activities may run before they are asked to cancel. The SDK's
 * default is 0 (cancel at once); an append in flight should rather finish, so give it time.
 */
export const DEFAULT_SHUTDOWN_GRACE_TIME = '20 seconds';

/** Every activity the workflows call: the nomination's and the council session's. */
export function workerActivities(deps: NominationActivityDeps) {
  return {
    ...createNominationActivities(deps),
    ...createCouncilSessionActivities({ ...deps, secretKeys: deps.secretKeys ?? new MemorySecretKeyStore() }),
    ...createAwardDecisionActivities(deps),
  };
}

/** A Temporal worker for the nomination, revocation and council session workflows and their activities. Call `run()`. */
export async function createNominationWorker(opts: CreateNominationWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: workerActivities(opts.activities),
    ...workflowSource(opts),
    shutdownGraceTime: DEFAULT_SHUTDOWN_GRACE_TIME,
    ...opts.workerOptions,
  });
}
