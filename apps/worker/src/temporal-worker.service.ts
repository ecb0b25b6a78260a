import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createNominationWorker, type NominationActivityDeps } from '@tdkt/temporal';
import { NOMINATION_ACTIVITY_DEPS, WORKER_OPTIONS } from './worker.tokens';
import type { WorkerAppOptions } from './worker-options';

/**
 * Runs the Temporal worker for the application's lifetime. The run promise is kept, not awaited at
 * bootstrap; shutdown is owned by Nest (`app.enableShutdownHooks()`): beforeApplicationShutdown
 * asks the worker to stop polling, waits for in-flight tasks (the run promise), then closes the
 * connection if it opened it. The Temporal runtime's own signal handlers are switched off so that
 * there is exactly one owner of shutdown.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private worker?: Worker;
  private connection?: NativeConnection;
  private ownsConnection = false;
  private running?: Promise<void>;
  private failure?: unknown;

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerAppOptions,
    @Inject(NOMINATION_ACTIVITY_DEPS) private readonly deps: NominationActivityDeps,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    installRuntimeWithoutSignalHandlers(this.options.temporalLogLevel);
    const { config } = this.options;
    const address = config.temporal.address ?? `127.0.0.1:${config.temporal.devServerPort}`;
    if (this.options.connection) {
      this.connection = this.options.connection;
    } else {
      this.connection = await NativeConnection.connect({ address });
      this.ownsConnection = true;
    }
    this.worker = await createNominationWorker({
      connection: this.connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      activities: this.deps,
      ...(this.options.workflowBundle ? { workflowBundle: this.options.workflowBundle } : {}),
      workerOptions: { maxCachedWorkflows: config.temporal.maxCachedWorkflows, ...this.options.workerOptions },
    });
    this.running = this.worker.run().catch((err) => {
      this.failure = err;
      this.logger.error(`Worker stopped with an error: ${err instanceof Error ? err.stack : String(err)}`);
    });
    this.logger.log(
      `Worker polling ${config.temporal.taskQueue} on ${address} (namespace ${config.temporal.namespace})`,
    );
  }

  /** Resolves when the worker has stopped (after shutdown, or after a fatal error). */
  whenStopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** The error the worker stopped with, if it stopped on its own. */
  get error(): unknown {
    return this.failure;
  }

  get state(): string {
    return this.worker?.getState() ?? 'NOT_STARTED';
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') {
      this.logger.log(`Shutting down the worker${signal ? ` (${signal})` : ''}: finishing in-flight tasks`);
      this.worker.shutdown();
    }
    await this.running;
    if (this.connection && this.ownsConnection) await this.connection.close();
    this.connection = undefined;
    this.logger.log('Worker stopped');
  }
}

function installRuntimeWithoutSignalHandlers(level: WorkerAppOptions['temporalLogLevel']): void {
  try {
    Runtime.install({ shutdownSignals: [], ...(level ? { logger: new DefaultLogger(level) } : {}) });
  } catch {
    // Already installed by the host (embedded launcher, tests): its settings stand.
  }
}
