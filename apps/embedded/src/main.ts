/**
 * `npm start`: the whole system in one process on a local data directory (TDKT_DATA_DIR, default
 * ./data). Prints the URLs and the demo logins; Ctrl-C (or SIGTERM) stops every part, including
 * the Temporal dev server; starting again resumes from the same data.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startEmbedded, type EmbeddedSystem } from './embedded';

/** Launcher lines go straight to stdout: the Nest apps narrow the global Nest log levels. */
const say = (line: string) => process.stdout.write(`[tdkt] ${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const system = await startEmbedded({ onProgress: say });
  printBanner(system, Date.now() - started);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      say('Stopping already; press Ctrl-C again to exit at once');
      process.once('SIGINT', () => process.exit(130));
      return;
    }
    stopping = true;
    say(`${signal}: stopping the API, projections, worker and Temporal dev server…`);
    const t = Date.now();
    await system.stop();
    say(`Stopped in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function printBanner(s: EmbeddedSystem, tookMs: number): void {
  const org = s.runtime.directory.org;
  const lines = [
    '',
    s.webApp
      ? `TĐKT: open ${s.url}/ in a browser`
      : `TĐKT: web app not built (npm run build:web) — API at ${s.url}/api`,
    `TĐKT is running (started in ${(tookMs / 1000).toFixed(1)} s) — data in ${s.config.dataDir}`,
    ...(s.webApp ? [`  Web app      ${s.url}/`] : []),
    `  Runtime      Node ${process.version} (${process.execPath})`,
    `  API          ${s.url}/api`,
    `  Health       ${s.url}/health`,
    `  OpenAPI docs ${s.url}/api/docs`,
    `  Registry     ${s.url}/api/registry`,
    s.temporalUiUrl ? `  Temporal UI  ${s.temporalUiUrl}` : `  Temporal     ${s.config.temporal.address} (external)`,
    '',
  ];
  if (s.config.host !== '127.0.0.1' && s.config.host !== 'localhost' && s.config.host !== '::1')
    lines.push(
      `Listening on ${s.config.host} (HOST): other machines can reach it${org.demoPassword ? ', and the demo passwords below are public' : ''}`,
      '',
    );
  if (s.config.mode === 'embedded' && org.demoPassword) {
    lines.push(`Demo logins (password ${org.demoPassword}) — ${org.province}:`);
    for (const u of org.users)
      lines.push(`  ${u.username.padEnd(18)} ${u.roles.join(', ').padEnd(28)} ${u.displayName}`);
    lines.push(
      '',
      `  curl -s -X POST ${s.url}/api/auth/login -H 'Content-Type: application/json' -d '{"username":"canbo.donvi1","password":"${org.demoPassword}"}'`,
    );
  }
  lines.push('', 'Ctrl-C stops everything; npm start again resumes from the same data.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err) => {
  new Logger('Embedded').error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
