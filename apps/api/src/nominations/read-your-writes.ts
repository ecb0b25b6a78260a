import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ApiRuntime } from '../api-runtime';
import { API_OPTIONS, API_RUNTIME } from '../tokens';
import type { ApiOptions } from '../api-options';

/**
 * Read-your-writes: a command answers only once every read model has processed its last event,
 * so the caller's next GET shows it. Queries may also name a position to wait for
 * (`X-TDKT-After-Position` header), e.g. after a command issued through another replica.
 */
@Injectable()
export class ReadYourWrites {
  private readonly logger = new Logger('ReadYourWrites');

  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  /** Waits until the read models reach `position`; on timeout logs and returns false (the write itself stands). */
  async reach(position: number | undefined): Promise<boolean> {
    if (!position || position <= 0) return true;
    try {
      await this.runtime.runner.waitForPosition(position, this.options.readYourWritesTimeoutMs ?? 10_000);
      return true;
    } catch (err) {
      this.logger.warn(`Read models have not reached position ${position}: ${(err as Error).message}`);
      return false;
    }
  }
}
