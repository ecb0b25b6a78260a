import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  storedEnvelope,
  toStoredEnvelope,
  type AuditLog,
  type CheckpointSigner,
  type Hash,
  type SignedCheckpoint,
  type StoredLeaf,
} from '@tdkt/event-store';
import { AwardRegistryProjection, readCheckpoints, registryAtPosition, type ReadModelDb } from '@tdkt/projections';
import { BUNDLE_FORMAT, type BundleLine } from './bundle-format';

export interface ExportOptions {
  log: AuditLog;
  readDb: ReadModelDb;
  /** Signs a checkpoint at the export's tree size when none exists yet. */
  signer: CheckpointSigner;
  out: string;
  /** First leaf to include: a leaf index (number) or an instant (ISO: the first event recorded then or later). */
  from?: string;
  /** Last leaf to include: a tree size (number) or an instant (ISO: events recorded up to then). */
  to?: string;
  pageSize?: number;
}

export interface ExportResult {
  treeSize: number;
  fromIndex: number;
  events: number;
  checkpoints: number;
  registryRows: number;
  checkpoint: SignedCheckpoint;
}

/**
 * Writes the bundle an outside auditor verifies offline: the log's events and leaf hashes, every
 * checkpoint up to the export's size (one is signed at that size if none exists), the public key and
 * the award registry as the read model showed it at that point of the log.
 */
export async function exportBundle(options: ExportOptions): Promise<ExportResult> {
  const { log, readDb, signer } = options;
  const size = await log.size();
  const registry = new AwardRegistryProjection();
  const registryPosition = (await readCheckpoints(readDb, [registry])).get(registry.name) ?? 0;
  // The registry read model may trail the log: export no further than it has projected.
  const projected = await sizeAtPosition(log, size, registryPosition);
  let treeSize = projected;
  if (options.to !== undefined) {
    const wanted = /^\d+$/.test(options.to) ? Number(options.to) : await sizeAtInstant(log, size, options.to);
    if (wanted > projected)
      throw new Error(
        `Bảng đọc sổ khen thưởng mới cập nhật đến ${projected} sự kiện, chưa đến ${wanted}: thử lại sau (read models behind)`,
      );
    treeSize = wanted;
  }
  if (treeSize === 0) throw new Error('Nhật ký chưa có sự kiện nào để xuất (the log is empty)');
  const fromIndex =
    options.from === undefined
      ? 0
      : /^\d+$/.test(options.from)
        ? Number(options.from)
        : await sizeAtInstant(log, size, options.from, true);
  if (fromIndex >= treeSize) throw new Error(`--from (${fromIndex}) phải nhỏ hơn --to (${treeSize})`);

  let checkpoint = (await log.checkpoints({ fromSize: treeSize, toSize: treeSize }))[0];
  if (!checkpoint) {
    await log.saveCheckpoint(signer.sign(treeSize, await log.root(treeSize)));
    checkpoint = (await log.checkpoints({ fromSize: treeSize, toSize: treeSize }))[0];
  }
  const checkpoints = await log.checkpoints({ toSize: treeSize });
  const lastPosition = (await log.readLeaves(treeSize - 1, 1))[0].event.position;

  const out = createWriteStream(options.out);
  const write = async (line: BundleLine) => {
    if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
  };
  await write({
    kind: 'header',
    format: BUNDLE_FORMAT,
    exportedAt: new Date().toISOString(),
    treeSize,
    fromIndex,
    registryPosition: lastPosition,
  });
  await write({ kind: 'publicKey', algorithm: 'Ed25519', keyId: signer.keyId, publicKeyPem: signer.publicKeyPem() });
  for (const c of checkpoints) await write({ kind: 'checkpoint', ...c });
  if (fromIndex > 0)
    await write({
      kind: 'prefix',
      size: fromIndex,
      hashes: (await log.frontier(fromIndex)).map((h) => h.toString('hex')),
    });
  const pageSize = options.pageSize ?? 5_000;
  let events = 0;
  for (let index = fromIndex; index < treeSize; index += pageSize) {
    const count = Math.min(pageSize, treeSize - index);
    const [leaves, hashes] = await Promise.all([storedLeaves(log, index, count), log.leafHashes(index, count)]);
    // A page is one write: each line built around the event's stored text, not re-serialised.
    let text = '';
    for (const leaf of leaves) text += eventLine(leaf, hashes[leaf.index - index]);
    if (!out.write(text)) await once(out, 'drain');
    events += leaves.length;
  }
  const awards = await registryAtPosition(readDb, lastPosition);
  for (const award of awards) await write({ kind: 'registry', award });
  out.end();
  await once(out, 'finish');
  return { treeSize, fromIndex, events, checkpoints: checkpoints.length, registryRows: awards.length, checkpoint };
}

/** The log's events as stored (SQLite keeps the text), else as read and serialised again (the same text). */
async function storedLeaves(log: AuditLog, index: number, count: number): Promise<StoredLeaf[]> {
  if (log.readStoredLeaves) return log.readStoredLeaves(index, count);
  return (await log.readLeaves(index, count)).map((l) => ({
    index: l.index,
    envelope: toStoredEnvelope(l.event),
    recordedAt: l.event.recordedAt,
    salt: l.salt,
  }));
}

/**
 * An event line (bundle-format.ts), its `event` last and exactly the v2 envelope the leaf hashes:
 * the verifier hashes those bytes as they are.
 */
function eventLine(leaf: StoredLeaf, hash: Hash | undefined): string {
  const salt = leaf.salt ? `,"salt":"${leaf.salt.toString('hex')}"` : '';
  return `{"kind":"event","index":${leaf.index},"leafHash":"${(hash ?? Buffer.alloc(0)).toString('hex')}"${salt},"recordedAt":${JSON.stringify(leaf.recordedAt)},"event":${storedEnvelope(leaf.envelope)}}\n`;
}

/** How many leaves have an event position ≤ `position` (binary search over the log). */
async function sizeAtPosition(log: AuditLog, size: number, position: number): Promise<number> {
  return search(size, async (i) => (await log.readLeaves(i, 1))[0].event.position <= position);
}

/** How many leaves were recorded at or before `instant` (or before it, with `strict`). */
async function sizeAtInstant(log: AuditLog, size: number, instant: string, strict = false): Promise<number> {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new Error(`Không hiểu thời điểm "${instant}" (ISO-8601 expected)`);
  return search(size, async (i) => {
    const at = Date.parse((await log.readLeaves(i, 1))[0].event.recordedAt);
    return strict ? at < t : at <= t;
  });
}

/** The number of leading leaves for which `holds` is true (it must hold for a prefix of the log). */
async function search(size: number, holds: (index: number) => Promise<boolean>): Promise<number> {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
