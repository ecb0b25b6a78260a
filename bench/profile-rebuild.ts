/**
 * Where a rebuild's time goes: each read model rebuilt alone from the same cached store.
 * `node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/profile-rebuild.ts [events]`
 * (add --cpu-prof to node's flags for a CPU profile).
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@tdkt/event-store';
import { defaultProjections, rebuild, SqliteReadModelDb } from '@tdkt/projections';
import { ensureSeededStore } from './seed/seed-store';
import { scratchDir } from './lib/paths';

async function main() {
  const events = Number(process.argv[2] ?? 100_000);
  const seeded = await ensureSeededStore({ kind: 'realistic', events }, console.log);
  for (const only of [undefined, ...defaultProjections().map((p) => p.name)]) {
    const scratch = scratchDir('profile');
    const store = new SqliteEventStore({ filename: seeded.file });
    const db = SqliteReadModelDb.open(join(scratch.dir, 'rm.sqlite'));
    const projections = only ? defaultProjections().filter((p) => p.name === only) : defaultProjections();
    const r = await rebuild(db, store, { projections });
    console.log(
      `${(only ?? 'all four').padEnd(16)} ${Math.round(r.events / (r.elapsedMs / 1000))
        .toLocaleString('en')
        .padStart(9)} events/s  (${r.elapsedMs} ms)`,
    );
    await db.close();
    await store.close();
    scratch.remove();
  }
}
main();
