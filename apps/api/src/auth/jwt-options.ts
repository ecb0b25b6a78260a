import { createSecretKey } from 'node:crypto';
import type { JwtModuleOptions } from '@nestjs/jwt';

/**
 * JwtModule options for our HS256 tokens. The secret is handed over as a KeyObject: given a
 * string, jsonwebtoken first tries `crypto.createPublicKey()` on it for every verify, which throws
 * and falls back (~300 µs per request instead of ~5 µs). Same bytes, so tokens stay compatible.
 */
export function jwtModuleOptions(secret: string, expiresIn: string): JwtModuleOptions {
  // An empty KeyObject would sign happily (jsonwebtoken refuses only an empty string).
  if (!secret) throw new Error('JWT secret must not be empty');
  return {
    secret: createSecretKey(Buffer.from(secret)),
    signOptions: { algorithm: 'HS256', expiresIn: expiresIn as never },
    verifyOptions: { algorithms: ['HS256'] },
  };
}
