import { CallHandler, ExecutionContext, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';
import { ReadYourWrites } from '../nominations/read-your-writes';

export const AFTER_POSITION_HEADER = 'x-tdkt-after-position';

/**
 * A GET carrying `X-TDKT-After-Position: <position>` (the `position` a command returned) is
 * answered once the read models have reached it: read-your-writes across replicas. When they do
 * not reach it in time the answer is 503, never the older data the caller asked not to see.
 */
@Injectable()
export class AfterPositionInterceptor implements NestInterceptor {
  constructor(private readonly ryw: ReadYourWrites) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest();
    const raw = req.method === 'GET' ? req.headers?.[AFTER_POSITION_HEADER] : undefined;
    const position = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
    if (!position) return next.handle();
    return from(this.ryw.reach(position)).pipe(
      switchMap((reached) => {
        if (!reached)
          throw new ServiceUnavailableException({
            statusCode: 503,
            error: 'Service Unavailable',
            code: 'READ_MODELS_BEHIND',
            message: `Dữ liệu chưa được cập nhật đến vị trí ${position}; vui lòng thử lại sau`,
          });
        return next.handle();
      }),
    );
  }
}
