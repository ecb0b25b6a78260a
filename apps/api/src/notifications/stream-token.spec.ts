import { streamTokenMiddleware } from './stream-token';

const run = (req: { originalUrl?: string; headers: Record<string, string | undefined> }) => {
  let called = false;
  streamTokenMiddleware(req, undefined, () => (called = true));
  expect(called).toBe(true);
  return req.headers.authorization;
};

describe('The notification stream’s token outside the Authorization header', () => {
  it('takes ?access_token= as a bearer token', () => {
    expect(run({ originalUrl: '/api/notifications/stream?access_token=a.b.c', headers: {} })).toBe('Bearer a.b.c');
  });

  it('takes the tdkt_access_token cookie among others', () => {
    expect(
      run({ originalUrl: '/api/notifications/stream', headers: { cookie: 'x=1; tdkt_access_token=a.b.c; y=2' } }),
    ).toBe('Bearer a.b.c');
  });

  it('leaves a header already given, and adds nothing when there is no token', () => {
    expect(
      run({ originalUrl: '/api/notifications/stream?access_token=q', headers: { authorization: 'Bearer h' } }),
    ).toBe('Bearer h');
    expect(run({ originalUrl: '/api/notifications/stream', headers: { cookie: 'tdkt_access_token=%E0%A4%A' } })).toBe(
      undefined,
    );
  });
});
