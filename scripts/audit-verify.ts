/**
 * `npm run audit:verify -- FILE [--public-key PEM_FILE]`: verifies an audit export offline (no server,
 * no database: this repository and Node only) and prints what it checked; exit code 0 only if all
 * holds. With --public-key, signatures are checked with the authority's key obtained out of band
 * (GET /api/audit/public-key) instead of the one in the file.
 */
import { readFileSync } from 'node:fs';
import { verifyBundle } from './audit/verify-bundle';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const keyAt = args.findIndex((a) => a === '--public-key' || a.startsWith('--public-key='));
  let keyFile: string | undefined;
  if (keyAt >= 0) keyFile = args[keyAt].includes('=') ? args[keyAt].split('=')[1] : args[keyAt + 1];
  const file = args.find((a, i) => !a.startsWith('--') && !(keyAt >= 0 && i === keyAt + 1));
  if (!file) {
    process.stderr.write('Cách dùng: npm run audit:verify -- FILE [--public-key PEM_FILE]\n');
    return 2;
  }
  const started = Date.now();
  process.stdout.write(`Kiểm tra ${file}\n`);
  const report = await verifyBundle(file, {
    trustedPublicKeyPem: keyFile ? readFileSync(keyFile, 'utf8') : undefined,
    print: (line) => process.stdout.write(`  ${line}\n`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    report.ok
      ? `HỢP LỆ: mọi kiểm tra đều đạt (${seconds} s)\n`
      : `KHÔNG HỢP LỆ: ${report.failures.length} lỗi (${seconds} s)\n`,
  );
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`Kiểm tra thất bại: ${error.message}\n`);
    process.exit(3);
  },
);
