/**
 * The whole system in one process, for `npm start`: data directory, Temporal dev server (unless
 * TEMPORAL_ADDRESS names one), the worker, the projections and the HTTP API. On an empty data
 * directory the demo organisation's users are seeded. `stop()` closes everything in reverse order.
 */
import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { ensureDataDir, loadAppConfig, type AppConfig } from '@tdkt/config';
import { createEventStore, type EventStore } from '@tdkt/event-store';
import { describeStoreSourceCheck } from '@tdkt/projections';
import {
  importPriorAwards,
  loadCampaignSeeds,
  seedCampaigns,
  resolveTemporalCliDetailed,
  startTemporalDevServerWith,
  type DevServerHandle,
} from '@tdkt/temporal';
import { createWorkerApp, type WorkerApp } from '../../worker/src/create-worker-app';
import { openApiRuntime, type ApiRuntime } from '../../api/src/api-runtime';
import type { ApiOptions } from '../../api/src/api-options';
import { assertProductionJwtSecret, embeddedJwtSecret, seedDemoUsers } from '../../api/src/auth/embedded-identity';
import { createApiApp, DOCS_PATH } from '../../api/src/create-api-app';
import { CitizenIdVault } from '../../api/src/people/citizen-id-vault';
import { seedDemoPeople, seedDemoSubUnits } from '../../api/src/people/demo-people';
import { webDir } from '../../api/src/http/web-app';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedOptions {
  /** Environment to read the configuration from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Overrides applied to the loaded configuration (tests: ports, files). */
  configure?(config: AppConfig): AppConfig;
  /** Workflow code for the in-process worker (tests pass a fresh bundle; default: dist bundle or sources). */
  workflowBundle?: WorkflowBundleOption;
  /** Temporal Web UI of the dev server (default on). */
  temporalUi?: boolean;
  /** Nest logger for the API and the worker (default log/warn/error; tests: false). */
  logger?: LoggerService | LogLevel[] | false;
  api?: ApiOptions;
  /**
   * Level of the Temporal SDK's own log (default TDKT_TEMPORAL_LOG_LEVEL or ERROR: a refused
   * command is an ordinary answer, not a warning worth a stack trace).
   */
  temporalLogLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Progress lines while starting (default: the Nest logger). */
  onProgress?(line: string): void;
}

export interface EmbeddedSystem {
  config: AppConfig;
  app: NestExpressApplication;
  runtime: ApiRuntime;
  worker: WorkerApp;
  store: EventStore;
  devServer?: DevServerHandle;
  /** http://127.0.0.1:<port> */
  url: string;
  docsUrl: string;
  temporalUiUrl?: string;
  /** Whether the built web application is served at / (dist/web exists). */
  webApp: boolean;
  /** Usernames seeded with the demo password on this start (empty when the data dir had users). */
  seededUsers: string[];
  stop(): Promise<void>;
}

export async function startEmbedded(options: EmbeddedOptions = {}): Promise<EmbeddedSystem> {
  const env = options.env ?? process.env;
  const logger = new Logger('Embedded');
  const progress = options.onProgress ?? ((line: string) => logger.log(line));
  let config = loadAppConfig(env);
  if (options.configure) config = options.configure(config);
  assertProductionJwtSecret(config);
  ensureDataDir(config);
  config.jwtSecret = embeddedJwtSecret(config, env);

  const stops: { name: string; stop: () => Promise<unknown> }[] = [];
  const stopAll = async () => {
    for (const { name, stop } of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        logger.warn(`Stopping ${name}: ${(err as Error).message}`);
      }
    }
    stops.length = 0;
  };

  try {
    let devServer: DevServerHandle | undefined;
    if (!config.temporal.address) {
      const cli = await resolveTemporalCliDetailed({ env });
      progress(
        `Temporal CLI: ${cli.executable.type === 'existing-path' ? cli.executable.path : 'Temporal SDK download'}`,
      );
      devServer = await startTemporalDevServerWith(cli.executable, {
        dbFile: config.temporal.devServerDbFile,
        port: config.temporal.devServerPort,
        uiPort: config.temporal.devServerUiPort,
        namespace: config.temporal.namespace,
        headless: options.temporalUi === false,
        startTimeoutMs: config.temporal.devServerStartTimeoutMs,
        sqlitePragmas: config.temporal.devServerSqlitePragmas,
      });
      stops.push({ name: 'Temporal dev server', stop: () => devServer!.stop() });
      config = { ...config, temporal: { ...config.temporal, address: devServer.address } };
      progress(`Temporal dev server on ${devServer.address} (data: ${config.temporal.devServerDbFile})`);
    }

    const store = createEventStore(config);
    stops.push({ name: 'event store', stop: () => store.close() });

    const worker = await createWorkerApp(
      {
        config,
        eventStore: store,
        temporalLogLevel: options.temporalLogLevel ?? temporalLogLevelFrom(env),
        ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : {}),
      },
      { logger: options.logger ?? ['warn', 'error'] },
    );
    stops.push({ name: 'worker', stop: () => worker.close() });
    progress(`Worker polling ${config.temporal.taskQueue}`);

    const runtime = await openApiRuntime(config, {
      store,
      readiness: { worker: () => worker.worker.state === 'RUNNING' },
      ...(options.api?.commandTimeoutMs ? { commandTimeoutMs: options.api.commandTimeoutMs } : {}),
      onProjectionError: (e) => logger.error(`Projections stopped: ${e.message}`),
      onStoreChecked: (check) => {
        const line = describeStoreSourceCheck(check);
        if (line && check.outcome === 'rebuilt') logger.warn(line);
        else if (line) progress(line);
      },
    });
    stops.push({ name: 'API runtime', stop: () => runtime.close() });
    await runtime.runner.ready;
    progress(`Read models at position ${runtime.runner.currentPosition()} (${runtime.readDb.description})`);

    const seededUsers = await seedDemoUsers(config, runtime.directory, runtime.identity);
    if (seededUsers.length) progress(`Seeded ${seededUsers.length} demo users`);
    // Awards held before this system (the organisation file's priorAwards) into the nominee records,
    // which eligibility reads (e.g. 3 years of CSTD_CO_SO for CSTD_TINH). Idempotent on every start.
    const imported = await importPriorAwards(store, runtime.directory.org.priorAwards);
    if (imported) progress(`Imported ${imported} prior awards into nominee records`);
    // The demo campaigns, as events (created, launched, registered, opened), on the first start only.
    if (config.mode === 'embedded' && config.demoCampaignsFile) {
      const seeded = await seedCampaigns(store, loadCampaignSeeds(config.demoCampaignsFile), runtime);
      if (seeded.length) {
        progress(`Seeded campaigns: ${seeded.join(', ')}`);
        // Listed by GET /api/campaigns as soon as the API answers.
        await runtime.runner.waitForPosition(await store.headPosition(), 30_000);
      }
    }
    // The demo people of the register (issue 12), their citizen IDs sealed with the data dir's key.
    const people = await seedDemoPeople(
      store,
      runtime.directory.org,
      CitizenIdVault.load(config.personalDataKeyFile, { create: config.mode === 'embedded' }),
    );
    if (people) progress(`Registered ${people} demo people`);
    const subUnits = await seedDemoSubUnits(store, runtime.directory.org);
    if (subUnits) progress(`Registered ${subUnits} demo sub-units`);

    const app = await createApiApp(runtime, { ...options.api, logger: options.logger ?? ['warn', 'error'] });
    await app.listen(config.port, config.host);
    stops.push({ name: 'API', stop: () => app.close() });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${browsableHost(config.host)}:${port}`;

    return {
      config: { ...config, port },
      app,
      runtime,
      worker,
      store,
      devServer,
      url,
      docsUrl: `${url}/${DOCS_PATH}`,
      temporalUiUrl: devServer?.uiUrl,
      webApp: existsSync(join(webDir(options.api?.webDir), 'index.html')),
      seededUsers,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** The host to put in a link: a wildcard address is reached through loopback. */
export function browsableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function temporalLogLevelFrom(env: NodeJS.ProcessEnv): NonNullable<EmbeddedOptions['temporalLogLevel']> {
  const level = env.TDKT_TEMPORAL_LOG_LEVEL?.toUpperCase();
  return level === 'TRACE' || level === 'DEBUG' || level === 'INFO' || level === 'WARN' ? level : 'ERROR';
}
