/**
 * The API as its own process (production topology: `node dist/apps/api/src/main.js`; the worker
 * and Temporal run elsewhere). Opens the event store, read models (and their projection runner),
 * the Temporal client, and serves HTTP on PORT. SIGTERM/SIGINT: readiness turns 503, in-flight
 * requests finish, everything closes and the process exits — or exits anyway after
 * TDKT_SHUTDOWN_TIMEOUT_MS, inside the orchestrator's grace period (compose: stop_grace_period).
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ensureDataDir, loadAppConfig } from '@tdkt/config';
import { describeStoreSourceCheck } from '@tdkt/projections';
import { openApiRuntime } from './api-runtime';
import { assertProductionJwtSecret, embeddedJwtSecret, seedDemoUsers } from './auth/embedded-identity';
import { createApiApp, DOCS_PATH } from './create-api-app';

async function main(): Promise<void> {
  const logger = new Logger('Api');
  const config = loadAppConfig();
  assertProductionJwtSecret(config);
  ensureDataDir(config);
  config.jwtSecret = embeddedJwtSecret(config);
  let closing = false;
  const runtime = await openApiRuntime(config, {
    onProjectionError: (e) => logger.error(`Projections stopped: ${e.message}`),
    onStoreChecked: (check) => {
      const line = describeStoreSourceCheck(check);
      if (line && check.outcome === 'rebuilt') logger.warn(line);
      else if (line) logger.log(line);
    },
    readiness: { accepting: () => !closing },
  });
  const seeded = await seedDemoUsers(config, runtime.directory, runtime.identity);
  if (seeded.length) logger.log(`Seeded ${seeded.length} demo users`);
  const app = await createApiApp(runtime);
  await app.listen(config.port, config.host);
  logger.log(`API on http://${config.host}:${config.port} (docs: /${DOCS_PATH})`);
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: draining (at most ${config.shutdownTimeoutMs} ms)`);
    setTimeout(() => {
      logger.error(`Shutdown took more than ${config.shutdownTimeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    try {
      await app.close();
      await runtime.close();
      logger.log('Stopped');
      process.exit(0);
    } catch (err) {
      logger.error(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  new Logger('Api').error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
