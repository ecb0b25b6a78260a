import { join, resolve } from 'node:path';
import { DEFAULT_MAX_CACHED_WORKFLOWS, loadAppConfig } from './app-config';

describe('Application configuration from the environment, with embedded defaults', () => {
  it('with nothing set: embedded mode, ./data, port 3000, the shipped catalog, working days', () => {
    const c = loadAppConfig({});
    expect(c).toMatchObject({ mode: 'embedded', dataDir: resolve('data'), port: 3000, stageTimeUnit: 'workingDays' });
    expect(c.eventStoreFile).toBe(join(resolve('data'), 'events.sqlite'));
    expect(c.catalogFile).toBe(resolve(__dirname, '../../../config/award-catalog.json'));
    expect(c.temporal).toMatchObject({ namespace: 'default', taskQueue: 'tdkt-nominations', address: undefined });
  });

  it('each setting is taken from its variable', () => {
    const c = loadAppConfig({
      TDKT_DATA_DIR: '/tmp/tdkt',
      PORT: '8080',
      TDKT_AWARD_CATALOG: '/etc/tdkt/catalog.json',
      TDKT_STAGE_TIME_UNIT: 'seconds',
      TEMPORAL_ADDRESS: 'temporal:7233',
      DATABASE_URL: 'postgres://x@db/tdkt',
    });
    expect(c).toMatchObject({
      dataDir: '/tmp/tdkt',
      port: 8080,
      catalogFile: '/etc/tdkt/catalog.json',
      stageTimeUnit: 'seconds',
      databaseUrl: 'postgres://x@db/tdkt',
    });
    expect(c.temporal.address).toBe('temporal:7233');
  });

  it('production mode refuses to start without a JWT secret', () => {
    expect(() => loadAppConfig({ TDKT_MODE: 'production' })).toThrow('JWT_SECRET must be set in production mode');
    expect(loadAppConfig({ TDKT_MODE: 'production', JWT_SECRET: 's3cret' }).jwtSecret).toBe('s3cret');
  });

  it('a misspelt mode is refused rather than taken for embedded (which seeds the demo users)', () => {
    for (const mode of ['prod', 'Production', 'PRODUCTION '])
      expect(() => loadAppConfig({ TDKT_MODE: mode, JWT_SECRET: 'x'.repeat(64) })).toThrow(
        'TDKT_MODE must be embedded or production',
      );
    expect(loadAppConfig({ TDKT_MODE: 'embedded' }).mode).toBe('embedded');
  });

  it('the worker keeps a deliberate number of workflows cached, not the SDK default that grows with the heap', () => {
    expect(loadAppConfig({}).temporal.maxCachedWorkflows).toBe(DEFAULT_MAX_CACHED_WORKFLOWS);
    expect(loadAppConfig({ TDKT_WORKER_CACHED_WORKFLOWS: '2000' }).temporal.maxCachedWorkflows).toBe(2000);
    for (const bad of ['1', '0', '-5', '2.5', 'many'])
      expect(() => loadAppConfig({ TDKT_WORKER_CACHED_WORKFLOWS: bad })).toThrow(
        'TDKT_WORKER_CACHED_WORKFLOWS must be an integer of at least 2',
      );
  });

  it("the dev server's SQLite pragmas: the module's defaults unless set, SQLite's own with none, nonsense refused", () => {
    expect(loadAppConfig({}).temporal.devServerSqlitePragmas).toBeUndefined();
    expect(loadAppConfig({ TDKT_TEMPORAL_SQLITE_PRAGMAS: ' ' }).temporal.devServerSqlitePragmas).toBeUndefined();
    expect(loadAppConfig({ TDKT_TEMPORAL_SQLITE_PRAGMAS: 'none' }).temporal.devServerSqlitePragmas).toEqual({});
    expect(
      loadAppConfig({ TDKT_TEMPORAL_SQLITE_PRAGMAS: 'journal_mode=delete, cache_size=-2000' }).temporal
        .devServerSqlitePragmas,
    ).toEqual({ journal_mode: 'delete', cache_size: '-2000' });
    for (const bad of ['journal_mode', 'journal_mode=wal;drop', 'a=b=c', '=wal'])
      expect(() => loadAppConfig({ TDKT_TEMPORAL_SQLITE_PRAGMAS: bad })).toThrow(
        'TDKT_TEMPORAL_SQLITE_PRAGMAS must be PRAGMA=VALUE pairs separated by commas, or none',
      );
  });

  it("the dev server's start-up wait: 60 s by default, longer on a loaded machine, never zero or nonsense", () => {
    expect(loadAppConfig({}).temporal.devServerStartTimeoutMs).toBe(60_000);
    expect(loadAppConfig({ TEMPORAL_DEV_START_TIMEOUT_MS: '600000' }).temporal.devServerStartTimeoutMs).toBe(600_000);
    for (const bad of ['0', '-5', 'ten minutes'])
      expect(() => loadAppConfig({ TEMPORAL_DEV_START_TIMEOUT_MS: bad })).toThrow(
        'TEMPORAL_DEV_START_TIMEOUT_MS must be a positive number of milliseconds',
      );
  });

  it('an unknown stage time unit is refused', () => {
    expect(() => loadAppConfig({ TDKT_STAGE_TIME_UNIT: 'hours' })).toThrow(
      'TDKT_STAGE_TIME_UNIT must be workingDays or seconds',
    );
  });

  describe('sessions and sign-in', () => {
    const oidc = {
      OIDC_ISSUER: 'https://sso.tinh.gov.vn/realms/tinh',
      OIDC_CLIENT_ID: 'tdkt',
      OIDC_REDIRECT_URI: 'https://tdkt.tinh.gov.vn/api/auth/oidc/callback',
    };

    it('by default: 15-minute access tokens, local passwords, no single sign-on', () => {
      expect(loadAppConfig({}).auth).toEqual({
        accessTokenTtl: '15m',
        refreshTokenTtl: '12h',
        sessionMaxAge: '7d',
        localLogin: true,
      });
    });

    it('an issuer with its client and callback turns single sign-on on, matching by preferred_username', () => {
      const c = loadAppConfig({
        ...oidc,
        OIDC_CLIENT_SECRET: 's',
        OIDC_POST_LOGIN_REDIRECT: 'https://tdkt.tinh.gov.vn/',
      });
      expect(c.auth.oidc).toEqual({
        ...{ issuer: oidc.OIDC_ISSUER, clientId: 'tdkt', redirectUri: oidc.OIDC_REDIRECT_URI },
        clientSecret: 's',
        usernameClaim: 'preferred_username',
        scopes: 'openid profile email',
        postLoginRedirect: 'https://tdkt.tinh.gov.vn/',
      });
    });

    it('an issuer without its client id or callback, or over plain http off this host, stops start-up', () => {
      expect(() => loadAppConfig({ ...oidc, OIDC_CLIENT_ID: '' })).toThrow('OIDC_CLIENT_ID must be set');
      expect(() => loadAppConfig({ ...oidc, OIDC_REDIRECT_URI: '' })).toThrow('OIDC_REDIRECT_URI');
      expect(() => loadAppConfig({ ...oidc, OIDC_ISSUER: 'http://sso.tinh.gov.vn' })).toThrow('must use https');
      expect(() => loadAppConfig({ ...oidc, OIDC_ISSUER: 'sso' })).toThrow('must be an absolute URL');
      expect(loadAppConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:9000' }).auth.oidc?.issuer).toBe(
        'http://127.0.0.1:9000',
      );
    });

    it('local passwords can be switched off only when single sign-on is there to replace them', () => {
      expect(() => loadAppConfig({ TDKT_LOCAL_LOGIN: 'off' })).toThrow('TDKT_LOCAL_LOGIN=off needs OIDC_ISSUER');
      expect(loadAppConfig({ ...oidc, TDKT_LOCAL_LOGIN: 'off' }).auth.localLogin).toBe(false);
      expect(() => loadAppConfig({ TDKT_LOCAL_LOGIN: 'no' })).toThrow('TDKT_LOCAL_LOGIN must be on or off');
    });

    it('a lifetime that is not one is refused at start-up', () => {
      expect(loadAppConfig({ TDKT_ACCESS_TOKEN_TTL: '5m' }).auth.accessTokenTtl).toBe('5m');
      expect(() => loadAppConfig({ TDKT_REFRESH_TOKEN_TTL: '12 hours' })).toThrow('TDKT_REFRESH_TOKEN_TTL must be');
    });
  });
});
