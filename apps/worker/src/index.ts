export { WorkerModule } from './worker.module';
export { TemporalWorkerService } from './temporal-worker.service';
export { createWorkerApp, type WorkerApp } from './create-worker-app';
export type { WorkerAppOptions } from './worker-options';
