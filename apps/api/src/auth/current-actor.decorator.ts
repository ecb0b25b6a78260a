import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@tdkt/domain';

/** The authenticated actor, built by JwtAuthGuard from the token and the organisation directory. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor as Actor;
});
