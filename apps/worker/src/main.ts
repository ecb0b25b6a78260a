/**
 * The worker as its own process: `npm run worker` (dev, sources) or `node dist/apps/worker/src/main.js`.
 * SIGTERM / SIGINT → Nest shutdown hooks → the worker drains → the event store closes → exit; if the
 * drain takes more than TDKT_SHUTDOWN_TIMEOUT_MS the process exits anyway (inside the orchestrator's
 * grace period: an unfinished activity is retried elsewhere, idempotently).
 */
import { Logger } from '@nestjs/common';
import { loadAppConfig } from '@tdkt/config';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const { app, worker } = await createWorkerApp({ config });
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () =>
      setTimeout(() => {
        new Logger('Worker').error(`Shutdown took more than ${config.shutdownTimeoutMs} ms: exiting anyway`);
        process.exit(1);
      }, config.shutdownTimeoutMs).unref(),
    );
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
