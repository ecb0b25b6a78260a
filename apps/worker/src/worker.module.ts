import { Module, type DynamicModule } from '@nestjs/common';
import { OrganisationDirectory, loadAwardCatalog, loadOrganisation } from '@tdkt/config';
import type { AwardCatalog } from '@tdkt/domain';
import { openReadModelDb } from '@tdkt/projections';
import { SqlSecretKeyStore, type NominationActivityDeps } from '@tdkt/temporal';
import { join } from 'node:path';
import { EventStoreHolder } from './event-store.provider';
import { TemporalWorkerService } from './temporal-worker.service';
import { APP_CONFIG, AWARD_CATALOG, NOMINATION_ACTIVITY_DEPS, WORKER_OPTIONS } from './worker.tokens';
import type { WorkerAppOptions } from './worker-options';

/** The worker process: configuration, event store, organisation, catalog, activities, the Temporal worker. */
@Module({})
export class WorkerModule {
  static register(options: WorkerAppOptions): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: WORKER_OPTIONS, useValue: options },
        { provide: APP_CONFIG, useValue: options.config },
        {
          provide: OrganisationDirectory,
          useFactory: () => new OrganisationDirectory(loadOrganisation(options.config.organisationFile)),
        },
        {
          provide: AWARD_CATALOG,
          useFactory: () => loadAwardCatalog(options.config.catalogFile, options.config.baseSalaryFile),
        },
        EventStoreHolder,
        {
          provide: NOMINATION_ACTIVITY_DEPS,
          inject: [EventStoreHolder, OrganisationDirectory, AWARD_CATALOG],
          useFactory: async (
            holder: EventStoreHolder,
            directory: OrganisationDirectory,
            catalog: AwardCatalog,
          ): Promise<NominationActivityDeps> => ({
            store: await holder.open(),
            directory,
            catalog,
            decisionAuthority: directory.org.decisionAuthority,
            // Secret items' private keys: their own table (PostgreSQL when configured, else a file in the data dir).
            secretKeys: new SqlSecretKeyStore(
              await openReadModelDb({
                databaseUrl: options.config.databaseUrl,
                sqliteFile: join(options.config.dataDir, 'secret-keys.sqlite'),
              }),
            ),
          }),
        },
        TemporalWorkerService,
      ],
      exports: [TemporalWorkerService, OrganisationDirectory, AWARD_CATALOG, NOMINATION_ACTIVITY_DEPS],
    };
  }
}
