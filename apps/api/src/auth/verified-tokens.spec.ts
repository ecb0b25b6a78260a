import { VerifiedTokens } from './verified-tokens';

interface Payload {
  sub: string;
  exp?: number;
}

describe('VerifiedTokens', () => {
  let clock = 1_000_000_000_000;
  const now = () => clock;
  const counting = (payload: (token: string) => Payload) => {
    const calls: string[] = [];
    const verify = async (token: string) => {
      calls.push(token);
      return payload(token);
    };
    return { calls, verify };
  };
  const exp = (secondsFromNow: number) => Math.floor(clock / 1000) + secondsFromNow;

  beforeEach(() => {
    clock = 1_000_000_000_000;
  });

  it('verifies a token once and answers it from memory until it expires', async () => {
    const tokens = new VerifiedTokens<Payload>(10, now);
    const { calls, verify } = counting((t) => ({ sub: t, exp: exp(60) }));
    expect(await tokens.payloadOf('a', verify)).toEqual({ sub: 'a', exp: exp(60) });
    expect(await tokens.payloadOf('a', verify)).toEqual({ sub: 'a', exp: exp(60) });
    expect(calls).toEqual(['a']);
  });

  it('verifies again once the token has expired (the check then refuses it)', async () => {
    const tokens = new VerifiedTokens<Payload>(10, now);
    const expiry = exp(60);
    let expired = false;
    const { calls, verify } = counting((t) => {
      if (expired) throw new Error('jwt expired');
      return { sub: t, exp: expiry };
    });
    await tokens.payloadOf('a', verify);
    clock += 59_999;
    await tokens.payloadOf('a', verify);
    expect(calls).toHaveLength(1);
    clock += 1; // the clock's second reaches exp: expired, as jsonwebtoken decides
    expired = true;
    await expect(tokens.payloadOf('a', verify)).rejects.toThrow('jwt expired');
    expect(calls).toHaveLength(2);
    expect(tokens.size).toBe(0);
  });

  it('never keeps a token that failed its check', async () => {
    const tokens = new VerifiedTokens<Payload>(10, now);
    const { calls, verify } = counting(() => {
      throw new Error('invalid signature');
    });
    await expect(tokens.payloadOf('forged', verify)).rejects.toThrow('invalid signature');
    await expect(tokens.payloadOf('forged', verify)).rejects.toThrow('invalid signature');
    expect(calls).toEqual(['forged', 'forged']);
    expect(tokens.size).toBe(0);
  });

  it('keeps no token without an expiry (verified each time)', async () => {
    const tokens = new VerifiedTokens<Payload>(10, now);
    const { calls, verify } = counting((t) => ({ sub: t }));
    await tokens.payloadOf('a', verify);
    await tokens.payloadOf('a', verify);
    expect(calls).toEqual(['a', 'a']);
  });

  it('is bounded: the oldest token is dropped first', async () => {
    const tokens = new VerifiedTokens<Payload>(2, now);
    const { calls, verify } = counting((t) => ({ sub: t, exp: exp(60) }));
    for (const t of ['a', 'b', 'c']) await tokens.payloadOf(t, verify);
    expect(tokens.size).toBe(2);
    await tokens.payloadOf('c', verify);
    await tokens.payloadOf('b', verify);
    await tokens.payloadOf('a', verify);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
