/**
 * Child process: the baseline of scenario 4 — a bare node:http server that answers every request
 * with one fixed JSON body (the same bytes our API returned for the same kind of request).
 */
import { createServer } from 'node:http';

let body = Buffer.from('{}');
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;

process.on('message', (m: { type: string; body?: string }) => {
  if (m?.type === 'body' && m.body !== undefined) {
    body = Buffer.from(m.body);
    process.send!({ type: 'body-set' });
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
