/**
 * A worker in its own process (the Nest worker application), for the tests that kill it or stop it
 * mid-flow. Configured through the environment like the real one (loadAppConfig), plus:
 *   TDKT_WORKFLOW_BUNDLE   a prebuilt bundle, so a restart does not re-run webpack;
 *   TDKT_TEST_SLOW_INTENT  an intent type whose activity is held TDKT_TEST_SLOW_MS before it runs
 *                          (the parent is told `activity-started`/`activity-finished` over IPC);
 *   TDKT_TEST_SLOW_AFTER=1 hold it after it has run instead (`activity-appended` once written).
 * Tells its parent `ready` once polling.
 * Run with: fork(thisFile, { execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] })
 */
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { loadAppConfig } from '@tdkt/config';
import type { ApplyCommandInput } from '@tdkt/temporal';
import { createWorkerApp } from '../../../apps/worker/src/create-worker-app';

const slowIntent = process.env.TDKT_TEST_SLOW_INTENT;
const slowMs = Number(process.env.TDKT_TEST_SLOW_MS ?? 3000);
const slowAfter = process.env.TDKT_TEST_SLOW_AFTER === '1';

const slowActivity: ActivityInterceptorsFactory = () => ({
  inbound: {
    async execute(input, next) {
      const intent = (input.args[0] as ApplyCommandInput | undefined)?.intent.type;
      if (intent !== slowIntent) return next(input);
      process.send?.({ event: 'activity-started', intent });
      if (slowAfter) {
        // Held AFTER the activity has written: a worker lost now leaves its events without an answer.
        const result = await next(input);
        process.send?.({ event: 'activity-appended', intent });
        await new Promise((r) => setTimeout(r, slowMs));
        process.send?.({ event: 'activity-finished', intent });
        return result;
      }
      await new Promise((r) => setTimeout(r, slowMs));
      const result = await next(input);
      process.send?.({ event: 'activity-finished', intent });
      return result;
    },
  },
});

async function main(): Promise<void> {
  const bundle = process.env.TDKT_WORKFLOW_BUNDLE;
  const { app } = await createWorkerApp(
    {
      config: loadAppConfig(),
      ...(bundle ? { workflowBundle: { codePath: bundle } } : {}),
      workerOptions: {
        identity: `test-worker-${process.pid}`,
        shutdownGraceTime: '10 seconds',
        ...(slowIntent ? { interceptors: { activity: [slowActivity] } } : {}),
      },
      temporalLogLevel: 'WARN',
    },
    { logger: ['error'] },
  );
  app.enableShutdownHooks();
  process.send?.({ event: 'ready', pid: process.pid });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
