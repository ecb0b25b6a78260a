import { Inject, Injectable } from '@nestjs/common';
import { checkpointBody, inclusionProofIsSalted, type RecordedEvent, type SignedCheckpoint } from '@tdkt/event-store';
import { domainError, DomainError, inclusionProofAccess, nominationStreamName, type Actor } from '@tdkt/domain';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';

/** A checkpoint as published: with the exact text its signature covers. */
export interface CheckpointView extends SignedCheckpoint {
  signedText: string;
}

export interface InclusionProofView {
  eventId: string;
  leafIndex: number;
  treeSize: number;
  /** The leaf hash (v2: salted; the salt is not given here), hex. */
  leafHash: string;
  /** RFC 9162 inclusion path, leaf side first, hex. */
  inclusionProof: string[];
  /** The signed checkpoint of `treeSize` (null when the size asked for was never signed). */
  checkpoint: CheckpointView | null;
}

export const checkpointView = (c: SignedCheckpoint): CheckpointView => ({
  ...c,
  signedText: checkpointBody(c).toString('utf8'),
});

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));

/** Proofs over the audit log, tied to signed checkpoints (a fresh one is signed when an event is newer than the last). */
@Injectable()
export class AuditProofs {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  private get log() {
    return this.runtime.audit.log;
  }

  /** The latest checkpoint covering at least `size` leaves, signed now if none does yet. */
  async checkpointCovering(size: number): Promise<SignedCheckpoint> {
    const latest = await this.log.latestCheckpoint();
    if (latest && latest.treeSize >= size) return latest;
    const issued = await this.runtime.audit.checkpointer.issue();
    if (!issued || issued.treeSize < size) throw domainError('CHECKPOINT_NOT_FOUND');
    return issued;
  }

  /**
   * An event's inclusion proof for this reader (read policy `inclusionProofAccess`): an event they may
   * not see is answered as unknown, a proof that would show an unsalted leaf's hash is refused.
   */
  async forEvent(reader: Actor, eventId: string, treeSize?: number): Promise<InclusionProofView> {
    const logged = await this.log.findEvent(eventId);
    if (!logged) throw domainError('AUDIT_EVENT_NOT_FOUND');
    const nomination = await this.nominationOf(logged.event);
    // Out of the reader's sight: unknown, before anything else is said of it (even a bad tree size).
    if (inclusionProofAccess(reader, { nomination, onlySaltedHashes: true }) === 'hidden')
      throw domainError('AUDIT_EVENT_NOT_FOUND');
    const size = treeSize ?? (await this.checkpointCovering(logged.index + 1)).treeSize;
    const [unsalted, logSize] = await Promise.all([this.log.unsaltedLeaves(), this.log.size()]);
    // A size the log cannot prove the event in is refused by forIndex (400).
    const onlySaltedHashes =
      size <= logged.index || size > logSize || inclusionProofIsSalted(logged.index, size, unsalted);
    if (inclusionProofAccess(reader, { nomination, onlySaltedHashes }) !== 'allowed')
      throw domainError('PROOF_NOT_ALLOWED');
    return this.forIndex(logged.event, logged.index, size);
  }

  /** Where the event's nomination belongs (from its draft), or null for an event outside any nomination. */
  private async nominationOf(event: RecordedEvent): Promise<{ unitId?: string; clusterId?: string } | null> {
    const prefix = nominationStreamName('');
    if (!event.stream.startsWith(prefix)) return null;
    const [first] = await this.runtime.store.readStream(event.stream, { maxCount: 1 });
    if (first?.type !== 'NominationDrafted') return null;
    return first.data as { unitId?: string; clusterId?: string };
  }

  async forIndex(event: RecordedEvent, index: number, treeSize?: number): Promise<InclusionProofView> {
    let checkpoint: SignedCheckpoint | undefined;
    if (treeSize === undefined) {
      checkpoint = await this.checkpointCovering(index + 1);
      treeSize = checkpoint.treeSize;
    } else {
      await this.assertSize(treeSize);
      if (treeSize <= index)
        throw new DomainError(
          'VALIDATION',
          'TREE_SIZE',
          `Sự kiện ở vị trí lá ${index} không nằm trong cây ${treeSize} lá`,
          'treeSize',
        );
      checkpoint = (await this.log.checkpoints({ fromSize: treeSize, toSize: treeSize }))[0];
    }
    return {
      eventId: event.id,
      leafIndex: index,
      treeSize,
      leafHash: (await this.log.leafHash(index)).toString('hex'),
      inclusionProof: hex(await this.log.inclusionProof(index, treeSize)),
      checkpoint: checkpoint ? checkpointView(checkpoint) : null,
    };
  }

  async consistency(from: number, to: number) {
    if (from > to) throw new DomainError('VALIDATION', 'TREE_SIZE', 'from phải không lớn hơn to', 'from');
    await this.assertSize(to);
    const signed = async (size: number) => (await this.log.checkpoints({ fromSize: size, toSize: size }))[0];
    const [fromCheckpoint, toCheckpoint] = await Promise.all([signed(from), signed(to)]);
    return {
      from,
      to,
      consistencyProof: hex(await this.log.consistencyProof(from, to)),
      fromCheckpoint: fromCheckpoint ? checkpointView(fromCheckpoint) : null,
      toCheckpoint: toCheckpoint ? checkpointView(toCheckpoint) : null,
    };
  }

  private async assertSize(treeSize: number): Promise<void> {
    const size = await this.log.size();
    if (treeSize > size)
      throw new DomainError(
        'VALIDATION',
        'TREE_SIZE',
        `Nhật ký hiện có ${size} sự kiện, ít hơn ${treeSize}`,
        'treeSize',
      );
  }
}
