import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import { OrganisationDirectory } from '@tdkt/config';
import { randomBytes } from 'node:crypto';
import type { ApiOptions } from '../api-options';
import { API_OPTIONS } from '../tokens';
import { BCRYPT_ROUNDS, IdentityStore } from './identity-store';
import { LoginRateLimiter } from './login-rate-limiter';
import type { TokenPayload } from './jwt-auth.guard';

/** A hash of a password nobody knows: an unknown user costs the same compare as a known one. */
let dummyHash: string | undefined;
const dummy = () => (dummyHash ??= bcrypt.hashSync(randomBytes(16).toString('hex'), BCRYPT_ROUNDS));

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(IdentityStore) private readonly identity: IdentityStore,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
    @Inject(API_OPTIONS) private readonly options: ApiOptions = {},
  ) {}

  async login(
    username: string,
    password: string,
    ip: string,
  ): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: string }> {
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
    if (!ok || !hash || !this.directory.user(username))
      throw new UnauthorizedException('Sai tên đăng nhập hoặc mật khẩu');
    this.limiter.recordSuccess(username, ip);
    const payload: TokenPayload = { sub: username };
    return {
      accessToken: await this.jwt.signAsync(payload),
      tokenType: 'Bearer',
      expiresIn: this.options.tokenTtl ?? TOKEN_TTL,
    };
  }
}

export const TOKEN_TTL = '8h';
