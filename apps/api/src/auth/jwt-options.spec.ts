import { KeyObject } from 'node:crypto';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import jwt from 'jsonwebtoken';
import { jwtModuleOptions } from './jwt-options';

const SECRET = 'a-secret-of-this-deployment-0123456789';

async function moduleJwt(secret = SECRET): Promise<JwtService> {
  const moduleRef = await Test.createTestingModule({
    imports: [JwtModule.register(jwtModuleOptions(secret, '8h'))],
  }).compile();
  return moduleRef.get(JwtService);
}

describe('JWT options: the secret as a key object', () => {
  it('hands JwtModule a secret KeyObject (not the string jsonwebtoken would first try as a public key)', () => {
    const options = jwtModuleOptions(SECRET, '8h');
    expect(options.secret).toBeInstanceOf(KeyObject);
    expect((options.secret as KeyObject).type).toBe('secret');
    expect((options.secret as KeyObject).export().toString()).toBe(SECRET);
  });

  it('a token signed by the module verifies, with its subject and an 8-hour expiry', async () => {
    const service = await moduleJwt();
    const token = await service.signAsync({ sub: 'chutich' });
    const payload = await service.verifyAsync<{ sub: string; iat: number; exp: number }>(token);
    expect(payload.sub).toBe('chutich');
    expect(payload.exp - payload.iat).toBe(8 * 3600);
  });

  it('a token signed with another secret is refused', async () => {
    const service = await moduleJwt();
    const forged = await (await moduleJwt('some-other-secret')).signAsync({ sub: 'chutich' });
    await expect(service.verifyAsync(forged)).rejects.toThrow('invalid signature');
    expect(() => service.verify(jwt.sign({ sub: 'chutich' }, 'some-other-secret'))).toThrow('invalid signature');
  });

  it('tokens issued with the string secret before the change still verify (same key bytes, HS256)', async () => {
    const service = await moduleJwt();
    const earlier = jwt.sign({ sub: 'thuky' }, SECRET, { expiresIn: '8h' });
    await expect(service.verifyAsync(earlier)).resolves.toMatchObject({ sub: 'thuky' });
  });

  it('refuses a token of another algorithm, even one signed with the same secret', async () => {
    const service = await moduleJwt();
    await expect(service.verifyAsync(jwt.sign({ sub: 'chutich' }, SECRET, { algorithm: 'HS512' }))).rejects.toThrow(
      'invalid algorithm',
    );
    await expect(service.verifyAsync(jwt.sign({ sub: 'chutich' }, null, { algorithm: 'none' }))).rejects.toThrow();
  });

  it('refuses an empty secret', () => {
    expect(() => jwtModuleOptions('', '8h')).toThrow('JWT secret must not be empty');
  });
});
