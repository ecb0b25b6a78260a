/**
 * Shared pieces of the workflow integration tests: the real Temporal dev server (never the
 * time-skipping mock), a real SQLite event store in a temp dir, the demo organisation with an
 * always-open test campaign, actors, intents and a few assertions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { OrganisationDirectory, loadAwardCatalog, loadOrganisation, type Organisation } from '@tdkt/config';
import {
  DomainError,
  type Actor,
  type AwardCatalog,
  type NominationIntent,
  type StageTimeLimits,
  type NominationEvent,
  nominationStreamName,
} from '@tdkt/domain';
import type { EventStore, RecordedEvent } from '@tdkt/event-store';
import { demoVotersFor } from '../../support/demo-council';
import {
  NominationGateway,
  WORKFLOWS_PATH,
  nominationWorkflowId,
  workflowBundleOptions,
  type NominationWorkflowArgs,
} from '@tdkt/temporal';

const REPO = join(__dirname, '..', '..', '..');
export const CATALOG_FILE = join(REPO, 'config', 'award-catalog.json');
export const ORGANISATION_FILE = join(REPO, 'config', 'demo-organisation.json');
export const TEST_CAMPAIGN = 'test-campaign';

/** The real dev server, from the CLI the global setup resolved (or the SDK's download). */
export async function startDevServer(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const path = process.env.TEMPORAL_CLI;
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: path ? { type: 'existing-path', path } : { type: 'cached-download' },
      ip: '127.0.0.1',
      log: { format: 'pretty', level: 'error' },
    },
  });
}

/** Temporal's own logs at ERROR (the injected activity failures would fill WARN), once per test file. */
export function quietRuntime(): void {
  const level = (process.env.TDKT_TEST_TEMPORAL_LOG_LEVEL as 'WARN' | undefined) ?? 'ERROR';
  try {
    // Core (native) logs too: by default they go straight to the console at WARN.
    Runtime.install({
      logger: new DefaultLogger(level),
      telemetryOptions: { logging: { filter: { core: level, other: level }, forward: {} } },
    });
  } catch {
    // already installed
  }
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The workflow code bundled once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger, ...workflowBundleOptions() });
  return bundle;
}

const noop = () => undefined;
export const quietLogger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: (m: string, meta?: unknown) => console.error(m, meta),
  log: noop,
};

export function tempDir(prefix = 'tdkt-wf-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The demo organisation plus a campaign whose submissions never close (tests must not age). */
export function testOrganisation(): Organisation {
  const org = loadOrganisation(ORGANISATION_FILE);
  return {
    ...org,
    campaigns: [
      ...org.campaigns,
      {
        id: TEST_CAMPAIGN,
        name: 'Đợt thi đua dùng cho kiểm thử',
        year: new Date().getUTCFullYear(),
        submissionDeadline: '2099-12-31T17:00:00+07:00',
        open: true,
      },
    ],
  };
}

export function writeTestOrganisation(dir: string): string {
  const file = join(dir, 'organisation.json');
  writeFileSync(file, JSON.stringify(testOrganisation(), null, 2));
  return file;
}

export interface Fixture {
  directory: OrganisationDirectory;
  catalog: AwardCatalog;
  actor(username: string): Actor;
}

export function fixture(): Fixture {
  const directory = new OrganisationDirectory(testOrganisation());
  const catalog = loadAwardCatalog(CATALOG_FILE);
  return {
    directory,
    catalog,
    actor(username: string) {
      const a = directory.actorFor(username);
      if (!a) throw new Error(`no demo user ${username}`);
      return a;
    },
  };
}

/** Stage limits in seconds: long by default (nothing fires during a test), short where a test wants the clock. */
export function limits(overrides: Partial<StageTimeLimits> = {}): StageTimeLimits {
  return {
    CLUSTER_REVIEW: 3600,
    OFFICE_CHECK: 3600,
    COUNCIL_VOTING: 3600,
    AWAITING_SIGNATURE: 3600,
    RETURNED: 3600,
    reminderAt: 0.8,
    ...overrides,
  };
}

export function workflowArgs(
  overrides: Partial<Omit<NominationWorkflowArgs, 'nominationId'>> = {},
): Omit<NominationWorkflowArgs, 'nominationId'> {
  return { stageTimeLimits: limits(), stageTimeUnit: 'seconds', councilVotingDays: 3600, ...overrides };
}

export function gateway(client: Client, taskQueue: string, args = workflowArgs()): NominationGateway {
  return new NominationGateway(client, { taskQueue, workflowArgs: args });
}

let counter = 0;
export const newId = (prefix = 'n') =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export function draftIntent(
  over: Partial<Extract<NominationIntent, { type: 'DraftNomination' }>> = {},
): Extract<NominationIntent, { type: 'DraftNomination' }> {
  const nomineeId = over.nominee?.nomineeId ?? newId('cccd');
  return {
    type: 'DraftNomination',
    campaignId: TEST_CAMPAIGN,
    awardCode: 'BANG_KHEN_TINH',
    nominee: { kind: 'individual', name: 'Nguyễn Văn An', nomineeId, position: 'Giáo viên' },
    achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học; sáng kiến cấp tỉnh',
    documents: ['to-trinh.pdf'],
    ...over,
  };
}

/** Council members who may vote on a donvi1 nomination (hoidong1 is from donvi1 and must recuse). */
export const VOTERS_FOR_DONVI1 = demoVotersFor('donvi1');

export async function streamOf(store: EventStore, nominationId: string): Promise<RecordedEvent[]> {
  return store.readStream(nominationStreamName(nominationId));
}

export async function typesOf(store: EventStore, nominationId: string): Promise<string[]> {
  return (await streamOf(store, nominationId)).map((e) => e.type);
}

/** Expects a DomainError with this kind and code. */
export async function expectRefused(
  p: Promise<unknown>,
  kind: DomainError['kind'],
  code?: string,
): Promise<DomainError> {
  let error: unknown;
  try {
    await p;
  } catch (err) {
    error = err;
  }
  if (!(error instanceof DomainError))
    throw new Error(
      `expected DomainError ${kind}/${code ?? '*'}, got ${error === undefined ? 'success' : String((error as Error).stack ?? error)}`,
    );
  if (error.kind !== kind || (code !== undefined && error.code !== code))
    throw new Error(`expected DomainError ${kind}/${code ?? '*'}, got ${error.kind}/${error.code}: ${error.message}`);
  return error;
}

/** Names of the Updates the workflow ACCEPTED (recorded in its history). */
export async function acceptedUpdates(client: Client, nominationId: string): Promise<string[]> {
  const history = await client.workflow.getHandle(nominationWorkflowId(nominationId)).fetchHistory();
  return (history.events ?? [])
    .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name)
    .filter((n): n is string => typeof n === 'string');
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const domainEvents = (events: RecordedEvent[]) =>
  events.map((e) => ({ type: e.type, data: e.data }) as NominationEvent);

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}
