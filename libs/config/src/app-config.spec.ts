import { join, resolve } from 'node:path';
import { loadAppConfig } from './app-config';

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

  it('an unknown stage time unit is refused', () => {
    expect(() => loadAppConfig({ TDKT_STAGE_TIME_UNIT: 'hours' })).toThrow(
      'TDKT_STAGE_TIME_UNIT must be workingDays or seconds',
    );
  });
});
