/**
 * The worker as its own process: `npm run worker` (dev, sources) or `node dist/apps/worker/src/main.js`.
 * SIGTERM / SIGINT → Nest shutdown hooks → the worker drains → the event store closes → exit.
 */
import { Logger } from '@nestjs/common';
import { loadAppConfig } from '@tdkt/config';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const { app, worker } = await createWorkerApp({ config: loadAppConfig() });
  app.enableShutdownHooks();
  await worker.whenStopped();
  if (worker.error) {
    process.exitCode = 1;
    await app.close();
  }
}

main().catch((err) => {
  new Logger('Worker').error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
