import type { NativeConnection, WorkerOptions, WorkflowBundleOption } from '@temporalio/worker';
import type { AppConfig } from '@tdkt/config';
import type { EventStore } from '@tdkt/event-store';

export interface WorkerAppOptions {
  config: AppConfig;
  /**
   * An event store shared with the host (the embedded launcher): used as is and NOT closed by the
   * worker. Without it the worker opens its own (createEventStore) and closes it on shutdown.
   */
  eventStore?: EventStore;
  /** A connection owned by the host (not closed by the worker). Default: connect to config.temporal. */
  connection?: NativeConnection;
  /** Workflow code: default, from dist, dist/workflow-bundle.js when built; from the sources, the sources. */
  workflowBundle?: WorkflowBundleOption;
  workerOptions?: Partial<
    Pick<
      WorkerOptions,
      | 'identity'
      | 'shutdownGraceTime'
      | 'shutdownForceTime'
      | 'interceptors'
      | 'maxConcurrentActivityTaskExecutions'
      | 'maxConcurrentWorkflowTaskExecutions'
      | 'maxCachedWorkflows'
    >
  >;
  /** Level of the Temporal SDK's own log when this app installs the Temporal runtime (default INFO). */
  temporalLogLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}
