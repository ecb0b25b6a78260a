/**
 * The workflow bundle's stack trace limit (libs/temporal/src/worker/workflow-bundle-options.ts): a
 * running nomination still answers the `__stack_trace` query (Temporal UI, "Stack Trace") with the
 * workflow's own frame where it waits, and no stack holds more frames than the limit.
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  DEFAULT_WORKFLOW_STACK_TRACE_LIMIT,
  WORKFLOWS_PATH,
  createNominationActivities,
  nominationWorkflowId,
  workflowBundleOptions,
  WORKFLOW_SHARED_MODULES,
  workflowSource,
  workflowStackTraceLimit,
} from '@tdkt/temporal';
import { fixture, gateway, newId, startDevServer, tempDir, workflowBundle } from './support/harness';
import { Driver } from './support/scenarios';

jest.setTimeout(120_000);

const TASK_QUEUE = 'stack-trace';
const f = fixture();
const tmp = tempDir();
let env: TestWorkflowEnvironment;
let store: SqliteEventStore;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  env = await startDevServer();
  store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: createNominationActivities({
      store,
      directory: f.directory,
      catalog: f.catalog,
      decisionAuthority: f.directory.org.decisionAuthority,
    }),
  });
  running = worker.run();
});

afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await store?.close();
  await env?.teardown();
  tmp.remove();
});

test('the setting: 6 frames by default, 0–100 from TDKT_WORKFLOW_STACK_TRACE_LIMIT', () => {
  expect(workflowStackTraceLimit({})).toBe(DEFAULT_WORKFLOW_STACK_TRACE_LIMIT);
  expect(workflowStackTraceLimit({ TDKT_WORKFLOW_STACK_TRACE_LIMIT: '10' })).toBe(10);
  expect(workflowStackTraceLimit({ TDKT_WORKFLOW_STACK_TRACE_LIMIT: '0' })).toBe(0);
  for (const bad of ['-1', '101', '2.5', 'x'])
    expect(() => workflowStackTraceLimit({ TDKT_WORKFLOW_STACK_TRACE_LIMIT: bad })).toThrow(
      'TDKT_WORKFLOW_STACK_TRACE_LIMIT must be an integer from 0 to 100',
    );
});

test('a worker bundling the sources at start bundles them with the same options', () => {
  expect(workflowSource({})).toEqual({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundleOptions() });
  expect(workflowBundleOptions(4).preloadModules).toEqual([
    'data:text/javascript,Error.stackTraceLimit%20%3D%204%3B',
    WORKFLOW_SHARED_MODULES,
  ]);
});

test('a waiting nomination answers __stack_trace with its own frame, within the limit', async () => {
  const id = newId();
  await new Driver(gateway(env.client, TASK_QUEUE), f).draft(id);
  const trace = await env.client.workflow.getHandle(nominationWorkflowId(id)).query<string>('__stack_trace');
  // Where it waits: the clock's condition (the SDK's own frames are cut off, at any limit).
  expect(trace).toMatch(/at \w+ \(.*workflows\/nomination\/nomination\.workflow\.ts:\d+:\d+\)/);
  const stacks = trace.split(/\n\s*\n/).filter(Boolean);
  for (const stack of stacks)
    expect(stack.split('\n').filter((l) => l.trim().startsWith('at ')).length).toBeLessThanOrEqual(
      DEFAULT_WORKFLOW_STACK_TRACE_LIMIT,
    );
});
