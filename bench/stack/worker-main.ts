/**
 * Child process of the split topology: the worker app (apps/worker) as its own process, configured
 * by the environment like `npm run worker`, with the prebuilt workflow bundle.
 */
import 'reflect-metadata';
import { loadAppConfig } from '@tdkt/config';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';

async function main() {
  const { app, worker } = await createWorkerApp(
    { config: loadAppConfig(), workflowBundle: { codePath: process.argv[2] }, temporalLogLevel: 'ERROR' },
    { logger: ['error'] },
  );
  process.send!({ type: 'ready' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  await worker.whenStopped();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
