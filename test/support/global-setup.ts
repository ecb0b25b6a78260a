/**
 * Jest global setup (integration project): find the Temporal CLI once for every test file.
 * scripts/ensure-temporal-cli.sh prints its path (TEMPORAL_CLI, the cache, PATH, or a one-off
 * `go install`); exit 3 means none can be provided, and the tests fall back to the SDK's download.
 * The path is exported as TEMPORAL_CLI (inherited by the test workers).
 */
import { resolveTemporalCliDetailed } from '../../libs/temporal/src/dev-server/resolve-cli';

export default async function globalSetup(): Promise<void> {
  const { executable, log, tookMs } = await resolveTemporalCliDetailed();
  if (log) process.stderr.write(`\n${log}\n`);
  if (executable.type === 'existing-path') {
    process.env.TEMPORAL_CLI = executable.path;
    process.stderr.write(`[global-setup] Temporal CLI: ${executable.path} (resolved in ${tookMs} ms)\n`);
  } else {
    delete process.env.TEMPORAL_CLI;
    process.stderr.write(`[global-setup] no Temporal CLI here (${tookMs} ms): tests use the Temporal SDK's download\n`);
  }
}
