import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { OrganisationDirectory } from '@tdkt/config';
import { IS_PUBLIC } from './public.decorator';
import { SessionStore } from './session-store';
import { VerifiedTokens } from './verified-tokens';

export interface TokenPayload {
  sub: string;
  /** The sign-in session (refresh-token family): its revocation (logout, reuse, password change) ends the token. */
  sid: string;
  exp?: number;
}

/**
 * Every route needs a valid bearer token unless marked @Public. The actor (roles, unit, cluster)
 * is looked up in the organisation directory by the token's subject on every request, so a
 * changed role takes effect at once and nothing in a request body can name another actor. The
 * token's session must still be on: logging out (or any revocation) ends its access tokens too.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<TokenPayload>();
  /** Per controller and handler: marked @Public or not (metadata fixed at start; read once, not per request). */
  private readonly publicRoutes = new WeakMap<object, WeakMap<object, boolean>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(SessionStore) private readonly sessions: SessionStore,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.isPublic(ctx);
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers?.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) {
      if (isPublic) return true;
      throw new UnauthorizedException('Cần đăng nhập (Authorization: Bearer <token>)');
    }
    let payload: TokenPayload;
    try {
      payload = await this.verified.payloadOf(token, (t) => this.jwt.verifyAsync<TokenPayload>(t));
    } catch {
      if (isPublic) return true;
      throw new UnauthorizedException('Phiên đăng nhập không hợp lệ hoặc đã hết hạn');
    }
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.sid !== 'string' ||
      !(await this.sessions.isActive(payload.sid, payload.sub))
    ) {
      if (isPublic) return true;
      throw new UnauthorizedException('Phiên đăng nhập đã kết thúc (đã đăng xuất hoặc bị thu hồi); hãy đăng nhập lại');
    }
    const actor = this.directory.actorFor(payload.sub);
    if (!actor) {
      if (isPublic) return true;
      throw new UnauthorizedException('Tài khoản không còn trong danh bạ tổ chức');
    }
    req.actor = actor;
    req.sessionId = payload.sid;
    return true;
  }

  private isPublic(ctx: ExecutionContext): boolean {
    const handler = ctx.getHandler();
    const controller = ctx.getClass();
    let byHandler = this.publicRoutes.get(controller);
    if (!byHandler) this.publicRoutes.set(controller, (byHandler = new WeakMap()));
    let marked = byHandler.get(handler);
    if (marked === undefined) {
      marked = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]) === true;
      byHandler.set(handler, marked);
    }
    return marked;
  }
}
