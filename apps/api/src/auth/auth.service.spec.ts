import { HttpException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import { OrganisationDirectory, loadOrganisation } from '@tdkt/config';
import { join } from 'node:path';
import { AuthService } from './auth.service';
import type { IdentityStore } from './identity-store';
import { jwtModuleOptions } from './jwt-options';
import { LoginRateLimiter } from './login-rate-limiter';

const directory = new OrganisationDirectory(
  loadOrganisation(join(__dirname, '../../../../config/demo-organisation.json')),
);
const hash = bcrypt.hashSync('demo123', 4);

/** An identity store answering over a network round trip, as PostgreSQL does. */
const remoteIdentity = {
  passwordHash: (u: string) => new Promise((r) => setTimeout(() => r(u === 'thuky' ? hash : undefined), 5)),
} as unknown as IdentityStore;

const service = (ttl?: string) =>
  new AuthService(
    new JwtService(jwtModuleOptions('x'.repeat(32), ttl ?? '8h')),
    remoteIdentity,
    directory,
    new LoginRateLimiter({ maxFailures: 3, windowMs: 60_000 }),
    ttl ? { tokenTtl: ttl } : {},
  );

describe('AuthService.login', () => {
  it('limits wrong passwords sent all at once as it limits ones sent in turn', async () => {
    const auth = service();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => auth.login('thuky', 'guess', '1.2.3.4')),
    );
    const statuses = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as HttpException).getStatus() : 200));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('a right password after failures below the limit logs in and clears them', async () => {
    const auth = service();
    for (let i = 0; i < 2; i++)
      await expect(auth.login('thuky', 'guess', 'a')).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(auth.login('thuky', 'demo123', 'a')).resolves.toMatchObject({ tokenType: 'Bearer' });
    for (let i = 0; i < 3; i++)
      await expect(auth.login('thuky', 'guess', 'a')).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('reports the lifetime the tokens are actually signed with', async () => {
    const { accessToken, expiresIn } = await service('15m').login('thuky', 'demo123', 'b');
    const { iat, exp } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
    expect(exp - iat).toBe(15 * 60);
    expect(expiresIn).toBe('15m');
  });
});
