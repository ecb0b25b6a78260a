import { randomUUID } from 'node:crypto';
import { ConcurrencyError, type EventStore, type RecordedEvent } from '../event-store.port';
import type { AuditLog, LoggedEvent, SignedCheckpoint } from './audit-log.port';
import { newLeafSalt, saltedLeafHash, toStoredEnvelope } from './leaf';
import { frontierOf } from './merkle/frontier';
import type { Hash } from './merkle/hashing';
import { MemoryTree } from './merkle/memory-tree';
import { consistencyProof, inclusionProof, rootHash } from './merkle/tree';

/** The log's own streams: never leaves of the log they describe. */
export const AUDIT_STREAM_PREFIX = 'tdkt-audit-';
export const AUDIT_LEAVES_STREAM = `${AUDIT_STREAM_PREFIX}leaves`;
export const AUDIT_CHECKPOINTS_STREAM = `${AUDIT_STREAM_PREFIX}checkpoints`;

/**
 * One logged event as the leaves stream records it: [eventId, stream, revision, position, leaf hash hex,
 * salt hex]. The salt is absent from records written before leaves were salted (v1 leaves).
 */
type LeafRecord = [string, string, number, number, string, string?];

interface LeavesAppended {
  fromIndex: number;
  leaves: LeafRecord[];
}

export interface FollowingAuditLogOptions {
  /** Events read from $all per step (default 500). */
  batchSize?: number;
}

/**
 * The audit log of a store whose global positions are not dense (EventStoreDB): it follows $all in
 * order and writes the leaves, in batches, to its own stream `tdkt-audit-leaves` with the expected
 * revision it last read. That expected revision makes it a single writer however many processes run
 * it: one wins each batch, the others get a ConcurrencyError, read the winner's batch and carry on
 * from there, so every process holds the same log, in $all order. The tree lives in memory (32 bytes
 * per leaf and their parents), rebuilt from the leaves stream on start. Works over any EventStore.
 */
export class FollowingAuditLog implements AuditLog {
  private readonly tree = new MemoryTree();
  private readonly records: LeafRecord[] = [];
  private readonly byId = new Map<string, number>();
  private leavesRevision = -1;
  private followedPosition = 0;
  private checkpointsRevision = -1;
  private readonly checkpointsBySize = new Map<number, SignedCheckpoint>();
  private syncing?: Promise<void>;
  /** Leaves before the first salted one (records from before salting). */
  private unsalted = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: FollowingAuditLogOptions = {},
  ) {}

  /** Catches up with the leaves stream and then with $all (appending the new leaves). */
  sync(): Promise<void> {
    this.syncing ??= this.syncNow().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncNow(): Promise<void> {
    for (;;) {
      await this.readLeavesStream();
      const batch = await this.store.readAll({
        fromPosition: this.followedPosition,
        maxCount: this.options.batchSize ?? 500,
      });
      const fresh = batch.filter((e) => !e.stream.startsWith(AUDIT_STREAM_PREFIX));
      if (batch.length === 0) return;
      if (fresh.length === 0) {
        this.followedPosition = batch[batch.length - 1].position;
        continue;
      }
      const appended: LeavesAppended = {
        fromIndex: this.records.length,
        leaves: fresh.map((e) => {
          const salt = newLeafSalt();
          const leaf = saltedLeafHash(toStoredEnvelope(e), salt).toString('hex');
          return [e.id, e.stream, e.revision, e.position, leaf, salt.toString('hex')];
        }),
      };
      try {
        await this.store.append(
          AUDIT_LEAVES_STREAM,
          [{ id: randomUUID(), type: 'AuditLeavesAppended', data: appended, metadata: systemMetadata() }],
          this.leavesRevision === -1 ? 'no_stream' : this.leavesRevision,
        );
      } catch (error) {
        if (error instanceof ConcurrencyError) continue; // another follower wrote this batch: read it
        throw error;
      }
      // Applied when read back on the next turn, exactly like another follower's batch.
    }
  }

  private async readLeavesStream(): Promise<void> {
    const events = await this.store.readStream(AUDIT_LEAVES_STREAM, { fromRevision: this.leavesRevision + 1 });
    for (const e of events) {
      const batch = e.data as LeavesAppended;
      if (batch.fromIndex !== this.records.length)
        throw new Error(
          `The audit leaves stream is broken at revision ${e.revision}: expected index ${this.records.length}`,
        );
      for (const leaf of batch.leaves) {
        if (leaf[5] === undefined) this.unsalted = this.records.length + 1;
        this.byId.set(leaf[0], this.records.length);
        this.records.push(leaf);
        this.tree.append(Buffer.from(leaf[4], 'hex'));
        this.followedPosition = leaf[3];
      }
      this.leavesRevision = e.revision;
    }
  }

  async size(): Promise<number> {
    await this.sync();
    return this.tree.size;
  }

  async unsaltedLeaves(): Promise<number> {
    await this.sync();
    return this.unsalted;
  }

  async root(treeSize: number): Promise<Hash> {
    await this.assertWithin(treeSize);
    return rootHash(this.tree, treeSize);
  }

  async leafHash(index: number): Promise<Hash> {
    await this.assertWithin(index + 1);
    return this.tree.leaf(index);
  }

  async leafHashes(fromIndex: number, count: number): Promise<Hash[]> {
    await this.sync();
    const out: Hash[] = [];
    for (let i = fromIndex; i < Math.min(this.tree.size, fromIndex + count); i++) out.push(this.tree.leaf(i));
    return out;
  }

  async findEvent(eventId: string): Promise<LoggedEvent | undefined> {
    await this.sync();
    const index = this.byId.get(eventId);
    if (index === undefined) return undefined;
    return (await this.readLeaves(index, 1))[0];
  }

  async readLeaves(fromIndex: number, count: number): Promise<LoggedEvent[]> {
    await this.sync();
    const out: LoggedEvent[] = [];
    for (let index = fromIndex; index < Math.min(this.records.length, fromIndex + count); index++) {
      const [, stream, revision, , , salt] = this.records[index];
      const [event] = await this.store.readStream(stream, { fromRevision: revision, maxCount: 1 });
      const saltBytes = salt === undefined ? undefined : Buffer.from(salt, 'hex');
      out.push({ index, event: event ?? missing(this.records[index]), salt: saltBytes });
    }
    return out;
  }

  async inclusionProof(index: number, treeSize: number): Promise<Hash[]> {
    await this.assertWithin(treeSize);
    return inclusionProof(this.tree, index, treeSize);
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<Hash[]> {
    await this.assertWithin(toSize);
    return consistencyProof(this.tree, fromSize, toSize);
  }

  async frontier(size: number): Promise<Hash[]> {
    await this.assertWithin(size);
    return frontierOf(this.tree, size);
  }

  async saveCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    await this.readCheckpoints();
    if (this.checkpointsBySize.has(checkpoint.treeSize)) return;
    await this.store.append(
      AUDIT_CHECKPOINTS_STREAM,
      [{ id: randomUUID(), type: 'AuditCheckpointSigned', data: checkpoint, metadata: systemMetadata() }],
      'any',
    );
    await this.readCheckpoints();
  }

  async checkpoints(options: { fromSize?: number; toSize?: number; limit?: number } = {}): Promise<SignedCheckpoint[]> {
    await this.readCheckpoints();
    const list = [...this.checkpointsBySize.values()]
      .filter((c) => c.treeSize >= (options.fromSize ?? 0) && c.treeSize <= (options.toSize ?? Number.MAX_SAFE_INTEGER))
      .sort((a, b) => a.treeSize - b.treeSize);
    return options.limit !== undefined && options.limit >= 0 ? list.slice(0, options.limit) : list;
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    const list = await this.checkpoints();
    return list[list.length - 1];
  }

  private async readCheckpoints(): Promise<void> {
    const events = await this.store.readStream(AUDIT_CHECKPOINTS_STREAM, {
      fromRevision: this.checkpointsRevision + 1,
    });
    for (const e of events) {
      const c = e.data as SignedCheckpoint;
      if (!this.checkpointsBySize.has(c.treeSize)) this.checkpointsBySize.set(c.treeSize, c);
      this.checkpointsRevision = e.revision;
    }
  }

  private async assertWithin(treeSize: number): Promise<void> {
    await this.sync();
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > this.tree.size)
      throw new RangeError(`The audit log has ${this.tree.size} leaves, not ${treeSize}`);
  }
}

function systemMetadata() {
  return {
    actorId: 'system',
    actorRole: 'SYSTEM',
    occurredAt: new Date().toISOString(),
    correlationId: 'audit-log',
    schemaVersion: 1,
  };
}

/** A logged event that the store no longer returns: shown as such (its leaf stays in the log). */
function missing([id, stream, revision, position]: LeafRecord): RecordedEvent {
  return { id, stream, revision, position, type: '(missing)', data: null, metadata: systemMetadata(), recordedAt: '' };
}
