import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { NativeConnection, Worker, type WorkerOptions, type WorkflowBundleOption } from '@temporalio/worker';
import { createNominationActivities, type NominationActivityDeps } from '../activities';

/** The repository root, from the sources (libs/temporal/src/worker) and from dist (dist/libs/temporal/src/worker). */
const sourceRoot = resolve(__dirname, '../../../..');
const repoRoot = sourceRoot.endsWith('dist') ? resolve(sourceRoot, '..') : sourceRoot;

/** The prebuilt bundle `npm run build:workflows` writes (production). */
export const WORKFLOW_BUNDLE_FILE = resolve(repoRoot, 'dist', 'workflow-bundle.js');
/** The workflows' entry point, bundled at worker start (tests and dev). */
export const WORKFLOWS_PATH = resolve(repoRoot, 'workflows', 'index.ts');

export interface CreateNominationWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: NominationActivityDeps;
  /**
   * An explicit bundle (e.g. `{ code }` from `bundleWorkflowCode`, shared by several workers in a
   * test). Default: `dist/workflow-bundle.js` when it exists, else `workflows/index.ts` bundled now.
   */
  workflowBundle?: WorkflowBundleOption;
  /** Ignore `dist/workflow-bundle.js` even when present (tests run the current sources). */
  preferSources?: boolean;
  /** Extra worker options (concurrency, identity, shutdownGraceTime…). */
  workerOptions?: Partial<Omit<WorkerOptions, 'connection' | 'namespace' | 'taskQueue' | 'activities' | 'workflowBundle' | 'workflowsPath'>>;
}

/** Where the workflow code comes from: an explicit bundle, the prebuilt one, or the sources. */
export function workflowSource(opts: Pick<CreateNominationWorkerOptions, 'workflowBundle' | 'preferSources'>): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (opts.workflowBundle) return { workflowBundle: opts.workflowBundle };
  if (!opts.preferSources && existsSync(WORKFLOW_BUNDLE_FILE)) return { workflowBundle: { codePath: WORKFLOW_BUNDLE_FILE } };
  return { workflowsPath: WORKFLOWS_PATH };
}

/**
 * On shutdown, how long in-flight activities may run before they are asked to cancel. The SDK's
 * default is 0 (cancel at once); an append in flight should rather finish, so give it time.
 */
export const DEFAULT_SHUTDOWN_GRACE_TIME = '20 seconds';

/** A Temporal worker for the nomination and revocation workflows and their activity. Call `run()`. */
export async function createNominationWorker(opts: CreateNominationWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createNominationActivities(opts.activities),
    ...workflowSource(opts),
    shutdownGraceTime: DEFAULT_SHUTDOWN_GRACE_TIME,
    ...opts.workerOptions,
  });
}
