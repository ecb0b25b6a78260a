/**
 * Notifications by e-mail: the SMTP relay (`SMTP_URL`, or `SMTP_HOST` and its parts), the sender
 * (`MAIL_FROM`) and the local time of the daily digest (`TDKT_DIGEST_TIME`, Vietnam time).
 * No relay configured: notifications stay in the app, nothing is queued for mail.
 */
export interface SmtpConfig {
  /** `smtp://user:pass@host:587` or `smtps://host:465`; when set, the parts below are ignored. */
  url?: string;
  host?: string;
  port?: number;
  /** TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
}

export interface NotificationConfig {
  smtp?: SmtpConfig;
  /** Sender of every mail, e.g. `"Hệ thống TĐKT" <tdkt@bentre.gov.vn>`. */
  mailFrom: string;
  /** When the overdue digest goes out each day, `HH:MM` Vietnam time (UTC+7). */
  digestTime: string;
}

export const DEFAULT_MAIL_FROM = '"Hệ thống TĐKT" <no-reply@localhost>';

export function loadNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const digestTime = env.TDKT_DIGEST_TIME || '07:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(digestTime)) throw new Error('TDKT_DIGEST_TIME must be HH:MM, e.g. 07:30');
  const secure = parseBool(env.SMTP_SECURE, 'SMTP_SECURE');
  let smtp: SmtpConfig | undefined;
  if (env.SMTP_URL) {
    if (!/^smtps?:\/\//.test(env.SMTP_URL)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
    smtp = { url: env.SMTP_URL, secure: env.SMTP_URL.startsWith('smtps:') };
  } else if (env.SMTP_HOST) {
    const port = Number(env.SMTP_PORT || (secure ? 465 : 587));
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('SMTP_PORT must be a port number');
    smtp = {
      host: env.SMTP_HOST,
      port,
      secure,
      ...(env.SMTP_USER ? { user: env.SMTP_USER, password: env.SMTP_PASSWORD ?? '' } : {}),
    };
  }
  return { ...(smtp ? { smtp } : {}), mailFrom: env.MAIL_FROM || DEFAULT_MAIL_FROM, digestTime };
}

function parseBool(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '') return false;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false`);
}
