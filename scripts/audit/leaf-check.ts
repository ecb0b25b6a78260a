import { leafHashOf } from '@tdkt/event-store/audit/leaf';
import { sha256, type Hash } from '@tdkt/event-store/audit/merkle/hashing';
import { consistencyProof, rootHash } from '@tdkt/event-store/audit/merkle/tree';
import { verifyConsistency } from '@tdkt/event-store/audit/merkle/verify';
import type { BundleLine, EventLine } from './bundle-format';
import { PrefixedTree } from './prefixed-tree';

/** An event whose leaf, recomputed from its content, is not the leaf the log holds. */
export interface AlteredLeaf {
  lineNo: number;
  index: number;
  id: string;
  stream: string;
  revision: number;
  position: number;
  /** What the log holds (hex). */
  leafHash: string;
  /** What the event hashes to (hex). */
  computed: string;
}

/** A checkpoint as the log check needs it. */
export interface CheckpointRoot {
  treeSize: number;
  rootHash: string;
}

export interface LeafCheckResult {
  /** Leaves of the recomputed tree (prefix included). */
  size: number;
  altered: AlteredLeaf[];
  /** Lines of events that changed so much they are no longer JSON (no leaf). */
  unreadable: number[];
  /** Recomputed root (hex) of every checkpoint size the tree covers. */
  roots: Record<number, string>;
  /** For successive covered checkpoints `a→b`: whether the RFC 9162 proof from the tree verifies their signed roots. */
  consistent: Record<string, boolean>;
}

/**
 * The log half of an export's verification, over the file's bytes: every event's leaf recomputed
 * (from its envelope's bytes as exported, else from the event serialised again: a reformatted file,
 * a v1 export), the tree built from those leaves, then the roots and consistency proofs of the
 * checkpoints. It reads the lines itself (header and prefix included), so it runs beside the
 * parsing and projecting of the same lines — in a worker thread (leaf-check.worker.ts) or inline.
 */
export class LeafCheck {
  private lineNo = 0;
  private fromIndex = 0;
  private tree?: PrefixedTree;
  private readonly altered: AlteredLeaf[] = [];
  private readonly unreadable: number[] = [];
  private readonly expected = Buffer.alloc(32);

  /** Complete lines, in file order (a chunk ends at a line end, or at the end of the file). */
  addLines(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      let end = chunk.indexOf(10, start);
      if (end < 0) end = chunk.length;
      this.lineNo++;
      this.line(chunk.subarray(start, end > start && chunk[end - 1] === 13 ? end - 1 : end));
      start = end + 1;
    }
  }

  finish(checkpoints: CheckpointRoot[]): LeafCheckResult {
    const tree = (this.tree ??= new PrefixedTree(this.fromIndex, []));
    const roots: Record<number, string> = {};
    const covered = [...checkpoints]
      .sort((a, b) => a.treeSize - b.treeSize)
      .filter((c) => c.treeSize >= this.fromIndex && c.treeSize <= tree.size);
    for (const c of covered) roots[c.treeSize] ??= rootHash(tree, c.treeSize).toString('hex');
    const consistent: Record<string, boolean> = {};
    for (let i = 1; i < covered.length; i++) {
      const [a, b] = [covered[i - 1], covered[i]];
      const proof = a.treeSize === 0 ? [] : consistencyProof(tree, a.treeSize, b.treeSize);
      consistent[`${a.treeSize}→${b.treeSize}`] = verifyConsistency(
        a.treeSize,
        b.treeSize,
        proof,
        Buffer.from(a.rootHash, 'hex'),
        Buffer.from(b.rootHash, 'hex'),
      );
    }
    return { size: tree.size, altered: this.altered, unreadable: this.unreadable, roots, consistent };
  }

  private line(bytes: Buffer): void {
    const at = envelopeAt(bytes);
    if (at > 0) {
      const head = exportedHead(bytes, at) ?? parseHead(bytes.toString('utf8', 0, at - EVENT_KEY.length) + '}');
      if (head) return this.event(head, bytes.subarray(at, bytes.length - 1), bytes);
    }
    const line = parseLine(bytes);
    if (!line) return;
    if (this.lineNo === 1 && line.kind === 'header') this.fromIndex = line.fromIndex;
    else if (line.kind === 'prefix')
      this.tree = new PrefixedTree(
        line.size,
        line.hashes.map((h) => Buffer.from(h, 'hex')),
      );
    else if (line.kind === 'event') this.event(line, undefined, bytes);
  }

  /** One event: the leaf from its envelope's bytes when they give the logged leaf, else from the event re-serialised. */
  private event(head: EventLine, envelope: Buffer | undefined, bytes: Buffer): void {
    const tree = (this.tree ??= new PrefixedTree(this.fromIndex, []));
    const salt = head.salt === undefined ? undefined : Buffer.from(head.salt, 'hex');
    let computed = salt && envelope ? saltedLeafHashOfBytes(envelope, salt) : undefined;
    if (!computed || !this.isLogged(computed, head.leafHash)) {
      const line = (head.event ? head : parseLine(bytes)) as EventLine | undefined;
      if (!line?.event) {
        this.unreadable.push(this.lineNo);
        return;
      }
      computed = leafHashOf(line.event, salt);
      if (computed.toString('hex') !== head.leafHash)
        this.altered.push({
          lineNo: this.lineNo,
          index: head.index,
          id: line.event.id,
          stream: line.event.stream,
          revision: line.event.revision,
          position: line.event.position,
          leafHash: head.leafHash,
          computed: computed.toString('hex'),
        });
    }
    tree.leaves.append(computed);
  }

  private isLogged(computed: Hash, leafHash: string): boolean {
    return (
      typeof leafHash === 'string' &&
      leafHash.length === 64 &&
      this.expected.write(leafHash, 'hex') === 32 &&
      computed.equals(this.expected)
    );
  }
}

const EVENT_HEAD = Buffer.from('{"kind":"event",');
const EVENT_KEY = Buffer.from(',"event":');

/**
 * An event line as the exporter writes it, `{"kind":"event",…,"event":ENVELOPE}`: its head (the line
 * without the event, as JSON text) and its envelope's bytes. Any other line (or layout): undefined.
 */
export function splitEventLine(bytes: Buffer): { head: string; envelope: Buffer } | undefined {
  const at = envelopeAt(bytes);
  if (at < 0) return undefined;
  return {
    head: bytes.toString('utf8', 0, at - EVENT_KEY.length) + '}',
    envelope: bytes.subarray(at, bytes.length - 1),
  };
}

/** Where an event line's envelope starts (after `,"event":`), or −1 when it is not an event line as exported. */
function envelopeAt(bytes: Buffer): number {
  if (bytes[bytes.length - 1] !== 0x7d || bytes.compare(EVENT_HEAD, 0, EVENT_HEAD.length, 0, EVENT_HEAD.length) !== 0)
    return -1;
  const at = bytes.indexOf(EVENT_KEY);
  return at < 0 ? -1 : at + EVENT_KEY.length;
}

const HEAD_INDEX = Buffer.from('"index":');
const HEAD_LEAF = Buffer.from(',"leafHash":"');
const HEAD_SALT = Buffer.from('","salt":"');
const HEAD_RECORDED = Buffer.from('","recordedAt":');

/**
 * The head's index, leaf hash and salt read at their places when the head is byte for byte the
 * exporter's, `{"kind":"event","index":N,"leafHash":"<64 hex>","salt":"<32 hex>","recordedAt":…`
 * (no JSON parse: the worker's share of a line is then mostly hashing); otherwise undefined.
 * What it reads names an event in a message and picks the salt: the leaf that counts for the
 * roots is always the one computed from the event.
 */
function exportedHead(bytes: Buffer, envelopeAt: number): EventLine | undefined {
  let at = EVENT_HEAD.length;
  if (bytes.compare(HEAD_INDEX, 0, HEAD_INDEX.length, at, at + HEAD_INDEX.length) !== 0) return undefined;
  at += HEAD_INDEX.length;
  const digits = at;
  let index = 0;
  for (; bytes[at] >= 0x30 && bytes[at] <= 0x39 && at - digits < 15; at++) index = index * 10 + bytes[at] - 0x30;
  const leaf = at + HEAD_LEAF.length;
  const salt = leaf + 64 + HEAD_SALT.length;
  const end = salt + 32;
  if (
    at === digits ||
    end + HEAD_RECORDED.length > envelopeAt ||
    bytes.compare(HEAD_LEAF, 0, HEAD_LEAF.length, at, leaf) !== 0 ||
    bytes.compare(HEAD_SALT, 0, HEAD_SALT.length, leaf + 64, salt) !== 0 ||
    bytes.compare(HEAD_RECORDED, 0, HEAD_RECORDED.length, end, end + HEAD_RECORDED.length) !== 0 ||
    !isHex(bytes, leaf, leaf + 64) ||
    !isHex(bytes, salt, end)
  )
    return undefined;
  return {
    kind: 'event',
    index,
    leafHash: bytes.toString('latin1', leaf, leaf + 64),
    salt: bytes.toString('latin1', salt, end),
  } as EventLine;
}

function isHex(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** The head of an event line, or undefined when `at` was not between two members of the line's object. */
export function parseHead(head: string): EventLine | undefined {
  try {
    return JSON.parse(head) as EventLine;
  } catch {
    return undefined;
  }
}

function parseLine(bytes: Buffer): BundleLine | undefined {
  try {
    return JSON.parse(bytes.toString('utf8')) as BundleLine;
  } catch {
    return undefined;
  }
}

let input = Buffer.allocUnsafe(64 * 1024);
/** v2 leaf hash over an envelope's bytes: SHA-256(0x00 || salt || envelope), in one reused input buffer. */
function saltedLeafHashOfBytes(envelope: Buffer, salt: Buffer): Hash {
  const length = 1 + salt.length + envelope.length;
  if (length > input.length) input = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(length)));
  input[0] = 0x00;
  salt.copy(input, 1);
  envelope.copy(input, 1 + salt.length);
  return sha256(input.subarray(0, length));
}
