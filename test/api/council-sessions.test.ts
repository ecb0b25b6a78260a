/**
 * Council sessions over HTTP on the whole embedded system: convene, agenda, attendance, one ballot
 * per member, a written ballot, a recusal, secret items voted with blind signatures by a client that
 * blinds itself and casts without signing in, the close, the public ballots and the minutes PDF —
 * and every table of the event store and the read models read back: no member linked to a secret choice.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '@tdkt/domain';
import { recordNomineeRevocation } from '../../libs/temporal/src/activities/records';
import { blindBallot } from '../workflow/support/council-session';
import { startStack, VOTERS_FOR_DONVI1, type Stack } from './support/stack';

jest.setTimeout(180_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

// The demo council: 11 members (hoidong1 of donvi1, hoidong3 of donvi3, the chairman among them).
const MEMBERS = ['hoidong1', ...VOTERS_FOR_DONVI1];

async function donvi3ToCouncil(): Promise<string> {
  const id = await stack.draft({ nominee: { kind: 'individual', name: 'Lê Thị Thu Hà' } }, 'canbo.donvi3');
  await stack.command('thutruong.donvi3', `/api/nominations/${id}/submit`);
  await stack.command('truongcum.cum2', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
  await stack.officeCheck(id);
  return id;
}
async function secretToCouncil(name: string): Promise<string> {
  const id = await stack.draft({ awardCode: 'CONG_DAN_DONG_KHOI', nominee: { kind: 'individual', name } });
  await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
  await stack.officeCheck(id);
  return id;
}

test('a session over HTTP, secret ballot included, and no link from a member to a secret choice anywhere', async () => {
  const A = await stack.toCouncilVoting({ nominee: { kind: 'individual', name: 'Nguyễn Văn Đức' } });
  const B = await donvi3ToCouncil();
  const S1 = await secretToCouncil('Trương Thị Ngọc Ánh');
  const S2 = await secretToCouncil('Huỳnh Văn Lộc');
  const draft = await stack.draft();
  const body = { title: 'Phiên họp Hội đồng Thi đua – Khen thưởng tháng 12', scheduledAt: '2026-12-12T08:30:00+07:00' };

  // Wrong role, bad input, a nomination that does not wait for the council: refused, nothing appended.
  const h0 = await stack.head();
  expect(
    (await (await stack.as('hoidong2')).post('/api/council-sessions', { ...body, nominationIds: [A] })).status,
  ).toBe(403);
  const bad = await (
    await stack.as('thuky')
  ).post('/api/council-sessions', { ...body, nominationIds: ['không hợp lệ'] });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body.errors)).toContain('nominationIds');
  const notReady = await (
    await stack.as('thuky')
  ).post('/api/council-sessions', { ...body, nominationIds: [A, draft] });
  expect(notReady.status).toBe(409);
  expect(notReady.body).toMatchObject({ code: 'NOT_AWAITING_COUNCIL' });
  expect(await stack.head()).toBe(h0);

  const { id } = await stack.command('thuky', '/api/council-sessions', { ...body, nominationIds: [A, B, S1] }, 201);
  await stack.command('thuky', `/api/council-sessions/${id}/agenda`, { add: [S2] });
  const base = `/api/council-sessions/${id}`;
  // The written ballot of an absent member, before the session.
  await stack.command(
    'thuky',
    `${base}/ballots`,
    { inWriting: true, onBehalfOf: 'hoidong1', choices: [{ nominationId: B, choice: 'approve' }] },
    201,
  );

  for (const m of ['hoidong2', 'hoidong3', 'hoidong4', 'hoidong6', 'hoidong7', 'hoidong8', 'hoidong9'])
    await stack.command(m, `${base}/check-in`);
  const h1 = await stack.head();
  const early = await (await stack.as('thuky')).post(`${base}/open`);
  expect(early.status).toBe(409);
  expect(early.body.code).toBe('ATTENDANCE_QUORUM_NOT_MET');
  expect(await stack.head()).toBe(h1);
  for (const m of ['hoidong5', 'hoidong10', 'chutich']) await stack.command(m, `${base}/check-in`);
  await stack.command('thuky', `${base}/open`);

  await stack.command(
    'hoidong2',
    `${base}/recusals`,
    { nominationId: A, reason: 'Người thân của người được đề nghị' },
    201,
  );
  const choice = (ids: string[], c = 'approve') => ids.map((nominationId) => ({ nominationId, choice: c }));
  await stack.command('hoidong2', `${base}/ballots`, { choices: choice([B]) }, 201);
  await stack.command('hoidong3', `${base}/ballots`, { choices: choice([A]) }, 201);
  for (const m of ['hoidong4', 'hoidong5', 'hoidong6', 'hoidong7', 'hoidong8', 'chutich'])
    await stack.command(m, `${base}/ballots`, { choices: choice([A, B]) }, 201);
  for (const m of ['hoidong9', 'hoidong10'])
    await stack.command(m, `${base}/ballots`, { choices: [...choice([A], 'reject'), ...choice([B])] }, 201);

  const h2 = await stack.head();
  const second = await (await stack.as('hoidong4')).post(`${base}/ballots`, { choices: choice([A, B]) });
  expect([second.status, second.body.code]).toEqual([409, 'BALLOT_ALREADY_CAST']);
  const offAgenda = await (await stack.as('hoidong2')).post(`${base}/recusals`, { nominationId: draft, reason: 'x' });
  expect(offAgenda.status).toBe(400);
  expect(JSON.stringify(offAgenda.body)).toContain('nominationId');
  expect(await stack.head()).toBe(h2);

  // Secret items: key → blind → blind signature (signed in) → unblind → cast WITHOUT signing in.
  const keys: Record<string, string> = {};
  for (const s of [S1, S2]) {
    const k = await (await stack.as('hoidong2')).get(`${base}/secret-items/${s}/key`);
    expect(k.body.suite).toBe('RSABSSA-SHA384-PSS-Randomized');
    keys[s] = k.body.publicKey;
  }
  const voters = VOTERS_FOR_DONVI1; // everyone present; hoidong1 is absent (and from the nominees' unit)
  const tokens: { s: string; token: string; signature: string; receipt?: string }[] = [];
  for (const s of [S1, S2])
    for (const m of voters) {
      const c = await blindBallot(keys[s]);
      const out = await stack.command(
        m,
        `${base}/secret-items/${s}/blind-signature`,
        { blindedMessage: c.blindedMessage },
        201,
      );
      tokens.push({ s, token: c.token, signature: await c.unblind(out.blindSignature) });
    }
  const again = await blindBallot(keys[S1]);
  const twice = await (
    await stack.as('hoidong2')
  ).post(`${base}/secret-items/${S1}/blind-signature`, { blindedMessage: again.blindedMessage });
  expect([twice.status, twice.body.code]).toEqual([409, 'SIGNATURE_ALREADY_ISSUED']);
  const conflicted = await (
    await stack.as('hoidong1')
  ).post(`${base}/secret-items/${S1}/blind-signature`, { blindedMessage: again.blindedMessage });
  expect(conflicted.status).toBe(409); // hoidong1 is absent (NOT_PRESENT) and from the nominee's unit

  const castUrl = (s: string) => `${base}/secret-items/${s}/ballots`;
  for (const [i, t] of tokens.entries()) {
    const res = await stack.http
      .post(castUrl(t.s))
      .send({ token: t.token, signature: t.signature, choice: t.s === S2 && i % 10 < 3 ? 'reject' : 'approve' });
    expect(res.status).toBe(201);
    t.receipt = res.body.receipt;
  }
  const h3 = await stack.head();
  const replay = await stack.http
    .post(castUrl(S1))
    .send({ token: tokens[0].token, signature: tokens[0].signature, choice: 'reject' });
  expect([replay.status, replay.body.code]).toEqual([409, 'TOKEN_ALREADY_USED']);
  const other = tokens.find((t) => t.s === S2)!;
  const wrongKey = await stack.http
    .post(castUrl(S1))
    .send({ token: other.token, signature: other.signature, choice: 'approve' });
  expect([wrongKey.status, wrongKey.body.code]).toEqual([400, 'BAD_SIGNATURE']);
  const malformed = await stack.http
    .post(castUrl(S1))
    .send({ token: 'abc=+/', signature: other.signature, choice: 'approve' });
  expect(malformed.status).toBe(400);
  expect(JSON.stringify(malformed.body)).toContain('token');
  const signedIn = await (
    await stack.as('hoidong2')
  ).post(castUrl(S1), { token: again.token, signature: other.signature, choice: 'approve' });
  expect(signedIn.status).toBe(400);
  expect(JSON.stringify(signedIn.body)).toContain('Authorization');
  expect((await stack.http.get(castUrl(S1))).status).toBe(409); // public only after close
  expect(await stack.head()).toBe(h3);

  // Close; closing again is a no-op.
  await stack.command('thuky', `${base}/close`);
  const h4 = await stack.head();
  await stack.command('thuky', `${base}/close`);
  const view = (await (await stack.as('thanhtra')).get(base)).body;
  expect(view.status).toBe('CLOSED');
  const item = (nid: string) => view.agenda.find((i: { nominationId: string }) => i.nominationId === nid);
  // 70 % of 11 members needs 8 approvals, whoever was recused or absent.
  expect(item(A)).toMatchObject({ outcome: 'THRESHOLD_NOT_MET', tally: { approve: 7, reject: 2, recused: 2 } });
  expect(item(B)).toMatchObject({ outcome: 'APPROVED', tally: { approve: 10, recused: 1 } });
  expect(item(S1)).toMatchObject({ outcome: 'APPROVED', secret: { issued: 10, cast: 10 } });
  expect(item(S2)).toMatchObject({ outcome: 'THRESHOLD_NOT_MET', tally: { approve: 7, reject: 3 } });
  expect(view.attendance).toMatchObject({ present: 10, total: 11, required: 8 }); // two thirds of 11
  expect(
    (await (await stack.as('thanhtra')).get('/api/council-sessions')).body.map((x: { id: string }) => x.id),
  ).toContain(id);

  // Public ballots: anyone recounts; every member finds their receipt.
  for (const s of [S1, S2]) {
    const pub = (await stack.http.get(castUrl(s))).body;
    expect(pub.ballotsHash).toBe(item(s).secret.ballotsHash);
    const recount = { approve: 0, reject: 0, abstain: 0 } as Record<string, number>;
    for (const b of pub.ballots) recount[b.choice]++;
    expect(recount).toEqual({
      approve: item(s).tally.approve,
      reject: item(s).tally.reject,
      abstain: item(s).tally.abstain,
    });
    for (const t of tokens.filter((x) => x.s === s))
      expect(pub.ballots.map((b: { tokenHash: string }) => b.tokenHash)).toContain(t.receipt);
  }

  // Each nomination moves on exactly once.
  const waitClosed = async (nid: string) => {
    for (let i = 0; i < 100; i++) {
      const n = (await stack.stream(nid)).filter((e) => e.type === 'CouncilVotingClosed').length;
      if (n) return n;
      await new Promise((r) => setTimeout(r, 200));
    }
    return 0;
  };
  for (const nid of [A, B, S1, S2]) expect(await waitClosed(nid)).toBe(1);
  expect(await stack.head()).toBeGreaterThan(h4);

  // The minutes.
  const pdf = await (
    await stack.as('thanhtra')
  )
    .get(`${base}/minutes.pdf`)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toContain('application/pdf');
  const file = join(stack.dataDir, 'minutes.pdf');
  writeFileSync(file, pdf.body as Buffer);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const s of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'BIÊN BẢN HỌP',
    'Nguyễn Văn Đức',
    'Trương Thị Ngọc Ánh',
    'Huỳnh Văn Lộc',
    'Lê Thị Thu Hà',
    '7 đồng ý / 3 không đồng ý',
    'Thông qua',
    item(S1).secret.ballotsHash.slice(0, 20),
  ])
    expect(text).toContain(s);

  // Every table of every database in the data dir: no row ties a member to a token, a receipt or a signature.
  const secrets = tokens.flatMap((t) => [t.token, t.signature, t.receipt!]);
  const files = readdirSync(stack.dataDir).filter((f) => f.endsWith('.sqlite'));
  expect(files).toEqual(expect.arrayContaining(['events.sqlite']));
  let rowsRead = 0;
  for (const f of files) {
    const db = new Database(join(stack.dataDir, f), { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      for (const { name } of tables)
        for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) {
          rowsRead++;
          const text = JSON.stringify(row);
          const hasSecret = secrets.some((x) => text.includes(x));
          if (!hasSecret) continue;
          // Only anonymous ballot rows may hold a token's hash: they name no member and no request.
          expect(text).toContain('secret-ballots-');
          for (const m of [...MEMBERS, 'thuky'])
            expect(text.includes(`"${m}"`) || text.includes(`\\"${m}\\"`)).toBe(false);
          expect(secrets.filter((x) => !tokens.some((t) => t.receipt === x)).some((x) => text.includes(x))).toBe(false);
        }
    } finally {
      db.close();
    }
  }
  expect(rowsRead).toBeGreaterThan(100);
});

test('the demo nominee with three consecutive CSTD_CO_SO years becomes a provincial emulation fighter through a session: secret ballot, 90 % with one member recused', async () => {
  // cccd-083090001234 holds CSTD_CO_SO for 2023, 2024 and 2025 in the demo organisation's priorAwards.
  const nominee = { kind: 'individual', name: 'Phạm Văn Toàn', position: 'Giáo viên', nomineeId: 'cccd-083090001234' };
  const other = await (
    await stack.as('canbo.donvi1')
  ).post('/api/nominations', {
    campaignId: 'test-campaign',
    awardCode: 'CSTD_TINH',
    nominee: { ...nominee, nomineeId: 'cccd-000000000000' },
    achievements: 'Sáng kiến có phạm vi ảnh hưởng toàn tỉnh',
  });
  expect([other.status, other.body.code]).toEqual([409, 'NOT_ELIGIBLE']);
  const id = await stack.toCouncilVoting({
    awardCode: 'CSTD_TINH',
    nominee,
    achievements: 'Sáng kiến "Lớp học số" được áp dụng trong toàn tỉnh',
  });

  const { id: session } = await stack.command(
    'thuky',
    '/api/council-sessions',
    {
      title: 'Phiên họp xét danh hiệu Chiến sĩ thi đua cấp tỉnh',
      scheduledAt: '2026-12-15T08:00:00+07:00',
      nominationIds: [id],
    },
    201,
  );
  const base = `/api/council-sessions/${session}`;
  for (const m of MEMBERS) await stack.command(m, `${base}/check-in`);
  await stack.command('thuky', `${base}/open`);
  const key = (await (await stack.as('hoidong2')).get(`${base}/secret-items/${id}/key`)).body.publicKey;

  // hoidong1 is from the nominee's unit: no signature for him, so no ballot.
  const refused = await (
    await stack.as('hoidong1')
  ).post(`${base}/secret-items/${id}/blind-signature`, { blindedMessage: (await blindBallot(key)).blindedMessage });
  expect([refused.status, refused.body.code]).toEqual([403, 'MUST_RECUSE']);
  const ballots: { token: string; signature: string }[] = [];
  for (const m of VOTERS_FOR_DONVI1) {
    const c = await blindBallot(key);
    const out = await stack.command(
      m,
      `${base}/secret-items/${id}/blind-signature`,
      { blindedMessage: c.blindedMessage },
      201,
    );
    ballots.push({ token: c.token, signature: await c.unblind(out.blindSignature) });
  }
  for (const b of ballots)
    expect((await stack.http.post(`${base}/secret-items/${id}/ballots`).send({ ...b, choice: 'approve' })).status).toBe(
      201,
    );
  await stack.command('thuky', `${base}/close`);

  const item = (await (await stack.as('thanhtra')).get(base)).body.agenda[0];
  // 90 % of 11 members needs 10 approvals: every member but the recused one.
  expect(item).toMatchObject({
    nominationId: id,
    outcome: 'APPROVED',
    tally: { members: 11, approve: 10, reject: 0, recused: 1 },
    secret: { issued: 10, cast: 10 },
  });
  let status = '';
  for (let i = 0; i < 100 && status !== 'AWAITING_SIGNATURE'; i++) {
    status = (await (await stack.as('thanhtra')).get(`/api/nominations/${id}`)).body.status;
    if (status !== 'AWAITING_SIGNATURE') await new Promise((r) => setTimeout(r, 200));
  }
  expect(status).toBe('AWAITING_SIGNATURE');
  const signed = await stack.command('chutich', `/api/nominations/${id}/signature`, { decision: 'sign' });
  expect(signed).toMatchObject({ status: 'AWARDED' });
  const registry = await stack.http.get('/api/registry').query({ q: 'pham van toan' });
  expect(registry.body.items).toEqual([
    expect.objectContaining({ nominationId: id, awardCode: 'CSTD_TINH', decisionNumber: signed.decisionNumber }),
  ]);
});

describe('the session path checks eligibility against the award history, as the written vote does', () => {
  const YEAR = new Date().getUTCFullYear();
  /** A person of donvi1 with CSTĐ cơ sở in the three years before: eligible for CSTD_TINH. */
  async function fighterAtCouncil(fullName: string): Promise<{ id: string; personId: string; records: string[] }> {
    const personId = (await stack.command('canbo.donvi1', '/api/people', { fullName, position: 'Giáo viên' }, 201)).id;
    const records: string[] = [];
    for (const year of [YEAR - 3, YEAR - 2, YEAR - 1])
      records.push(
        (
          await stack.command(
            'thutruong.donvi1',
            `/api/people/${personId}/awards`,
            {
              awardCode: 'CSTD_CO_SO',
              year,
              decisionNumber: `${year - 2000}/QĐ-SGDĐT`,
              decisionDate: `${year}-12-20`,
              authority: 'Giám đốc Sở Giáo dục và Đào tạo',
            },
            201,
          )
        ).recordId,
      );
    const id = await stack.toCouncilVoting({
      awardCode: 'CSTD_TINH',
      nominee: { kind: 'individual', personId },
      achievements: 'Sáng kiến được áp dụng trong toàn tỉnh',
    });
    return { id, personId, records };
  }
  /** The middle year of the history revoked (an inspection found it unfounded): three consecutive years no more. */
  const revokeMiddleYear = (f: { personId: string; records: string[] }) =>
    recordNomineeRevocation(stack.system.store, {
      nomineeId: f.personId,
      nominationId: f.records[1],
      ground: 'CRITERIA_NOT_MET',
      now: new Date().toISOString(),
      actor: SYSTEM_ACTOR,
      causationId: `test-revoke-${f.records[1]}`,
    });

  test('an item no longer eligible is refused onto the agenda (409 with why); one that became so after it was put on is withdrawn at opening, the rest voted', async () => {
    const A = await stack.toCouncilVoting({ nominee: { kind: 'individual', name: 'Đặng Văn Bình' } });
    const X = await fighterAtCouncil('Tô Thị Xuân');
    const Y = await fighterAtCouncil('Vũ Văn Yên');
    const { id: session } = await stack.command(
      'thuky',
      '/api/council-sessions',
      { title: 'Phiên họp xét lại điều kiện', scheduledAt: '2026-12-20T08:00:00+07:00', nominationIds: [A, X.id] },
      201,
    );
    const base = `/api/council-sessions/${session}`;

    // Y's history changes before it is put on: refused, with the reason, nothing appended.
    await revokeMiddleYear(Y);
    const h0 = await stack.head();
    const refused = await (await stack.as('thuky')).post(`${base}/agenda`, { add: [Y.id] });
    expect([refused.status, refused.body.code]).toEqual([409, 'NOT_ELIGIBLE']);
    expect(refused.body.message).toContain(Y.id);
    expect(refused.body.message).toContain('mới có 1 năm liên tục');
    expect(await stack.head()).toBe(h0);
    // The written vote refuses it by the same rule.
    const written = await (await stack.as('thuky')).post(`/api/nominations/${Y.id}/voting/open`);
    expect([written.status, written.body.code]).toEqual([409, 'NOT_ELIGIBLE']);

    // X's history changes after it was put on: the opening takes it off the agenda and says why.
    await revokeMiddleYear(X);
    for (const m of MEMBERS) await stack.command(m, `${base}/check-in`);
    await stack.command('thuky', `${base}/open`);
    const view = (await (await stack.as('thanhtra')).get(base)).body;
    expect(view.status).toBe('OPEN');
    expect(view.agenda.map((i: { nominationId: string }) => i.nominationId)).toEqual([A]);
    expect(view.withdrawn).toEqual([
      expect.objectContaining({
        nominationId: X.id,
        nominee: 'Tô Thị Xuân',
        awardCode: 'CSTD_TINH',
        code: 'NOT_ELIGIBLE',
        reason: expect.stringContaining('mới có 1 năm liên tục'),
      }),
    ]);
    // Its agenda lock is released and it still waits for the council (the office decides what next).
    expect((await (await stack.as('thuky')).get(`/api/nominations/${X.id}`)).body.status).toBe('COUNCIL_VOTING');
    const again = await (
      await stack.as('thuky')
    ).post('/api/council-sessions', {
      title: 'Phiên khác',
      scheduledAt: '2026-12-21T08:00:00+07:00',
      nominationIds: [X.id],
    });
    expect(again.body.code).toBe('NOT_ELIGIBLE');
  });
});
