import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { latestNotificationPosition, notificationsAfter, unreadCount } from '@tdkt/projections';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';
import { NOTIFICATION_OPTIONS } from './notification-tokens';
import type { ResolvedNotificationOptions } from './notification-options';

/** The few members of Node's ServerResponse / IncomingMessage a stream uses. */
export interface StreamResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: string): boolean;
  end(): unknown;
  flushHeaders?(): void;
}
export interface StreamRequest {
  on(event: 'close', listener: () => void): unknown;
}

interface Client {
  username: string;
  res: StreamResponse;
  /** Position of the last notification sent on this stream. */
  cursor: number;
  unread?: number;
  chain: Promise<void>;
  closed: boolean;
  expiry?: NodeJS.Timeout;
}

/**
 * Live notifications over Server-Sent Events. Every stream gets `event: unread` (the count) at
 * once and whenever it changes, and `event: notification` (id = the event's position, so a
 * reconnecting EventSource resumes with Last-Event-ID) for each new one. New notifications are
 * noticed when this process's projection runner moves on (every replica's runner passes every
 * position, whichever applied it); read marks made here are pushed at once, those made on another
 * replica with the heartbeat.
 */
@Injectable()
export class NotificationStreams implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly clients = new Set<Client>();
  private poll?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private position = 0;

  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: ResolvedNotificationOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.position = this.runtime.runner.currentPosition();
    this.poll = setInterval(() => {
      const at = this.runtime.runner.currentPosition();
      if (at === this.position) return;
      this.position = at;
      for (const c of this.clients) this.refresh(c);
    }, this.options.streamPollMs);
    this.heartbeat = setInterval(() => {
      for (const c of this.clients) {
        c.res.write(': keep-alive\n\n');
        this.refresh(c);
      }
    }, this.options.streamHeartbeatMs);
    this.poll.unref();
    this.heartbeat.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.poll);
    clearInterval(this.heartbeat);
    for (const c of this.clients) this.close(c);
  }

  /** How many streams are open (health, tests). */
  get size(): number {
    return this.clients.size;
  }

  /** Opens a stream for the person; `lastEventId`: resume after that position (else from now). */
  async open(username: string, req: StreamRequest, res: StreamResponse, lastEventId?: number): Promise<void> {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx and similar proxies must not buffer the stream
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const cursor = lastEventId ?? (await latestNotificationPosition(this.runtime.readDb, username));
    const client: Client = { username, res, cursor, chain: Promise.resolve(), closed: false };
    this.clients.add(client);
    req.on('close', () => this.close(client));
    client.expiry = setTimeout(() => this.close(client), this.options.streamMaxMs);
    this.refresh(client);
  }

  /** The person's unread count changed here (a read mark): tell their open streams now. */
  poke(username: string): void {
    for (const c of this.clients) if (c.username === username) this.refresh(c);
  }

  private refresh(c: Client): void {
    c.chain = c.chain.then(() => this.send(c)).catch(() => this.close(c));
  }

  private async send(c: Client): Promise<void> {
    if (c.closed) return;
    const db = this.runtime.readDb;
    for (;;) {
      const items = await notificationsAfter(db, c.username, c.cursor, 100);
      for (const n of items) {
        if (c.closed) return;
        c.res.write(`id: ${n.position}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`);
        c.cursor = n.position;
      }
      if (items.length < 100) break;
    }
    const unread = await unreadCount(db, c.username);
    if (c.closed || unread === c.unread) return;
    c.unread = unread;
    c.res.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
  }

  private close(c: Client): void {
    if (c.closed) return;
    c.closed = true;
    this.clients.delete(c);
    clearTimeout(c.expiry);
    try {
      c.res.end();
    } catch {
      // already gone
    }
  }
}
