/**
 * The API as its own process (production topology: `node dist/apps/api/src/main.js`; the worker
 * and Temporal run elsewhere). Opens the event store, read models (and their projection runner),
 * the Temporal client, and serves HTTP on PORT. SIGTERM/SIGINT close everything.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ensureDataDir, loadAppConfig } from '@tdkt/config';
import { openApiRuntime } from './api-runtime';
import { assertProductionJwtSecret, embeddedJwtSecret, seedDemoUsers } from './auth/embedded-identity';
import { createApiApp, DOCS_PATH } from './create-api-app';

async function main(): Promise<void> {
  const logger = new Logger('Api');
  const config = loadAppConfig();
  assertProductionJwtSecret(config);
  ensureDataDir(config);
  config.jwtSecret = embeddedJwtSecret(config);
  const runtime = await openApiRuntime(config, {
    onProjectionError: (e) => logger.error(`Projections stopped: ${e.message}`),
  });
  const seeded = await seedDemoUsers(config, runtime.directory, runtime.identity);
  if (seeded.length) logger.log(`Seeded ${seeded.length} demo users`);
  const app = await createApiApp(runtime);
  await app.listen(config.port, config.host);
  logger.log(`API on http://${config.host}:${config.port} (docs: /${DOCS_PATH})`);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await runtime.close();
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((err) => {
  new Logger('Api').error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
