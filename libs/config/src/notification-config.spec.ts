import { DEFAULT_MAIL_FROM, loadNotificationConfig } from './notification-config';

describe('Notification settings from the environment', () => {
  it('with nothing set: no relay (in the app only), the default sender, the digest at 07:00', () => {
    expect(loadNotificationConfig({})).toEqual({ mailFrom: DEFAULT_MAIL_FROM, digestTime: '07:00' });
  });

  it('SMTP_URL names the whole relay; smtps:// means TLS from the first byte', () => {
    expect(loadNotificationConfig({ SMTP_URL: 'smtps://u:p@relay.tinh.vn' }).smtp).toEqual({
      url: 'smtps://u:p@relay.tinh.vn',
      secure: true,
    });
  });

  it('the relay in parts: host, port, TLS, account, sender', () => {
    const c = loadNotificationConfig({
      SMTP_HOST: 'relay.tinh.vn',
      SMTP_SECURE: 'true',
      SMTP_USER: 'tdkt',
      SMTP_PASSWORD: 's3cret',
      MAIL_FROM: 'TĐKT <tdkt@tinh.vn>',
      TDKT_DIGEST_TIME: '16:45',
    });
    expect(c).toEqual({
      smtp: { host: 'relay.tinh.vn', port: 465, secure: true, user: 'tdkt', password: 's3cret' },
      mailFrom: 'TĐKT <tdkt@tinh.vn>',
      digestTime: '16:45',
    });
    expect(loadNotificationConfig({ SMTP_HOST: 'relay' }).smtp).toEqual({ host: 'relay', port: 587, secure: false });
  });

  it.each([
    [{ TDKT_DIGEST_TIME: '7h' }, 'TDKT_DIGEST_TIME'],
    [{ SMTP_HOST: 'relay', SMTP_PORT: '99999' }, 'SMTP_PORT'],
    [{ SMTP_HOST: 'relay', SMTP_SECURE: 'maybe' }, 'SMTP_SECURE'],
    [{ SMTP_URL: 'http://relay' }, 'SMTP_URL'],
  ])('a malformed setting stops start-up, naming it (%j)', (env, name) => {
    expect(() => loadNotificationConfig(env)).toThrow(name);
  });
});
