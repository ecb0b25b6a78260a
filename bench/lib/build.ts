import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { REPO_ROOT } from './paths';

let built: Promise<void> | undefined;

/** `npm run build` + `build:workflows` once per bench run: processes under test run dist/, as `npm start` does. */
export function buildOnce(log: (line: string) => void = () => undefined): Promise<void> {
  built ??= (async () => {
    // Repeated runs of one measurement on an unchanged tree may reuse dist/ (the build is ~1 min quiet).
    if (process.env.TDKT_BENCH_SKIP_BUILD === '1') return log('  dist/ reused (TDKT_BENCH_SKIP_BUILD=1)');
    const t0 = Date.now();
    const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` };
    for (const script of ['build', 'build:workflows'])
      execFileSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    log(`  dist/ built in ${((Date.now() - t0) / 1000).toFixed(1)} s (the stack processes run compiled JavaScript)`);
  })();
  return built;
}

/**
 * Whether the processes under test run compiled JavaScript from dist/ (default, as `npm start` and the
 * image do) or the TypeScript sources through ts-node (`TDKT_BENCH_TS=1`, ~70 MiB more RSS a process).
 */
export function runsCompiled(): boolean {
  return process.env.TDKT_BENCH_TS !== '1';
}

/** dist/ path of a compiled repository module (`bench/stack/embedded-main.ts` → `dist/bench/stack/embedded-main.js`). */
export function compiledPath(repoRelativeTs: string): string {
  const path = join(REPO_ROOT, 'dist', repoRelativeTs.replace(/\.ts$/, '.js'));
  if (!existsSync(path)) throw new Error(`${path} missing: run npm run build`);
  return path;
}
