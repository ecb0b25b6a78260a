import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthDto, LivenessDto } from '../reference/reference.dto';
import type { HttpResponse } from '../http/http-types';
import type { ApiRuntime } from '../api-runtime';
import { Public } from '../auth/public.decorator';
import { API_RUNTIME } from '../tokens';

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/**
 * For an orchestrator: `/health/live` (liveness: the process answers and nothing in it failed for
 * good — restart it otherwise) and `/health/ready` (readiness: send it traffic only when the event
 * store, Temporal and the projections — caught up with the log — and the host's own checks are
 * ready; 503 while it drains on SIGTERM). `/health` is the readiness check, as before.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  @Get('live')
  @ApiOkResponse({ type: LivenessDto, description: 'Tiến trình đang chạy' })
  @ApiServiceUnavailableResponse({ type: LivenessDto, description: 'Các bảng đọc đã dừng hẳn vì lỗi' })
  @ApiOperation({
    summary: 'Còn sống: tiến trình trả lời; 503 khi các bảng đọc đã dừng hẳn vì lỗi (cần khởi động lại)',
  })
  live(@Res() res: HttpResponse) {
    const failure = this.runtime.runner.error;
    res.status(failure ? 503 : 200).json({
      status: failure ? 'failed' : 'ok',
      ...(failure ? { projectionsError: failure.message } : {}),
    });
  }

  @Get('ready')
  @ApiOkResponse({ type: HealthDto, description: 'Mọi thành phần sẵn sàng' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Một thành phần chưa sẵn sàng (xem checks)' })
  @ApiOperation({ summary: 'Sẵn sàng nhận yêu cầu: kho sự kiện, Temporal, các bảng đọc đã theo kịp (projections)' })
  ready(@Res() res: HttpResponse) {
    return this.health(res);
  }

  @Get()
  @ApiOkResponse({ type: HealthDto, description: 'Mọi thành phần sẵn sàng' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Một thành phần chưa sẵn sàng (xem checks)' })
  @ApiOperation({ summary: 'Sẵn sàng: kho sự kiện, Temporal, các bảng đọc (projections) — như /health/ready' })
  async health(@Res() res: HttpResponse) {
    const { store, temporal, runner, config } = this.runtime;
    const checks: Record<string, boolean> = {};
    const detail: Record<string, unknown> = {};
    const check = async (name: string, fn: () => Promise<boolean> | boolean) => {
      try {
        checks[name] = Boolean(await within(Promise.resolve(fn()), 3_000));
      } catch (err) {
        checks[name] = false;
        detail[`${name}Error`] = (err as Error).message;
      }
    };
    let head = 0;
    await Promise.all([
      check('store', async () => {
        head = await store.headPosition();
        return true;
      }),
      check('temporal', async () => {
        await temporal.workflowService.describeNamespace({ namespace: config.temporal.namespace });
        return true;
      }),
      check('projections', async () => {
        await within(runner.ready, 1_000);
        return runner.running;
      }),
      ...Object.entries(this.runtime.readiness).map(([name, fn]) => check(name, fn)),
    ]);
    const ok = Object.values(checks).every(Boolean);
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      checks,
      eventPosition: head,
      projectionPosition: runner.currentPosition(),
      ...detail,
    });
  }
}
