/**
 * Child process: a closed-loop HTTP load generator (keep-alive, `concurrency` requests in flight),
 * kept out of the server's process so it does not steal the server's event loop. Cycles through
 * `paths`; reports requests/s and latency percentiles; any status other than 200 is an error.
 */
import { Agent, request } from 'node:http';
import { summarise } from '../lib/stats';

export interface LoadSpec {
  type: 'run';
  baseUrl: string;
  paths: string[];
  token?: string;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  type: 'result';
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  avgBytes: number;
  /** Requests sent, warm-up included: more than `paths.length` means the list was cycled (paths repeated). */
  sent: number;
}

function once(
  agent: Agent,
  u: URL,
  path: string,
  token?: string,
): Promise<{ status: number; bytes: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: Number(u.port),
        path,
        agent,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      },
      (res) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (res.statusCode !== 200 && chunks.length < 4) chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            bytes,
            body: chunks.length ? Buffer.concat(chunks).toString().slice(0, 300) : undefined,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const u = new URL(spec.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;
  let next = 0;
  const warmupEnd = performance.now() + spec.warmupSeconds * 1000;
  const end = warmupEnd + spec.seconds * 1000;
  const loop = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const path = spec.paths[next++ % spec.paths.length];
      try {
        const r = await once(agent, u, path, spec.token);
        if (t0 < warmupEnd) continue;
        latencies.push(performance.now() - t0);
        bytes += r.bytes;
        if (r.status !== 200) {
          errors++;
          firstError ??= `${r.status} ${path} ${r.body ?? ''}`;
        }
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, loop));
  agent.destroy();
  const s = summarise(latencies);
  return {
    type: 'result',
    requests: latencies.length,
    errors,
    firstError,
    seconds: spec.seconds,
    requestsPerSecond: latencies.length / spec.seconds,
    p50: s.p50,
    p99: s.p99,
    avgBytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
    sent: next,
  };
}

process.on('message', (m: LoadSpec) => {
  if (m?.type === 'run')
    run(m).then(
      (r) => process.send!(r),
      (e) => process.send!({ type: 'result', requests: 0, errors: 1, firstError: String(e) }),
    );
});
process.send!({ type: 'ready' });
