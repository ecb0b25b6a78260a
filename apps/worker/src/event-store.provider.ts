import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ensureDataDir } from '@tdkt/config';
import { createEventStore, type EventStore } from '@tdkt/event-store';
import { WORKER_OPTIONS } from './worker.tokens';
import type { WorkerAppOptions } from './worker-options';

/**
 * Holds the event store. Closes it last (onApplicationShutdown runs after every provider's
 * beforeApplicationShutdown, i.e. after the worker has drained), and only when it opened it.
 */
@Injectable()
export class EventStoreHolder implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');
  private store?: EventStore;
  private owned = false;

  constructor(@Inject(WORKER_OPTIONS) private readonly options: WorkerAppOptions) {}

  async open(): Promise<EventStore> {
    if (this.store) return this.store;
    if (this.options.eventStore) {
      this.store = this.options.eventStore;
    } else {
      if (!this.options.config.eventStoreConnectionString) ensureDataDir(this.options.config);
      this.store = createEventStore(this.options.config);
      this.owned = true;
    }
    return this.store;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.store && this.owned) {
      await this.store.close();
      this.logger.log('Event store closed');
    }
    this.store = undefined;
  }
}
