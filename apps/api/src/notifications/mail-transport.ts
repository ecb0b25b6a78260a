import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '@tdkt/config';

/** What the outbox needs of a mail transport (nodemailer's SMTP transport; tests may count calls). */
export interface MailTransport {
  send(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
  }): Promise<void>;
  close(): void;
}

/** The SMTP relay from the configuration, through nodemailer (one pooled connection per process). */
export function smtpTransport(smtp: SmtpConfig): MailTransport {
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  // A URL's own query may set more (e.g. `?tls.rejectUnauthorized=false` for a relay with an internal CA).
  const transporter: Transporter = smtp.url
    ? nodemailer.createTransport(
        `${smtp.url}${smtp.url.includes('?') ? '&' : '?'}connectionTimeout=10000&greetingTimeout=10000&socketTimeout=30000`,
      )
    : nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
        ...timeouts,
      });
  return {
    async send(mail) {
      await transporter.sendMail({ ...mail, headers: { 'Auto-Submitted': 'auto-generated' } });
    },
    close: () => transporter.close(),
  };
}
