/**
 * A worker in its own process (the Nest worker application), for the test that kills it mid-flow.
 * Configured through the environment like the real one (loadAppConfig), plus TDKT_WORKFLOW_BUNDLE
 * (a prebuilt bundle, so a restart does not re-run webpack). Tells its parent `ready` once polling.
 * Run with: fork(thisFile, { execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] })
 */
import { loadAppConfig } from '@tdkt/config';
import { createWorkerApp } from '../../../apps/worker/src/create-worker-app';

async function main(): Promise<void> {
  const bundle = process.env.TDKT_WORKFLOW_BUNDLE;
  const { app } = await createWorkerApp(
    {
      config: loadAppConfig(),
      ...(bundle ? { workflowBundle: { codePath: bundle } } : {}),
      workerOptions: { identity: `test-worker-${process.pid}`, shutdownGraceTime: '5 seconds' },
      temporalLogLevel: 'WARN',
    },
    { logger: ['error'] },
  );
  app.enableShutdownHooks();
  process.send?.({ ready: true, pid: process.pid });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
