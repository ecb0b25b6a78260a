/**
 * One whole embedded system per test file, in-process: the real Temporal dev server (the CLI the
 * global setup resolved), the worker, a SQLite event store and read models in a temp data dir,
 * and the HTTP API driven with supertest. The demo organisation gets one extra campaign whose
 * submissions never close, so the tests do not age.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bundleWorkflowCode } from '@temporalio/worker';
import { loadAwardCatalog, loadOrganisation, type Organisation } from '@tdkt/config';
import { findAward, nominationStreamName, vietnamDate } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { WORKFLOWS_PATH, workflowBundleOptions } from '@tdkt/temporal';
import { startEmbedded, type EmbeddedSystem } from '../../../apps/embedded/src/embedded';
import type { ApiOptions } from '../../../apps/api/src/api-options';
import { demoVotersFor } from '../../support/demo-council';

const REPO = join(__dirname, '..', '..', '..');
const CATALOG = loadAwardCatalog(join(REPO, 'config', 'award-catalog.json'));
/** Awards whose list is made public for comments before the council (catalog `publicNotice`). */
export const needsPublicNotice = (awardCode: string) => findAward(CATALOG, awardCode)?.publicNotice !== undefined;
export const TEST_CAMPAIGN = 'test-campaign';
export const PASSWORD = 'demo123';

export const ALL_USERS = [
  'canbo.donvi1',
  'thutruong.donvi1',
  'canbo.donvi3',
  'thutruong.donvi3',
  'truongcum.cum1',
  'truongcum.cum2',
  'thuky',
  'hoidong1',
  'hoidong2',
  'hoidong3',
  'hoidong4',
  'hoidong5',
  'hoidong6',
  'hoidong7',
  'hoidong8',
  'hoidong9',
  'hoidong10',
  'chutich',
  'thanhtra',
] as const;
export type Username = (typeof ALL_USERS)[number];

/** Council members who may vote on a donvi1 nomination (hoidong1 is from donvi1 and must recuse). */
export const VOTERS_FOR_DONVI1 = demoVotersFor('donvi1') as Username[];

/** The Vietnam calendar date `days` ago (YYYY-MM-DD). */
export const daysAgo = (days: number) => vietnamDate(Date.now() - days * 86_400_000);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const noop = () => undefined;
const quietLogger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: (m: string, meta?: unknown) => console.error(m, meta),
  log: noop,
};

export class Stack {
  private readonly tokens = new Map<string, string>();

  constructor(
    public system: EmbeddedSystem,
    readonly dataDir: string,
    private readonly relaunch: () => Promise<EmbeddedSystem>,
  ) {}

  /** Stops the whole system and starts it again on the same data directory (tokens are kept). */
  async restart(): Promise<void> {
    await this.system.stop();
    this.system = await this.relaunch();
  }

  get http() {
    return request(this.system.app.getHttpServer());
  }

  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await this.http.post('/api/auth/login').send({ username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  /** A request as this demo user (bearer token attached). */
  async as(username: string) {
    const auth = `Bearer ${await this.token(username)}`;
    const http = this.http;
    return {
      get: (path: string) => http.get(path).set('Authorization', auth),
      post: (path: string, body: object = {}) => http.post(path).set('Authorization', auth).send(body),
      patch: (path: string, body: object = {}) => http.patch(path).set('Authorization', auth).send(body),
    };
  }

  /** Uploads a dossier document as a user (multipart: documentType + file); returns the response. */
  async upload(username: string, id: string, documentType: string, bytes: Buffer, fileName = 'tai-lieu.pdf') {
    return this.http
      .post(`/api/nominations/${id}/documents`)
      .set('Authorization', `Bearer ${await this.token(username)}`)
      .field('documentType', documentType)
      .attach('file', bytes, fileName);
  }

  /** POST as a user, expecting `status`; returns the body. */
  async command(username: string, path: string, body: object = {}, status = 200): Promise<any> {
    const res = await (await this.as(username)).post(path, body);
    if (res.status !== status)
      throw new Error(`${username} POST ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async stream(nominationId: string): Promise<RecordedEvent[]> {
    return this.system.store.readStream(nominationStreamName(nominationId));
  }

  head(): Promise<number> {
    return this.system.store.headPosition();
  }

  /** Draft → … through the demo users; returns the nomination id. */
  async draft(over: Record<string, unknown> = {}, username = 'canbo.donvi1'): Promise<string> {
    const body = {
      campaignId: TEST_CAMPAIGN,
      awardCode: 'BANG_KHEN_TINH',
      // Each default draft its own person: a second proposal of the same award for the same person and
      // year is refused while the first is in progress (one achievement, one award).
      nominee: { kind: 'individual', name: 'Nguyễn Văn An', position: 'Giáo viên', nomineeId: `test-${randomUUID()}` },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học; sáng kiến được công nhận cấp tỉnh',
      documents: ['to-trinh.pdf'],
      ...over,
    };
    return (await this.command(username, '/api/nominations', body, 201)).id;
  }

  /**
   * Draft → submitted → endorsed: the nomination waits for the council. An award made public before
   * the council (`publicNotice`) is published by the office too — by default with the date it was
   * posted 30 days ago, so its working days have passed and it may go to the council
   * (`publicNotice: 'none'` leaves it unpublished, for tests of the notice itself).
   */
  async toCouncilVoting(
    over: Record<string, unknown> = {},
    options: { publicNotice?: 'ended' | 'none' } = {},
  ): Promise<string> {
    const id = await this.draft(over);
    await this.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    await this.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
    await this.officeCheck(id);
    if (options.publicNotice !== 'none' && needsPublicNotice(String(over.awardCode ?? 'BANG_KHEN_TINH')))
      await this.publishNotice([id], daysAgo(30));
    return id;
  }

  /** The office finds the dossier complete (OFFICE_CHECK → COUNCIL_VOTING); returns the command's body. */
  officeCheck(id: string, username = 'thuky'): Promise<any> {
    return this.command(username, `/api/nominations/${id}/office-check`, { result: 'complete' });
  }

  /** The office publishes these nominations for comments (công khai), posted on `startDate` (default: now). */
  async publishNotice(nominationIds: string[], startDate?: string): Promise<{ id: string; endsAt: string }> {
    return this.command(
      'thuky',
      '/api/public-notices',
      { title: 'Danh sách đề nghị khen thưởng lấy ý kiến', nominationIds, ...(startDate ? { startDate } : {}) },
      201,
    );
  }

  async toVotingOpen(over: Record<string, unknown> = {}): Promise<string> {
    const id = await this.toCouncilVoting(over);
    await this.command('thuky', `/api/nominations/${id}/voting/open`);
    return id;
  }

  async toAwaitingSignature(over: Record<string, unknown> = {}): Promise<string> {
    const id = await this.toVotingOpen(over);
    await this.command('hoidong1', `/api/nominations/${id}/recusal`, { comment: 'Cùng đơn vị với người được đề nghị' });
    for (const m of VOTERS_FOR_DONVI1)
      await this.command(m, `/api/nominations/${id}/votes`, { choice: 'approve' }, 201);
    return id;
  }

  async toAwarded(over: Record<string, unknown> = {}): Promise<{ id: string; decisionNumber: string }> {
    const id = await this.toAwaitingSignature(over);
    const signed = await this.command('chutich', `/api/nominations/${id}/signature`, { decision: 'sign' });
    return { id, decisionNumber: signed.decisionNumber };
  }

  async stop(): Promise<void> {
    try {
      await this.system.stop();
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

/**
 * `api`: options of the HTTP API (e.g. a shorter command deadline for tests that stop Temporal);
 * `env`: extra environment (e.g. the OpenID provider to sign in with, the SMTP relay of a test's mail server, TDKT_STAGE_TIME_UNIT).
 * `users`: people added to the demo organisation (password `demo123` like the others).
 * `campaigns`: campaigns declared in the organisation file besides the test's own (legacy, not streams).
 */
export async function startStack(
  options: {
    api?: ApiOptions;
    env?: Record<string, string>;
    users?: Organisation['users'];
    campaigns?: Organisation['campaigns'];
  } = {},
): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tdkt-api-'));
  const org = loadOrganisation(join(REPO, 'config', 'demo-organisation.json'));
  const organisationFile = join(dataDir, 'organisation.json');
  writeFileSync(
    organisationFile,
    JSON.stringify({
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
        ...(options.campaigns ?? []),
      ],
      users: [...org.users, ...(options.users ?? [])],
    }),
  );
  const [temporalPort, uiPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of [
    'TEMPORAL_ADDRESS',
    'DATABASE_URL',
    'EVENTSTORE_CONNECTION_STRING',
    'JWT_SECRET',
    'TDKT_MODE',
    'TDKT_STAGE_TIME_UNIT',
    'TDKT_LOCAL_LOGIN',
    'OIDC_ISSUER',
    'SMTP_URL',
    'SMTP_HOST',
    'MAIL_FROM',
  ])
    delete env[k];
  Object.assign(env, {
    TDKT_DATA_DIR: dataDir,
    PORT: '0',
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_DEV_UI_PORT: String(uiPort),
    TDKT_ORGANISATION_FILE: organisationFile,
    ...options.env,
  });
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: quietLogger,
    ...workflowBundleOptions(),
  });
  const launch = () =>
    startEmbedded({
      env,
      workflowBundle: { code },
      temporalUi: false,
      logger: false,
      onProgress: () => undefined,
      ...(options.api ? { api: options.api } : {}),
    });
  // A port picked free can be taken before the dev server binds it (suites start servers side by
  // side, and outgoing connections take ephemeral ports too): the start fails at once; pick again.
  const launchOnFreePorts = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await launch();
      } catch (err) {
        if (attempt >= 3 || !/address already in use/.test((err as Error).message)) throw err;
        env.TEMPORAL_DEV_PORT = String(await freePort());
        env.TEMPORAL_DEV_UI_PORT = String(await freePort());
      }
    }
  };
  try {
    return new Stack(await launchOnFreePorts(), dataDir, launch);
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
