import type { AuditLog, SignedCheckpoint } from './audit-log.port';
import type { CheckpointSigner } from './checkpoint-signer';

export interface CheckpointerOptions {
  /** How often the log is looked at; a checkpoint is signed when it grew (default 60 s). */
  intervalMs?: number;
  onError?(error: Error): void;
}

/**
 * Signs a checkpoint over the log whenever it has grown since the last one, at least every
 * `intervalMs` while events are written (nothing new: nothing signed), and on demand. Several
 * processes may run one: the log keeps one checkpoint per tree size.
 */
export class Checkpointer {
  private timer?: NodeJS.Timeout;
  private running?: Promise<SignedCheckpoint | undefined>;

  constructor(
    private readonly log: AuditLog,
    readonly signer: CheckpointSigner,
    private readonly options: CheckpointerOptions = {},
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.issue().catch((error: Error) => this.options.onError?.(error));
    }, this.options.intervalMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Signs the log's current state unless the latest checkpoint already covers it; returns the latest. */
  issue(): Promise<SignedCheckpoint | undefined> {
    this.running ??= this.issueNow().finally(() => (this.running = undefined));
    return this.running;
  }

  private async issueNow(): Promise<SignedCheckpoint | undefined> {
    const [size, latest] = await Promise.all([this.log.size(), this.log.latestCheckpoint()]);
    if (size === 0 || (latest && latest.treeSize >= size)) return latest;
    const checkpoint = this.signer.sign(size, await this.log.root(size));
    await this.log.saveCheckpoint(checkpoint);
    return (await this.log.latestCheckpoint()) ?? checkpoint;
  }
}
