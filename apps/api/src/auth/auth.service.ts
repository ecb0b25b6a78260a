import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import { OrganisationDirectory } from '@tdkt/config';
import { randomBytes } from 'node:crypto';
import { authError, LOCAL_LOGIN_DISABLED_MESSAGE } from './auth-errors';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings';
import { BCRYPT_ROUNDS, IdentityStore } from './identity-store';
import { LoginRateLimiter } from './login-rate-limiter';
import type { TokenPayload } from './jwt-auth.guard';
import { passwordProblem } from './password-policy';
import { SessionStore, type IssuedRefreshToken, type SignInMethod } from './session-store';

/** A hash of a password nobody knows: an unknown user costs the same compare as a known one. */
let dummyHash: string | undefined;
const dummy = () => (dummyHash ??= bcrypt.hashSync(randomBytes(16).toString('hex'), BCRYPT_ROUNDS));

/** What a sign-in or a refresh answers. */
export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Lifetime of the access token as configured (e.g. `15m`). */
  expiresIn: string;
  expiresInSeconds: number;
  /** Single use: POST /api/auth/refresh exchanges it for new tokens (and a new refresh token). */
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const SESSION_OVER = 'Phiên đăng nhập đã kết thúc hoặc không hợp lệ; hãy đăng nhập lại';

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(IdentityStore) private readonly identity: IdentityStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async login(username: string, password: string, ip: string): Promise<TokenResponse> {
    if (!this.settings.localLogin) throw authError(403, 'LOCAL_LOGIN_DISABLED', LOCAL_LOGIN_DISABLED_MESSAGE);
    await this.checkPassword(
      username,
      password,
      ip,
      () => new UnauthorizedException('Sai tên đăng nhập hoặc mật khẩu'),
    );
    return this.startSession(username, 'password');
  }

  /** A session for a user already proven (password or single sign-on): its first tokens. */
  async startSession(username: string, method: SignInMethod): Promise<TokenResponse> {
    return this.tokens(await this.sessions.start(username, method, this.settings.lifetimes));
  }

  /** Rotation: the refresh token is spent, new tokens come back; a spent one replayed ends the session. */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const r = await this.sessions.rotate(refreshToken, this.settings.lifetimes);
    if (!r.ok && r.reason === 'reused')
      throw authError(
        401,
        'REFRESH_TOKEN_REUSED',
        'Mã làm mới này đã được dùng trước đó; để bảo vệ tài khoản, phiên đăng nhập đã bị thu hồi — hãy đăng nhập lại',
      );
    if (!r.ok) throw authError(401, 'REFRESH_TOKEN_INVALID', SESSION_OVER);
    if (!this.directory.user(r.username)) {
      await this.sessions.revoke(r.sessionId, 'user-left-directory');
      throw authError(401, 'REFRESH_TOKEN_INVALID', 'Tài khoản không còn trong danh bạ tổ chức');
    }
    return this.tokens(r);
  }

  /**
   * Ends the session of the bearer token, or else the one the refresh token belongs to (an access
   * token may have expired by then). Saying which session is enough: knowing a token is the proof.
   */
  async logout(bearer: { sessionId: string } | undefined, refreshToken: string | undefined): Promise<void> {
    const sessionId =
      bearer?.sessionId ??
      (refreshToken ? (await this.sessions.sessionOfRefreshToken(refreshToken))?.sessionId : undefined);
    if (!sessionId)
      throw authError(401, 'UNAUTHENTICATED', 'Cần đăng nhập (Authorization: Bearer <token>) hoặc gửi refreshToken');
    await this.sessions.revoke(sessionId, 'logout');
  }

  /** The current password proves it is the owner (limited like a login); other sessions end. */
  async changePassword(
    actor: { username: string; sessionId: string },
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<{ otherSessionsRevoked: number }> {
    if (!this.settings.localLogin) throw authError(403, 'LOCAL_LOGIN_DISABLED', LOCAL_LOGIN_DISABLED_MESSAGE);
    await this.checkPassword(actor.username, currentPassword, ip, () =>
      authError(400, 'WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng', { field: 'currentPassword' }),
    );
    const problem = passwordProblem(newPassword, actor.username, currentPassword);
    if (problem) throw authError(400, 'WEAK_PASSWORD', problem, { field: 'newPassword' });
    await this.identity.setPassword(actor.username, newPassword);
    const otherSessionsRevoked = await this.sessions.revokeUser(actor.username, 'password-changed', actor.sessionId);
    return { otherSessionsRevoked };
  }

  private async checkPassword(username: string, password: string, ip: string, refusal: () => HttpException) {
    const wait = this.limiter.retryAfterSeconds(username, ip);
    if (wait > 0) {
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          code: 'TOO_MANY_ATTEMPTS',
          message: `Đăng nhập sai quá nhiều lần; thử lại sau ${wait} giây`,
          retryAfterSeconds: wait,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    // Counted before the (slow) check, so guesses sent all at once cannot all pass the limit
    // before the first of them is counted; a success clears it.
    this.limiter.recordFailure(username, ip);
    const hash = await this.identity.passwordHash(username);
    const ok = await bcrypt.compare(password, hash ?? dummy());
    if (!ok || !hash || !this.directory.user(username)) throw refusal();
    this.limiter.recordSuccess(username, ip);
  }

  private async tokens(session: IssuedRefreshToken): Promise<TokenResponse> {
    const payload: TokenPayload = { sub: session.username, sid: session.sessionId };
    return {
      accessToken: await this.jwt.signAsync(payload, { expiresIn: this.settings.accessTokenTtl as never }),
      tokenType: 'Bearer',
      expiresIn: this.settings.accessTokenTtl,
      expiresInSeconds: this.settings.accessTokenSeconds,
      refreshToken: session.refreshToken,
      refreshTokenExpiresAt: new Date(session.refreshExpiresAt).toISOString(),
    };
  }
}
