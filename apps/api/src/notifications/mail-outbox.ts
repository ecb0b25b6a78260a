import { claimMail, dueMails, markMailFailed, markMailSent, type ReadModelDb } from '@tdkt/projections';
import type { MailTransport } from './mail-transport';
import { retryDelay, type ResolvedNotificationOptions } from './notification-options';

/**
 * Sends what the notifications projection queued. Each mail is claimed for one attempt (several
 * API replicas share the outbox), sent with its notification id as Message-ID, and marked sent
 * only once the relay accepted it. A refusal (4xx/5xx at any step) or a relay that is down is
 * retried with exponential back-off until `maxAttempts`; then the mail stays as `failed`, with
 * the last error, for an operator to see. A crash between the relay's 250 and the `sent` mark is
 * the one case that can send twice (SMTP has no idempotent submit): the same Message-ID lets
 * mail clients fold such a duplicate.
 */
export class MailOutbox {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly db: ReadModelDb,
    private readonly transport: MailTransport,
    private readonly from: string,
    private readonly options: ResolvedNotificationOptions,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.drain()
        .catch((e: Error) => this.onError(e))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.mailPollMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.transport.close();
  }

  /** One pass over the mail due now; resolves with the mails sent. Passes never overlap. */
  drain(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await dueMails(this.db, this.options.now(), 20);
      if (due.length === 0 || this.stopped) return sent;
      let progressed = false;
      for (const mail of due) {
        if (this.stopped) return sent;
        if (!(await claimMail(this.db, mail.id, this.options.now(), this.options.leaseMs))) continue;
        progressed = true;
        const attempt = mail.attempts + 1;
        try {
          await this.transport.send({
            from: this.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            messageId: `<${mail.id.replace(/[^A-Za-z0-9.:_-]/g, '.')}@tdkt>`,
          });
          await markMailSent(this.db, mail.id, this.options.now());
          sent++;
        } catch (error) {
          const giveUp = attempt >= this.options.maxAttempts;
          const wait = retryDelay(attempt, this.options.retryBaseMs, this.options.retryMaxMs);
          const retryAt = giveUp ? null : new Date(this.options.now().getTime() + wait);
          await markMailFailed(this.db, mail.id, describe(error), retryAt);
        }
      }
      if (!progressed) return sent;
    }
  }
}

function describe(error: unknown): string {
  const e = error as { message?: string; responseCode?: number; command?: string };
  return [e.responseCode, e.command, e.message].filter((x) => x !== undefined && x !== '').join(' ');
}
