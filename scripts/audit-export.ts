/**
 * `npm run audit:export -- --out FILE [--from LEAF|ISO] [--to SIZE|ISO]`: writes the audit bundle
 * (scripts/audit/bundle-format.ts) from the store and read models of the app config (TDKT_DATA_DIR,
 * EVENTSTORE_CONNECTION_STRING, DATABASE_URL); signs a checkpoint at the export's size when none
 * exists, with the authority's key (TDKT_AUDIT_SIGNING_KEY_FILE, else the data dir's). Safe while the
 * system runs.
 */
import { loadAppConfig } from '@tdkt/config';
import { auditLogOf, createEventStore, loadCheckpointSigner } from '@tdkt/event-store';
import { openReadModelDb } from '@tdkt/projections';
import { exportBundle } from './audit/export-bundle';

function option(name: string): string | undefined {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = process.argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1];
}

async function main(): Promise<number> {
  const out = option('out');
  if (!out) {
    process.stderr.write('Cách dùng: npm run audit:export -- --out FILE [--from LÁ|ISO] [--to KÍCH_THƯỚC|ISO]\n');
    return 2;
  }
  const config = loadAppConfig();
  const store = createEventStore(config);
  const readDb = await openReadModelDb({ databaseUrl: config.databaseUrl, sqliteFile: config.readModelFile });
  try {
    const signer = loadCheckpointSigner(config.audit.signingKeyFile, { create: false });
    const r = await exportBundle({
      log: auditLogOf(store),
      readDb,
      signer,
      out,
      from: option('from'),
      to: option('to'),
    });
    process.stdout.write(
      `Đã xuất ${out}: ${r.events} sự kiện (lá ${r.fromIndex}–${r.treeSize - 1}), ${r.checkpoints} điểm chốt, ` +
        `${r.registryRows} dòng sổ khen thưởng; gốc đã ký ${r.checkpoint.rootHash} (kích thước ${r.treeSize})\n`,
    );
    return 0;
  } finally {
    await readDb.close();
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`Xuất thất bại: ${error.message}\n`);
    process.exit(1);
  },
);
