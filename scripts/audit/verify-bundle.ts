import { createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import {
  keyIdOf,
  verifyCheckpointSignature,
  type LeafEnvelope,
  type RecordedEvent,
  type SignedCheckpoint,
} from '@tdkt/event-store';
import {
  AwardRegistryProjection,
  NOMINATION_STREAM_PREFIX,
  prepareProjections,
  registryAtPosition,
  SqliteReadModelDb,
  type AwardView,
} from '@tdkt/projections';
import { READABLE_FORMATS, type BundleLine, type EventLine, type HeaderLine } from './bundle-format';
import { parseHead, splitEventLine } from './leaf-check';
import { inlineLeafCheck, workerLeafCheck, type LeafCheckRunner } from './leaf-check-runner';

export interface VerifyOptions {
  /** The authority's public key (PEM) obtained out of band; without it the bundle's own key is used. */
  trustedPublicKeyPem?: string;
  /** Progress and results, line by line (default: none). */
  print?(line: string): void;
  /**
   * Recompute leaves and the tree in a worker thread (1) beside the parsing and the registry, or
   * inline (0). Default: a worker for a file over 128 MiB (~150k events): its start-up (~1.4 s of CPU
   * from the sources, ts-node) costs more than it saves on a smaller one.
   */
  threads?: 0 | 1;
}

export interface VerifyReport {
  ok: boolean;
  /** What held, one line each. */
  passed: string[];
  /** What did not, naming the event or checkpoint and how. */
  failures: string[];
}

const short = (hex: string) => hex.slice(0, 16);
const where = (e: Pick<RecordedEvent, 'id' | 'stream' | 'revision' | 'position'>) =>
  `${e.id} (${e.stream}@${e.revision}, vị trí ${e.position})`;

/**
 * Verifies an audit export with nothing but this repository and Node: every leaf recomputed from its
 * event, every checkpoint's signature and root, the consistency of successive checkpoints (RFC 9162),
 * the order of the log and of each stream, and the award registry rebuilt from the events by the
 * project's own projection (in memory) against the exported one. The leaves, tree, roots and
 * consistency proofs (LeafCheck) run in a worker thread over the same bytes as this thread parses.
 */
export async function verifyBundle(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const print = options.print ?? (() => undefined);
  const passed: string[] = [];
  const failures: string[] = [];
  const pass = (line: string) => {
    passed.push(line);
    print(`✔ ${line}`);
  };
  const fail = (line: string) => {
    failures.push(line);
    print(`✘ ${line}`);
  };

  let header: HeaderLine | undefined;
  let publicKey: KeyObject | undefined;
  const checkpoints: SignedCheckpoint[] = [];
  const exported = new Map<string, AwardView>();
  const registryDb = SqliteReadModelDb.open(':memory:');
  const projection = new AwardRegistryProjection();
  await prepareProjections(registryDb, [projection]);
  let pending: RecordedEvent[] = [];
  const project = async () => {
    const batch = pending;
    pending = [];
    if (batch.length) await registryDb.transaction((tx) => projection.applyBatch(tx, batch));
  };
  const streamRevisions = new Map<string, number>();
  const startedInExport = new Set<string>();
  let expectedIndex = 0;
  let lastPosition = 0;
  let events = 0;
  let lineNo = 0;
  const notJson = new Set<number>();
  const threads = options.threads ?? (statSync(file).size > 128 * 2 ** 20 ? 1 : 0);
  const leafCheck: LeafCheckRunner = threads ? workerLeafCheck() : inlineLeafCheck();

  try {
    for await (const bytes of linesOf(file, (chunk) => leafCheck.add(chunk))) {
      lineNo++;
      let line: BundleLine;
      const parsed = parseEventLine(bytes);
      if (parsed) line = parsed;
      else {
        const text = bytes.toString('utf8');
        if (!text.trim()) continue;
        try {
          line = JSON.parse(text) as BundleLine;
        } catch {
          fail(`Dòng ${lineNo}: không phải JSON hợp lệ`);
          notJson.add(lineNo);
          continue;
        }
      }
      if (lineNo === 1) {
        if (line.kind !== 'header' || !READABLE_FORMATS.includes(line.format)) {
          fail(`Dòng 1: không phải tệp xuất kiểm toán ${READABLE_FORMATS.join(' / ')}`);
          return { ok: false, passed, failures };
        }
        header = line;
        expectedIndex = header.fromIndex;
        continue;
      }
      switch (line.kind) {
        case 'publicKey':
          publicKey = checkKey(line.publicKeyPem, line.keyId, options.trustedPublicKeyPem, pass, fail);
          break;
        case 'checkpoint': {
          const { kind: _kind, ...checkpoint } = line;
          checkpoints.push(checkpoint);
          break;
        }
        case 'prefix': // the leaf check builds the tree from it
          break;
        case 'event': {
          const e = line.event as RecordedEvent;
          if (line.recordedAt !== undefined) e.recordedAt = line.recordedAt;
          events++;
          if (line.index !== expectedIndex) {
            if (line.index > expectedIndex)
              fail(
                `Thiếu sự kiện ở lá ${expectedIndex}${line.index - 1 > expectedIndex ? `–${line.index - 1}` : ''} (trước ${where(e)}, dòng ${lineNo}): sự kiện đã bị xóa khỏi nhật ký`,
              );
            else
              fail(
                `Sự kiện ${where(e)} ở dòng ${lineNo} mang chỉ số lá ${line.index} nhưng vị trí này là lá ${expectedIndex}: sự kiện bị chèn thêm, lặp lại hoặc đổi chỗ`,
              );
          }
          expectedIndex = Math.max(expectedIndex, line.index) + 1;
          if (e.position <= lastPosition)
            fail(
              `Sự kiện ${where(e)} (dòng ${lineNo}) có vị trí không sau sự kiện trước (${lastPosition}): thứ tự bị đảo`,
            );
          lastPosition = Math.max(lastPosition, e.position);
          const previous = streamRevisions.get(e.stream);
          if (previous === undefined) {
            if (e.revision === 0) startedInExport.add(e.stream);
            else if (header!.fromIndex === 0)
              fail(
                `Luồng ${e.stream} bắt đầu ở phiên bản ${e.revision}, không phải 0 (dòng ${lineNo}): thiếu sự kiện đầu luồng`,
              );
          } else if (e.revision !== previous + 1) {
            fail(
              `Luồng ${e.stream}: phiên bản ${e.revision} đứng sau ${previous} (sự kiện ${e.id}, dòng ${lineNo}): một sự kiện của luồng bị xóa, lặp hoặc đổi chỗ`,
            );
          }
          streamRevisions.set(e.stream, e.revision);
          if (e.stream.startsWith(NOMINATION_STREAM_PREFIX)) {
            pending.push(e);
            if (pending.length >= 2_000) await project();
          }
          break;
        }
        case 'registry':
          exported.set(line.award.nominationId, line.award);
          break;
        default:
          fail(`Dòng ${lineNo}: loại dòng không biết "${(line as { kind: string }).kind}"`);
      }
    }
    await project();
    if (!header) {
      fail('Tệp rỗng');
      return { ok: false, passed, failures };
    }
    const log = await leafCheck.finish(checkpoints);
    // An event whose envelope is no longer JSON though its head and tail still read (its data parsed lazily).
    for (const n of log.unreadable) if (!notJson.has(n)) fail(`Dòng ${n}: nội dung sự kiện không phải JSON hợp lệ`);
    for (const a of log.altered)
      fail(
        `Sự kiện ${where(a)}, lá ${a.index}: nội dung không khớp với lá trong nhật ký (nhật ký giữ ${short(a.leafHash)}…, sự kiện băm ra ${short(a.computed)}…): sự kiện đã bị sửa sau khi ghi`,
      );
    const altered = log.altered.length;
    const tree = { size: log.size };
    if (!publicKey) fail('Tệp không có khóa công khai');

    // The log's shape.
    if (tree.size === header.treeSize && failures.length === 0)
      pass(
        `${events} sự kiện (lá ${header.fromIndex}–${header.treeSize - 1}): liên tục, đúng thứ tự, mỗi luồng đủ phiên bản`,
      );
    else if (tree.size !== header.treeSize)
      fail(`Tệp khai ${header.treeSize} lá nhưng có ${tree.size}: sự kiện bị xóa hoặc chèn thêm`);
    if (altered === 0 && events > 0) pass(`${events} lá tính lại từ nội dung sự kiện khớp với lá của nhật ký`);

    // Checkpoints: signature, root, consistency.
    checkpoints.sort((a, b) => a.treeSize - b.treeSize);
    let signed = 0;
    for (const c of checkpoints) {
      const name = `Điểm chốt kích thước ${c.treeSize} (ký lúc ${c.issuedAt})`;
      if (publicKey && verifyCheckpointSignature(c, publicKey)) signed++;
      else
        fail(
          `${name}: chữ ký không hợp lệ với khóa công khai ${publicKey ? keyIdOf(publicKey) : '?'} (điểm chốt ghi khóa ${c.keyId}): bị ký lại bằng khóa khác hoặc bị sửa`,
        );
    }
    if (checkpoints.length && signed === checkpoints.length) pass(`${signed} điểm chốt: chữ ký Ed25519 hợp lệ`);
    const last = checkpoints[checkpoints.length - 1];
    if (!last || last.treeSize !== header.treeSize)
      fail(`Không có điểm chốt đã ký nào phủ toàn bộ ${header.treeSize} lá của tệp`);
    let rootsOk = 0;
    let previousGood = header.fromIndex;
    for (const c of checkpoints) {
      if (c.treeSize > tree.size && c.treeSize <= header.treeSize)
        fail(
          `Điểm chốt kích thước ${c.treeSize} (ký lúc ${c.issuedAt}): tệp chỉ có ${tree.size} lá, không tính lại được gốc đã ký: sự kiện bị xóa`,
        );
      if (c.treeSize < header.fromIndex || c.treeSize > tree.size) continue;
      const root = log.roots[c.treeSize];
      if (root === c.rootHash) {
        rootsOk++;
        previousGood = c.treeSize;
      } else
        fail(
          `Điểm chốt kích thước ${c.treeSize} (ký lúc ${c.issuedAt}): các sự kiện băm ra gốc ${short(root)}…, điểm chốt đã ký ${short(c.rootHash)}…: có sự kiện trong các lá ${previousGood}–${c.treeSize - 1} bị sửa, xóa, chèn hoặc đổi chỗ`,
        );
    }
    if (rootsOk > 0) pass(`${rootsOk} gốc Merkle tính lại từ sự kiện khớp với gốc đã ký`);
    const inRange = checkpoints.filter((c) => c.treeSize >= header!.fromIndex && c.treeSize <= tree!.size);
    let consistent = 0;
    for (let i = 1; i < inRange.length; i++) {
      const [a, b] = [inRange[i - 1], inRange[i]];
      if (log.consistent[`${a.treeSize}→${b.treeSize}`]) consistent++;
      else
        fail(
          `Điểm chốt ${a.treeSize} → ${b.treeSize}: không nhất quán (RFC 9162): nhật ký ký lúc ${a.issuedAt} không phải phần đầu của nhật ký ký lúc ${b.issuedAt}`,
        );
    }
    if (consistent > 0) pass(`${consistent} cặp điểm chốt liên tiếp nhất quán (bằng chứng nhất quán RFC 9162)`);

    // The registry, rebuilt with the project's own projection.
    const rebuilt = new Map(
      (await registryAtPosition(registryDb, header.registryPosition)).map((a) => [a.nominationId, a]),
    );
    const comparable = (id: string) =>
      header!.fromIndex === 0 || startedInExport.has(`${NOMINATION_STREAM_PREFIX}${id}`);
    let registryFailures = 0;
    for (const [id, award] of exported) {
      if (!comparable(id)) continue;
      const mine = rebuilt.get(id);
      if (!mine) {
        registryFailures++;
        fail(
          `Sổ khen thưởng: hồ sơ ${id} (quyết định ${award.decisionNumber}) có trong sổ xuất nhưng các sự kiện không tạo ra nó`,
        );
        continue;
      }
      for (const field of Object.keys({ ...mine, ...award }) as (keyof AwardView)[])
        if (JSON.stringify(mine[field]) !== JSON.stringify(award[field])) {
          registryFailures++;
          fail(
            `Sổ khen thưởng: hồ sơ ${id}, trường ${field}: sổ xuất ghi ${JSON.stringify(award[field])}, dựng lại từ sự kiện được ${JSON.stringify(mine[field])}`,
          );
        }
    }
    for (const [id, award] of rebuilt)
      if (comparable(id) && !exported.has(id)) {
        registryFailures++;
        fail(
          `Sổ khen thưởng: hồ sơ ${id} (quyết định ${award.decisionNumber}) do sự kiện tạo ra nhưng thiếu trong sổ xuất`,
        );
      }
    if (registryFailures === 0)
      pass(
        `Sổ khen thưởng dựng lại từ sự kiện (mã chiếu của chính dự án) khớp với sổ xuất: ${[...exported.keys()].filter(comparable).length} khen thưởng`,
      );
  } finally {
    await leafCheck.close();
    await registryDb.close();
  }
  return { ok: failures.length === 0, passed, failures };
}

function checkKey(
  pem: string,
  keyId: string,
  trustedPem: string | undefined,
  pass: (l: string) => void,
  fail: (l: string) => void,
): KeyObject | undefined {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    fail('Khóa công khai trong tệp không đọc được');
    return undefined;
  }
  if (keyIdOf(key) !== keyId) fail(`Khóa công khai trong tệp có mã ${keyIdOf(key)}, không phải ${keyId} như tệp khai`);
  if (trustedPem === undefined) {
    pass(`Khóa công khai lấy từ tệp: mã ${keyIdOf(key)} — hãy so với khóa cơ quan công bố (GET /api/audit/public-key)`);
    return key;
  }
  const trusted = createPublicKey(trustedPem);
  if (keyIdOf(trusted) !== keyIdOf(key)) {
    fail(
      `Khóa trong tệp (${keyIdOf(key)}) không phải khóa của cơ quan (${keyIdOf(trusted)}): mọi chữ ký được kiểm bằng khóa của cơ quan`,
    );
    return trusted;
  }
  pass(`Khóa công khai trong tệp là khóa của cơ quan (${keyIdOf(trusted)})`);
  return trusted;
}

/**
 * The file's lines as bytes (no decoding of the whole file into strings first; CR LF accepted). Each
 * run of complete lines goes to `chunk` first (the leaf check), as one buffer: the lines inside a
 * read are views of it; only a line split across two reads is copied.
 */
async function* linesOf(file: string, chunk: (lines: Buffer) => Promise<void>): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const read of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    if (rest.length) {
      const end = read.indexOf(10);
      if (end < 0) {
        rest = Buffer.concat([rest, read]);
        continue;
      }
      const joined = Buffer.concat([rest, read.subarray(0, end + 1)]);
      await chunk(joined);
      yield* splitLines(joined);
      start = end + 1;
    }
    const last = read.lastIndexOf(10);
    if (last >= start) {
      const lines = read.subarray(start, last + 1);
      await chunk(lines);
      yield* splitLines(lines);
    }
    rest = read.subarray(Math.max(start, last + 1));
  }
  if (rest.length) {
    await chunk(rest);
    yield* splitLines(rest);
  }
}

/** Lines of a run of complete lines (the last may lack its line end: the end of the file). */
function* splitLines(lines: Buffer): Generator<Buffer> {
  let start = 0;
  while (start < lines.length) {
    let end = lines.indexOf(10, start);
    if (end < 0) end = lines.length;
    yield lines.subarray(start, end > start && lines[end - 1] === 13 ? end - 1 : end);
    start = end + 1;
  }
}

/**
 * An event line as the exporter writes it, `{"kind":"event",…,"event":ENVELOPE}`, parsed as its
 * head and its envelope, each on its own: the envelope parsed is the bytes the leaf check hashes.
 * Any other line (or layout) is parsed whole.
 */
function parseEventLine(bytes: Buffer): EventLine | undefined {
  const split = splitEventLine(bytes);
  const line = split && parseHead(split.head);
  const event = line && envelopeOf(split.envelope);
  if (!event) return undefined;
  line.event = event;
  return line;
}

const POSITION_KEY = Buffer.from(',"position":');

/**
 * A v2 envelope read from its tail, `"position":P,"revision":R,"stream":S,"type":T}`, which is all
 * the order checks need; its id, data and metadata are parsed when first read (by the registry
 * projection, for the few event types it shows; by a failure's message). The last `,"position":` is
 * the key, never text inside a value: a quote inside a JSON string is escaped. Another layout is
 * parsed whole.
 */
function envelopeOf(envelope: Buffer): EventLine['event'] | undefined {
  const at = envelope.lastIndexOf(POSITION_KEY);
  let tail: Record<string, unknown> | undefined;
  try {
    if (at > 0) tail = JSON.parse(`{${envelope.toString('utf8', at + 1)}`);
  } catch {
    tail = undefined;
  }
  const whole = (): EventLine['event'] | undefined => {
    try {
      return JSON.parse(envelope.toString('utf8'));
    } catch {
      return undefined;
    }
  };
  if (
    !tail ||
    Object.keys(tail).length !== 4 ||
    !Number.isSafeInteger(tail.position) ||
    !Number.isSafeInteger(tail.revision) ||
    typeof tail.stream !== 'string' ||
    typeof tail.type !== 'string'
  )
    return whole();
  return new LazyEnvelope(envelope, tail.position as number, tail.revision as number, tail.stream, tail.type);
}

/** An envelope known by its tail; its id, data and metadata are parsed from its bytes when first read. */
class LazyEnvelope {
  private parsed?: Partial<LeafEnvelope>;
  recordedAt?: string;

  constructor(
    private readonly bytes: Buffer,
    readonly position: number,
    readonly revision: number,
    readonly stream: string,
    readonly type: string,
  ) {}

  private whole(): NonNullable<LazyEnvelope['parsed']> {
    if (!this.parsed) {
      try {
        this.parsed = JSON.parse(this.bytes.toString('utf8'));
      } catch {
        this.parsed = {}; // no longer JSON: the leaf check names the line
      }
    }
    return this.parsed!;
  }

  get id(): string {
    return this.whole().id as string;
  }
  get data(): unknown {
    return this.whole().data;
  }
  get metadata(): LeafEnvelope['metadata'] {
    return this.whole().metadata as LeafEnvelope['metadata'];
  }
}
