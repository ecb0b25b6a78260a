import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Which Temporal CLI runs the dev server (same shape as `@temporalio/testing`'s EphemeralServerExecutable). */
export type TemporalCliExecutable =
  { type: 'existing-path'; path: string } | { type: 'cached-download'; downloadDir?: string; version?: string };

const sourceRoot = resolve(__dirname, '../../../..');
const repoRoot = sourceRoot.endsWith('dist') ? resolve(sourceRoot, '..') : sourceRoot;
export const ENSURE_TEMPORAL_CLI_SCRIPT = resolve(repoRoot, 'scripts', 'ensure-temporal-cli.sh');

export interface ResolvedTemporalCli {
  executable: TemporalCliExecutable;
  /** What the script said (its progress lines, from stderr). */
  log: string;
  tookMs: number;
}

/**
 * Runs scripts/ensure-temporal-cli.sh: the path it prints (TEMPORAL_CLI, the cache, PATH or a
 * `go install`), or — on exit 3, nothing can be provided here — the Temporal SDK's own download.
 */
export function resolveTemporalCliDetailed(
  opts: { script?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ResolvedTemporalCli> {
  const script = opts.script ?? ENSURE_TEMPORAL_CLI_SCRIPT;
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    if (!existsSync(script)) {
      resolvePromise({ executable: { type: 'cached-download' }, log: `${script} not found`, tookMs: 0 });
      return;
    }
    execFile(
      'bash',
      [script],
      { env: opts.env ?? process.env, timeout: opts.timeoutMs ?? 45 * 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const tookMs = Date.now() - started;
        const log = String(stderr).trim();
        const code: unknown = error ? (error as { code?: unknown }).code : 0;
        if (code === 3) return resolvePromise({ executable: { type: 'cached-download' }, log, tookMs });
        if (error) return reject(new Error(`${script} failed (${String(code)}): ${log || error.message}`));
        const path = String(stdout).trim().split('\n').pop() ?? '';
        if (!path) return reject(new Error(`${script} printed no path: ${log}`));
        resolvePromise({ executable: { type: 'existing-path', path }, log, tookMs });
      },
    );
  });
}

export async function resolveTemporalCli(
  opts?: Parameters<typeof resolveTemporalCliDetailed>[0],
): Promise<TemporalCliExecutable> {
  return (await resolveTemporalCliDetailed(opts)).executable;
}
