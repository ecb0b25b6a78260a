/**
 * Drives nominations from draft to the registry over HTTP, each step through the next API of the
 * list (alternately), the way a careful client does when processes fail: a step that gets no
 * answer (connection refused or reset, 5xx) is retried on the other API — but only after looking
 * in the event store whether the first attempt took effect, so a retry never writes twice.
 */
import { nominationStreamName, type Nominee } from '@tdkt/domain';
import type { EventStore, RecordedEvent } from '@tdkt/event-store';
import { demoVotersFor } from '../../support/demo-council';

export const PASSWORD = 'topology-password-1';

export const PEOPLE = {
  officer: 'canbo.donvi1',
  head: 'thutruong.donvi1',
  leader: 'truongcum.cum1',
  secretary: 'thuky',
  recuser: 'hoidong1',
  voters: demoVotersFor('donvi1'),
  chairman: 'chutich',
};
export const USERS = [
  ...new Set([PEOPLE.officer, PEOPLE.head, PEOPLE.leader, PEOPLE.secretary, PEOPLE.recuser, ...PEOPLE.voters]),
];

interface Step {
  name: string;
  user: string;
  path: (id: string) => string;
  body: object;
  expect: number;
  /** The step's event is in the stream (so an unanswered attempt did take effect). */
  done: (events: RecordedEvent[]) => boolean;
}

const has = (type: string, actor?: string) => (events: RecordedEvent[]) =>
  events.some((e) => e.type === type && (!actor || e.metadata.actorId === actor));

export const STEPS: Step[] = [
  {
    name: 'submit',
    user: PEOPLE.head,
    path: (id) => `${id}/submit`,
    body: {},
    expect: 200,
    done: has('NominationSubmitted'),
  },
  {
    name: 'review',
    user: PEOPLE.leader,
    path: (id) => `${id}/cluster-review`,
    body: { decision: 'endorse' },
    expect: 200,
    done: has('ClusterEndorsed'),
  },
  {
    name: 'office-check',
    user: PEOPLE.secretary,
    path: (id) => `${id}/office-check`,
    body: { result: 'complete' },
    expect: 200,
    done: has('OfficeCheckPassed'),
  },
  {
    name: 'open',
    user: PEOPLE.secretary,
    path: (id) => `${id}/voting/open`,
    body: {},
    expect: 200,
    done: has('CouncilVotingOpened'),
  },
  {
    name: 'recuse',
    user: PEOPLE.recuser,
    path: (id) => `${id}/recusal`,
    body: { comment: 'Cùng đơn vị với người được đề nghị' },
    expect: 200,
    done: has('CouncilMemberRecused', PEOPLE.recuser),
  },
  ...PEOPLE.voters.map((voter) => ({
    name: 'vote',
    user: voter,
    path: (id: string) => `${id}/votes`,
    body: { choice: 'approve' },
    expect: 201,
    done: has('CouncilVoteCast', voter),
  })),
  {
    name: 'sign',
    user: PEOPLE.chairman,
    path: (id) => `${id}/signature`,
    body: { decision: 'sign' },
    expect: 200,
    done: has('AwardDecisionSigned'),
  },
];

export interface DriverStats {
  commands: number;
  /** Attempts that got no usable answer and were retried (or found done in the store). */
  retries: number;
  foundDoneInStore: number;
  errors: Record<string, number>;
}

export class FlowDriver {
  readonly stats: DriverStats = { commands: 0, retries: 0, foundDoneInStore: 0, errors: {} };
  private next = 0;

  constructor(
    private readonly apis: () => string[],
    private readonly tokens: Record<string, string>,
    private readonly store: EventStore,
    private readonly campaignId: string,
    private readonly onCommand: (count: number) => void = () => undefined,
    private readonly stepDeadlineMs = 150_000,
  ) {}

  /** The next API, alternately. */
  private api(): string {
    const list = this.apis();
    return list[this.next++ % list.length];
  }

  private async send(method: string, path: string, body: object, user: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.api()}/api/nominations${path ? `/${path}` : ''}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.tokens[user]}`, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(90_000),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }

  /**
   * One command until it is known to have taken effect. After an unanswered attempt (no answer,
   * 5xx) the command is sent again: the workflow runs a nomination's commands one at a time, so the
   * retry's answer comes after the first attempt finished; a refusal then (409: already done) is
   * checked against the store. A draft carries an Idempotency-Key, so its retry is the same draft
   * (never a second nomination); it is also looked up in the store before it is sent again. A step right after an uncertain one may be refused while
   * the workflow still finishes the previous command (its activity retried after a worker died):
   * it is retried too, within the deadline. A refusal with no uncertainty before is a failure.
   */
  private async command(
    label: string,
    attempt: () => Promise<{ status: number; body: Record<string, unknown> }>,
    expect: number,
    doneInStore: () => Promise<boolean>,
    opts: { lookBeforeRetry?: boolean; uncertain?: boolean } = {},
  ): Promise<{ body: Record<string, unknown>; uncertain: boolean }> {
    const deadline = Date.now() + this.stepDeadlineMs;
    let uncertain = opts.uncertain ?? false;
    let retried = false;
    for (;;) {
      if (retried && opts.lookBeforeRetry && (await doneInStore())) {
        this.stats.foundDoneInStore++;
        return { body: {}, uncertain: true };
      }
      let failure: string;
      try {
        const r = await attempt();
        if (r.status === expect) {
          this.onCommand(++this.stats.commands);
          return { body: r.body, uncertain };
        }
        if (r.status < 500) {
          if (uncertain && (await doneInStore())) {
            this.stats.foundDoneInStore++;
            return { body: {}, uncertain };
          }
          if (!uncertain) throw new Error(`${label}: ${r.status} ${JSON.stringify(r.body)}`);
        }
        failure = `HTTP ${r.status}${r.body.code ? ` ${String(r.body.code)}` : ''}`;
      } catch (error) {
        if ((error as Error).message.startsWith(`${label}:`)) throw error;
        failure = (error as Error).name === 'TimeoutError' ? 'timeout' : 'no answer';
      }
      this.stats.errors[failure] = (this.stats.errors[failure] ?? 0) + 1;
      if (Date.now() > deadline)
        throw new Error(`${label}: still failing (${failure}) after ${this.stepDeadlineMs} ms`);
      this.stats.retries++;
      uncertain = true;
      retried = true;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Draft → … → signed; returns the nomination id and its decision number (from the store). */
  async run(index: number): Promise<{ id: string; decisionNumber: string }> {
    const nominee: Nominee = {
      kind: 'individual',
      name: `Nguyễn Văn Topo ${index}`,
      nomineeId: `topology-${index}`,
      position: 'Giáo viên',
    };
    let id: string | undefined;
    const drafted = await this.command(
      `draft #${index}`,
      () =>
        this.send(
          'POST',
          '',
          {
            campaignId: this.campaignId,
            awardCode: 'BANG_KHEN_TINH',
            nominee,
            achievements: 'Hoàn thành xuất sắc nhiệm vụ; sáng kiến được áp dụng toàn tỉnh',
          },
          PEOPLE.officer,
          { 'idempotency-key': `topology-draft-${index}` },
        ),
      201,
      async () => {
        id = await this.findDraft(nominee.nomineeId!);
        return id !== undefined;
      },
      { lookBeforeRetry: true },
    );
    id ??= String(drafted.body.id);
    const streamOf = () => this.store.readStream(nominationStreamName(id!));
    let uncertain = drafted.uncertain;
    for (const step of STEPS)
      ({ uncertain } = await this.command(
        `${step.name} as ${step.user} on ${id}`,
        () => this.send('POST', step.path(id!), step.body, step.user),
        step.expect,
        async () => step.done(await streamOf()),
        { uncertain },
      ));
    const signed = (await streamOf()).find((e) => e.type === 'AwardDecisionSigned');
    return { id, decisionNumber: String((signed?.data as { decisionNumber?: string })?.decisionNumber) };
  }

  /** The nomination drafted for this nominee, if an unanswered draft did take effect. */
  private async findDraft(nomineeId: string): Promise<string | undefined> {
    const events = await this.store.readAll({
      streamPrefixes: ['nomination-'],
      eventTypePrefixes: ['NominationDrafted'],
    });
    const found = events.find((e) => (e.data as { nominee?: Nominee }).nominee?.nomineeId === nomineeId);
    return found?.stream.slice('nomination-'.length);
  }
}

/** Runs `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (i < items.length) {
        const k = i++;
        out[k] = await fn(items[k]);
      }
    }),
  );
  return out;
}
