import { parseDuration, type AuthConfig } from '@tdkt/config';
import type { SessionLifetimes } from './session-store';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

/** What the sign-in endpoints need of the configuration, resolved once. */
export interface AuthSettings {
  /** jsonwebtoken's spelling, e.g. `15m`: reported to clients as `expiresIn`. */
  accessTokenTtl: string;
  accessTokenSeconds: number;
  lifetimes: SessionLifetimes;
  localLogin: boolean;
}

/** `accessTokenTtl` (ApiOptions.tokenTtl, e.g. from a test) overrides the configured lifetime. */
export function authSettings(config: AuthConfig, accessTokenTtl = config.accessTokenTtl): AuthSettings {
  return {
    accessTokenTtl,
    accessTokenSeconds: parseDuration(accessTokenTtl, 'access token lifetime') / 1000,
    lifetimes: {
      refreshTokenMs: parseDuration(config.refreshTokenTtl, 'TDKT_REFRESH_TOKEN_TTL'),
      sessionMaxMs: parseDuration(config.sessionMaxAge, 'TDKT_SESSION_MAX_AGE'),
    },
    localLogin: config.localLogin,
  };
}
