import { isWebAppFile, isWebAppPage, SERVER_PATH_PREFIXES } from './web-app';

describe('The SPA fallback answers page paths with the web app, never server routes or missing files', () => {
  it.each(['/', '/nominations', '/nominations/abc-123', '/sessions/x', '/registry'])(
    '%s is a page of the app',
    (path) => expect(isWebAppPage(path)).toBe(true),
  );

  it.each(['/api', '/api/nominations', '/api/docs', '/health', '/health/live', '/verify/163-QD-UBND'])(
    '%s stays the server’s',
    (path) => expect(isWebAppPage(path)).toBe(false),
  );

  it('a missing file is a 404, not the page (a stale tab must not parse HTML as a script)', () => {
    expect(isWebAppPage('/assets/index-abc.js')).toBe(false);
    expect(isWebAppPage('/favicon.ico')).toBe(false);
  });

  it('looks on disk only for paths that name a file outside the server’s paths', () => {
    expect(isWebAppFile('/assets/index-abc.js')).toBe(true);
    expect(isWebAppFile('/favicon.ico')).toBe(true);
    for (const path of [
      '/',
      '/nominations/abc-123',
      '/api/nominations/abc-123',
      '/api/docs/swagger-ui.css',
      '/health/live',
    ])
      expect(isWebAppFile(path)).toBe(false);
  });

  it('keeps /api, /health and /verify for the server', () => {
    expect([...SERVER_PATH_PREFIXES]).toEqual(['api', 'health', 'verify']);
  });
});
