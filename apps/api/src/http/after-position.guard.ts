import {
  BadRequestException,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ReadYourWrites } from '../nominations/read-your-writes';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';

export const AFTER_POSITION_HEADER = 'x-tdkt-after-position';

/**
 * A GET carrying `X-TDKT-After-Position: <position>` (the `position` a command returned) is
 * answered once the read models have reached it: read-your-writes across replicas. When they do
 * not reach it in time the answer is 503, never the older data the caller asked not to see.
 * Only signed-in callers may make a request wait, and only for a position the store has: one
 * beyond its head can never be reached, so it is refused at once (400) instead of holding a
 * connection open for the whole timeout.
 */
@Injectable()
export class AfterPositionGuard implements CanActivate {
  constructor(
    private readonly ryw: ReadYourWrites,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  /**
   * A guard, not an interceptor: it only ever waits before the handler, and every global interceptor
   * wraps every request of every route in Nest's rxjs chain (this one: ~4 KB of garbage a request,
   * bench/README.md, "the framework floor"). Registered after JwtAuthGuard, so `req.actor` is known.
   */
  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest();
    const raw = req.method === 'GET' && req.actor ? req.headers?.[AFTER_POSITION_HEADER] : undefined;
    if (raw === undefined) return true;
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw afterPositionError('phải là một số nguyên không âm');
    const position = Number(raw);
    if (!position) return true;
    if (!(await this.checkAndReach(position)))
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'READ_MODELS_BEHIND',
        message: `Dữ liệu chưa được cập nhật đến vị trí ${position}; vui lòng thử lại sau`,
      });
    return true;
  }

  private async checkAndReach(position: number): Promise<boolean> {
    const head = await this.runtime.store.headPosition();
    if (position > head) throw afterPositionError(`vượt quá vị trí mới nhất của kho sự kiện (${head})`);
    return this.ryw.reach(position);
  }
}

function afterPositionError(reason: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'VALIDATION',
    message: `Tiêu đề X-TDKT-After-Position không hợp lệ: ${reason}`,
    errors: [{ field: 'X-TDKT-After-Position', reasons: [`Vị trí ${reason}`] }],
  });
}
