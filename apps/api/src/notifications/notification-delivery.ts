import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';
import { DigestClock } from './digest-clock';
import { MailOutbox } from './mail-outbox';
import { smtpTransport } from './mail-transport';
import { NOTIFICATION_OPTIONS } from './notification-tokens';
import type { ResolvedNotificationOptions } from './notification-options';

/**
 * Mail delivery in the API process: the outbox sender and the digest clock, started with the app
 * and stopped before it closes. Without a relay configured (no SMTP_URL / SMTP_HOST) neither runs
 * and the projection queues nothing: notifications stay in the app.
 */
@Injectable()
export class NotificationDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly outbox?: MailOutbox;
  readonly digest?: DigestClock;
  private readonly logger = new Logger('Notifications');

  constructor(
    @Inject(API_RUNTIME) runtime: ApiRuntime,
    @Inject(NOTIFICATION_OPTIONS) options: ResolvedNotificationOptions,
  ) {
    const { smtp, mailFrom, digestTime } = runtime.config.notifications;
    if (!smtp) return;
    const warn = (what: string) => (e: Error) => this.logger.warn(`${what}: ${e.message}`);
    this.outbox = new MailOutbox(runtime.readDb, smtpTransport(smtp), mailFrom, options, warn('Mail outbox'));
    this.digest = new DigestClock(runtime.readDb, runtime.directory, digestTime, options, warn('Daily digest'));
  }

  onApplicationBootstrap(): void {
    this.outbox?.start();
    this.digest?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.digest?.stop();
    await this.outbox?.stop();
  }
}
