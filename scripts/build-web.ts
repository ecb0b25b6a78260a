/**
 * Builds the web application (apps/web → dist/web, served by the API at /):
 *   1. the API's OpenAPI document, written without a server (scripts/write-openapi.ts);
 *   2. the client types from it (openapi-typescript → apps/web/src/api/openapi.d.ts);
 *   3. a type check of the web app against them (a changed DTO fails here, not on a screen);
 *   4. the Vite production build.
 * Skipped when nothing it reads changed since the last build (a fingerprint of the API, domain and web
 * sources and the lockfile in dist/web/.build-fingerprint), so `npm start` and the browser tests stay fast.
 * `--force` builds anyway.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist', 'web');
const STAMP = join(OUT, '.build-fingerprint');
const DOC = join(ROOT, 'apps/web/src/api/openapi.json');
const TYPES = join(ROOT, 'apps/web/src/api/openapi.d.ts');
const INPUTS = [
  'apps/api/src',
  'apps/web',
  'libs/domain/src',
  'libs/projections/src',
  'package-lock.json',
  'scripts/build-web.ts',
];
const GENERATED = new Set([DOC, TYPES]);

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((n) => n !== 'node_modules')
    .flatMap((n) => files(join(path, n)));
}

/** Path, size and modification time of every input (contents of a few MB would be slower to hash for nothing). */
export function webFingerprint(): string {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap((p) => files(join(ROOT, p))).sort()) {
    if (GENERATED.has(f) || f.endsWith('.spec.ts')) continue;
    const st = statSync(f);
    h.update(`${relative(ROOT, f)}:${st.size}:${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal})`);
  process.stdout.write(`[web] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

export function buildWeb(options: { force?: boolean } = {}): 'built' | 'up to date' {
  const fingerprint = webFingerprint();
  if (!options.force && existsSync(join(OUT, 'index.html')) && existsSync(STAMP))
    if (readFileSync(STAMP, 'utf8').trim() === fingerprint) return 'up to date';
  const node = process.execPath;
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  run('OpenAPI document', node, [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    join(ROOT, 'scripts/write-openapi.ts'),
    DOC,
  ]);
  run('client types', bin('openapi-typescript'), [DOC, '-o', TYPES, '--root-types', '--alphabetize']);
  run('type check', bin('tsc'), ['-p', join(ROOT, 'apps/web/tsconfig.json')]);
  // Always the production bundle: Vite keeps a NODE_ENV already set, and under Jest (NODE_ENV=test) it
  // would bundle React's development build (twice the size, slower) into the same dist/web.
  run('bundle', bin('vite'), ['build', '--config', join(ROOT, 'apps/web/vite.config.ts'), '--logLevel', 'warn'], {
    ...process.env,
    NODE_ENV: 'production',
  });
  writeFileSync(STAMP, fingerprint + '\n');
  return 'built';
}

if (require.main === module) {
  try {
    const result = buildWeb({ force: process.argv.includes('--force') });
    process.stdout.write(`[web] ${result === 'built' ? 'built into' : 'up to date:'} ${relative(ROOT, OUT)}\n`);
  } catch (err) {
    process.stderr.write(`[web] ${(err as Error).message}\n`);
    process.exit(1);
  }
}
