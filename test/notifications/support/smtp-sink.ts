/**
 * A real SMTP server (smtp-server) on loopback for the tests: it records what it accepted and can
 * be told to refuse the next attempts (4xx at RCPT TO, 5xx at DATA) or be stopped and started
 * again on the same port (the relay down, then back).
 */
import { createServer } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  raw: string;
}

type SmtpError = Error & { responseCode: number };
const smtpError = (code: number, message: string): SmtpError =>
  Object.assign(new Error(message), { responseCode: code });

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Refuse this many coming RCPT TO commands with 451 (a temporary refusal). */
  refuseRcpt = 0;
  /** Refuse this many coming DATA transfers with 554 (the server refusing the message). */
  refuseData = 0;
  /** Attempts refused so far. */
  refused = 0;
  private server?: SMTPServer;

  private constructor(readonly port: number) {}

  /** A sink on a free port (`listen: false`: the port is chosen but nothing listens yet — the relay is down). */
  static async start(options: { listen?: boolean } = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(await freePort());
    if (options.listen !== false) await sink.listen();
    return sink;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address: SMTPServerAddress, _session, callback) => {
        if (this.refuseRcpt > 0) {
          this.refuseRcpt--;
          this.refused++;
          return callback(smtpError(451, '4.3.0 Hệ thống thư tạm thời bận, thử lại sau'));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.refuseData > 0) {
            this.refuseData--;
            this.refused++;
            return callback(smtpError(554, '5.7.1 Thư bị từ chối'));
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: decodeWords(header(raw, 'subject')),
            messageId: header(raw, 'message-id'),
            text: plainText(raw),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops listening (the relay goes down); `listen()` brings it back on the same port. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Mails to this address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  async waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const until = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > until)
        throw new Error(`expected ${count} mails, got ${this.received.length}: ${this.received.map((m) => m.subject)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.received;
  }
}

/** A header's value, unfolded. */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/** RFC 2047 encoded words (`=?UTF-8?B?...?=` / `=?UTF-8?Q?...?=`) → text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(qp(text.replace(/_/g, ' ')), 'latin1').toString('utf8'),
    );
}

/** Quoted-printable → bytes as a latin1 string. */
const qp = (s: string) =>
  s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The text/plain part, decoded. */
function plainText(raw: string): string {
  const at = raw.search(/content-type:\s*text\/plain/i);
  if (at < 0) return '';
  const part = raw.slice(at);
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n').split(/\r?\n--/)[0];
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head))
    return Buffer.from(qp(body), 'latin1').toString('utf8');
  return body;
}
