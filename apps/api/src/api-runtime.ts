/**
 * Everything the HTTP API runs on, opened once per process: configuration, the organisation
 * directory and catalog, the event store (for health), the read models and the projection runner
 * that feeds them, the Temporal client and the nomination gateway, and the identity store.
 * The embedded launcher shares its event store and Temporal address; the API process opens its own.
 */
import { Connection, Client } from '@temporalio/client';
import { OrganisationDirectory, loadAwardCatalog, loadOrganisation, type AppConfig } from '@tdkt/config';
import type { AwardCatalog } from '@tdkt/domain';
import {
  auditLogOf,
  Checkpointer,
  createEventStore,
  loadCheckpointSigner,
  type AuditLog,
  type EventStore,
} from '@tdkt/event-store';
import {
  defaultProjections,
  NotificationsProjection,
  openReadModelDb,
  prepareNotificationDelivery,
  ProjectionRunner,
  ReadModelQueries,
  type ReadModelDb,
  type StoreSourceCheck,
} from '@tdkt/projections';
import { NominationGateway } from '@tdkt/temporal';
import { join } from 'node:path';
import { IdentityStore } from './auth/identity-store';
import { SessionStore } from './auth/session-store';

export interface ApiRuntime {
  config: AppConfig;
  directory: OrganisationDirectory;
  catalog: AwardCatalog;
  store: EventStore;
  readDb: ReadModelDb;
  runner: ProjectionRunner;
  queries: ReadModelQueries;
  temporal: Client;
  gateway: NominationGateway;
  identity: IdentityStore;
  /** Sign-in sessions and refresh tokens, beside the identities. */
  sessions: SessionStore;
  /** The tamper-evident log over the store and the signer of its checkpoints (running every interval). */
  audit: { log: AuditLog; checkpointer: Checkpointer };
  /** Extra readiness checks of the host (e.g. the in-process worker), by name. */
  readiness: Record<string, () => Promise<boolean> | boolean>;
  /** Closes what this runtime opened (not what the host lent it). */
  close(): Promise<void>;
}

export interface OpenApiRuntimeOptions {
  /** An event store owned by the host (not closed by the runtime). */
  store?: EventStore;
  readiness?: ApiRuntime['readiness'];
  /** Called once if the projection runner fails for good (health turns 503). */
  onProjectionError?(error: Error): void;
  /** The read models' check of the event store they follow, at start (for the log). */
  onStoreChecked?(check: StoreSourceCheck): void;
  /** How long a command waits for the workflow before giving up with 503 (NominationGateway's default otherwise). */
  commandTimeoutMs?: number;
}

export async function openApiRuntime(config: AppConfig, options: OpenApiRuntimeOptions = {}): Promise<ApiRuntime> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    const directory = new OrganisationDirectory(loadOrganisation(config.organisationFile));
    const catalog = loadAwardCatalog(config.catalogFile, config.baseSalaryFile);

    const store = options.store ?? createEventStore(config);
    if (!options.store) closers.push(() => store.close());

    // The audit log's signing key: generated into the data dir when embedded, provisioned in production.
    const auditLog = auditLogOf(store);
    const signer = loadCheckpointSigner(config.audit.signingKeyFile, { create: config.mode === 'embedded' });
    const checkpointer = new Checkpointer(auditLog, signer, { intervalMs: config.audit.checkpointIntervalMs });
    checkpointer.start();
    closers.push(() => checkpointer.stop());

    const readDb = await openReadModelDb({ databaseUrl: config.databaseUrl, sqliteFile: config.readModelFile });
    closers.push(() => readDb.close());
    // Mail starts at the log's head the first time notifications run: the past is never mailed.
    await prepareNotificationDelivery(readDb, await store.headPosition());
    const runner = new ProjectionRunner(readDb, store, {
      projections: [
        ...defaultProjections(),
        new NotificationsProjection({ directory, mail: Boolean(config.notifications.smtp) }),
      ],
      onError: options.onProjectionError,
      source: { onMismatch: config.readModelsOnStoreMismatch, onChecked: options.onStoreChecked },
    });
    await runner.start();
    closers.push(() => runner.stop());

    const identityDb = await openReadModelDb({
      databaseUrl: config.databaseUrl,
      sqliteFile: join(config.dataDir, 'identity.sqlite'),
    });
    closers.push(() => identityDb.close());
    const identity = new IdentityStore(identityDb);
    await identity.prepare();
    const sessions = new SessionStore(identityDb);
    await sessions.prepare();

    const address = config.temporal.address ?? `127.0.0.1:${config.temporal.devServerPort}`;
    // 60 s, not the client's 10 s: on a loaded machine with a large store (1.4M events) the start-up's
    // other work kept the event loop busy past 10 s and the connection failed though the server was up.
    const connection = await Connection.connect({ address, connectTimeout: '60 seconds' });
    closers.push(() => connection.close());
    const temporal = new Client({ connection, namespace: config.temporal.namespace });
    const gateway = new NominationGateway(temporal, {
      taskQueue: config.temporal.taskQueue,
      ...(options.commandTimeoutMs ? { commandTimeoutMs: options.commandTimeoutMs } : {}),
      workflowArgs: {
        stageTimeLimits: catalog.stageTimeLimits,
        stageTimeUnit: config.stageTimeUnit,
        // The council votes within the catalog's COUNCIL_VOTING limit.
        councilVotingDays: catalog.stageTimeLimits.COUNCIL_VOTING,
      },
    });

    return {
      config,
      directory,
      catalog,
      store,
      readDb,
      runner,
      queries: new ReadModelQueries(readDb),
      temporal,
      gateway,
      identity,
      sessions,
      audit: { log: auditLog, checkpointer },
      readiness: options.readiness ?? {},
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
