import { resolve } from 'node:path';

/**
 * Options every bundle of our workflow code is built with (the worker's own bundling from the
 * sources, `npm run build:workflows`, the tests, the bench). No `@tdkt/*` imports: the bundling
 * script runs under plain ts-node.
 *
 * The Temporal SDK (1.24) captures a stack trace for EVERY promise created in workflow code (a
 * promise hook, always on, feeding the `__stack_trace` query) and maps each frame through the
 * bundle's source map: measured, ~25 % of the workflow thread's CPU per command at V8's default of
 * 10 frames (bench/README.md, "The workflow thread's CPU per command"). How many frames V8 captures
 * is the sandbox's `Error.stackTraceLimit`, set here once when the worker loads the bundle.
 */

/** Frames captured per stack in workflow code: enough for the workflow's own frame where it waits. */
export const DEFAULT_WORKFLOW_STACK_TRACE_LIMIT = 6;

/** `TDKT_WORKFLOW_STACK_TRACE_LIMIT` (0–100; 10 is V8's default), read when the bundle is built. */
export function workflowStackTraceLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TDKT_WORKFLOW_STACK_TRACE_LIMIT;
  if (raw === undefined || raw === '') return DEFAULT_WORKFLOW_STACK_TRACE_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0 || limit > 100)
    throw new Error('TDKT_WORKFLOW_STACK_TRACE_LIMIT must be an integer from 0 to 100');
  return limit;
}

/** The code root: the repository (libs/temporal/src/worker) or dist (dist/libs/temporal/src/worker). */
export const WORKFLOW_CODE_ROOT = resolve(__dirname, '../../../..');
/** Whether this process runs the compiled code in dist (then workflows/ holds .js files). */
export const WORKFLOWS_FROM_DIST = WORKFLOW_CODE_ROOT.endsWith('dist');

/** A module of workflows/ as this process loads code: the sources, or their build in dist. */
export const workflowsFile = (name: string) =>
  resolve(WORKFLOW_CODE_ROOT, 'workflows', `${name}.${WORKFLOWS_FROM_DIST ? 'js' : 'ts'}`);

/**
 * The modules all workflows share (workflows/shared-modules): the pure domain, the contracts and
 * the SDK's workflow API, evaluated once instead of once per workflow (and again at each replay of
 * a workflow evicted from the cache). Measured: ~50 KiB less per cached workflow; CPU within the
 * noise (bench/README.md, "The workflow cache and the modules").
 */
export const WORKFLOW_SHARED_MODULES = workflowsFile('shared-modules');

/**
 * The bundler options, two preloaded modules (run once in the reusable V8 context before the SDK
 * freezes its globals, so before any workflow runs): one sets the sandbox's stack trace limit
 * (inlined as a data: module so the value is part of the bundle and of its cache key), the other
 * loads the shared modules.
 */
export function workflowBundleOptions(
  limit = workflowStackTraceLimit(),
  sharedModules = WORKFLOW_SHARED_MODULES,
): { preloadModules: string[] } {
  return { preloadModules: [`data:text/javascript,Error.stackTraceLimit%20%3D%20${limit}%3B`, sharedModules] };
}
