import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, LoggerService, LogLevel } from '@nestjs/common';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerModule } from './worker.module';
import type { WorkerAppOptions } from './worker-options';

export interface WorkerApp {
  app: INestApplicationContext;
  worker: TemporalWorkerService;
  /** Graceful stop: the worker drains, then the event store closes (when the worker opened it). */
  close(): Promise<void>;
}

/**
 * The worker as a Nest standalone application, started (the worker polls once this resolves).
 * Hosted in-process by the embedded launcher, or by main.ts as its own process.
 */
export async function createWorkerApp(
  options: WorkerAppOptions,
  nest: { logger?: LoggerService | LogLevel[] | false } = {},
): Promise<WorkerApp> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(options), {
    logger: nest.logger ?? ['log', 'warn', 'error'],
  });
  return { app, worker: app.get(TemporalWorkerService), close: () => app.close() };
}
