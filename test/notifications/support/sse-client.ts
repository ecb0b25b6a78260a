/** A Server-Sent Events reader over Node's http client (what a browser's EventSource does, minus reconnecting). */
import { get, type IncomingMessage } from 'node:http';

export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

export interface SseStream {
  status: number;
  contentType: string;
  /** The body when the answer was not a stream (e.g. a 401). */
  body: string;
  /** The next event of this type (default any) matching `match`, waiting up to `timeoutMs`. */
  next(event?: string, match?: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res: IncomingMessage) => {
      const queue: SseEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const e: SseEvent = { event: 'message', data: '' };
          const data: string[] = [];
          let any = false;
          for (const line of block.split('\n')) {
            if (!line || line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') e.event = value;
            else if (field === 'id') e.id = value;
            else if (field === 'data') data.push(value);
            else continue;
            any = true;
          }
          if (!any || data.length === 0) continue;
          e.data = data.join('\n');
          queue.push(e);
        }
        for (const w of [...waiters]) w();
      });
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        get body() {
          return body;
        },
        next(event, match = () => true, timeoutMs = 10_000) {
          return new Promise((done, fail) => {
            const check = () => {
              const i = queue.findIndex((e) => (!event || e.event === event) && match(e));
              if (i < 0) return false;
              const [e] = queue.splice(i, 1);
              waiters.delete(check);
              clearTimeout(timer);
              done(e);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no ${event ?? 'event'} within ${timeoutMs} ms; seen: ${JSON.stringify(queue)}`));
            }, timeoutMs);
            if (!check()) waiters.add(check);
          });
        },
        close: () => req.destroy(),
      };
      if (stream.status !== 200) res.on('end', () => resolve(stream));
      else resolve(stream);
    });
    req.on('error', reject);
  });
}
