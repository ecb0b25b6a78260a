/**
 * Bad input and refused commands over HTTP: malformed bodies and unknown fields → 400 with the
 * fields and reasons; unknown nominations and decisions → 404; commands the stage does not allow
 * → 409. None of them appends an event.
 */
import { startStack, type Stack } from './support/stack';

let stack: Stack;
let draftId: string;

beforeAll(async () => {
  stack = await startStack();
  draftId = await stack.draft();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

/** Runs `fn`, then checks the event log has not moved. */
async function appendsNothing<T>(fn: () => Promise<T>): Promise<T> {
  const before = await stack.head();
  const result = await fn();
  expect(await stack.head()).toBe(before);
  return result;
}

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

const validDraft = {
  campaignId: 'test-campaign',
  awardCode: 'BANG_KHEN_TINH',
  nominee: { kind: 'individual', name: 'Võ Thị Sáu' },
  achievements: 'Thành tích xuất sắc',
};

describe('400: malformed bodies, unknown fields, wrong types and values', () => {
  it('refuses a body that is not JSON', async () => {
    const token = await stack.token('canbo.donvi1');
    const res = await appendsNothing(() =>
      stack.http
        .post('/api/nominations')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/json')
        .send('{"campaignId": '),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('names every missing or invalid field of a draft, with reasons', async () => {
    const res = await appendsNothing(async () =>
      (await stack.as('canbo.donvi1')).post('/api/nominations', {
        nominee: { kind: 'robot', name: '' },
        documents: 'x.pdf',
        oneOff: 'yes',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(fieldsOf(res.body)).toEqual([
      'achievements',
      'awardCode',
      'campaignId',
      'documents',
      'nominee.kind',
      'nominee.name',
      'oneOff',
    ]);
    expect(res.body.errors.every((e: { reasons: string[] }) => e.reasons.length > 0)).toBe(true);
  });

  it('refuses unknown fields at the top level and inside the nominee', async () => {
    const res = await appendsNothing(async () =>
      (await stack.as('canbo.donvi1')).post('/api/nominations', {
        ...validDraft,
        status: 'AWARDED',
        nominee: { ...validDraft.nominee, decisionNumber: '1/QĐ-UBND' },
      }),
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['nominee.decisionNumber', 'status']);
  });

  it('refuses a nominee that is not an object', async () => {
    const res = await appendsNothing(async () =>
      (await stack.as('canbo.donvi1')).post('/api/nominations', { ...validDraft, nominee: 'Võ Thị Sáu' }),
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain('nominee');
  });

  it.each([
    ['cluster-review', 'truongcum.cum1', { decision: 'maybe' }, ['decision']],
    ['votes', 'hoidong2', { choice: 'yes', inWriting: 'no' }, ['choice', 'inWriting']],
    ['signature', 'chutich', { decision: 'approve' }, ['decision']],
    ['hold', 'thuky', { matter: 'RUMOUR' }, ['comment', 'matter']],
    ['revocation', 'chutich', { ground: 'BAD_LUCK' }, ['ground', 'reason']],
    ['submit', 'thutruong.donvi1', { comment: 42 }, ['comment']],
    ['withdraw', 'thutruong.donvi1', { reason: 'unknown field' }, ['reason']],
  ])('refuses a bad %s body', async (path, user, body, fields) => {
    const res = await appendsNothing(async () =>
      (await stack.as(user)).post(`/api/nominations/${draftId}/${path}`, body),
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(fields);
  });

  it('refuses an edit with unknown fields or nothing valid', async () => {
    const res = await appendsNothing(async () =>
      (await stack.as('canbo.donvi1')).patch(`/api/nominations/${draftId}`, { unitId: 'donvi3' }),
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['unitId']);
    const empty = await appendsNothing(async () =>
      (await stack.as('canbo.donvi1')).patch(`/api/nominations/${draftId}`, {}),
    );
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('NOTHING_TO_CHANGE');
  });

  it('refuses what only the domain can judge: unknown campaign or award, a return or decline without reasons', async () => {
    const campaign = await appendsNothing(async () =>
      (await stack.as('canbo.donvi1')).post('/api/nominations', { ...validDraft, campaignId: 'no-such-campaign' }),
    );
    expect(campaign.status).toBe(400);
    expect(campaign.body).toMatchObject({ code: 'UNKNOWN_CAMPAIGN', errors: [{ field: 'campaignId' }] });
    const award = await appendsNothing(async () =>
      (await stack.as('canbo.donvi1')).post('/api/nominations', { ...validDraft, awardCode: 'HUAN_CHUONG_VANG' }),
    );
    expect(award.status).toBe(400);
    expect(award.body.code).toBe('UNKNOWN_AWARD');

    const id = await stack.draft();
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    const ret = await appendsNothing(async () =>
      (await stack.as('truongcum.cum1')).post(`/api/nominations/${id}/cluster-review`, { decision: 'return' }),
    );
    expect(ret.status).toBe(400);
    expect(ret.body.errors).toEqual([expect.objectContaining({ field: 'comment' })]);
  });

  it('refuses bad query parameters', async () => {
    const u = await stack.as('thanhtra');
    expect((await u.get('/api/nominations?status=BOGUS')).status).toBe(400);
    expect((await u.get('/api/nominations?page=0')).status).toBe(400);
    expect((await u.get('/api/nominations?pageSize=abc')).status).toBe(400);
    expect((await u.get('/api/nominations?awaitingMe=perhaps')).status).toBe(400);
    const unknown = await u.get('/api/nominations?sort=name');
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['sort']);
    expect((await stack.http.get('/api/registry?year=last')).status).toBe(400);
  });
});

describe('404: what does not exist', () => {
  it('an unknown nomination, its audit trail, and commands on it', async () => {
    const u = await stack.as('thanhtra');
    expect((await u.get('/api/nominations/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await u.get('/api/nominations/00000000-0000-0000-0000-000000000000/audit')).status).toBe(404);
    expect((await u.get('/api/nominations/not%20an%20id')).status).toBe(404);
    const submit = await appendsNothing(async () =>
      (await stack.as('thutruong.donvi1')).post('/api/nominations/00000000-0000-0000-0000-000000000000/submit'),
    );
    expect(submit.status).toBe(404);
    const vote = await appendsNothing(async () =>
      (await stack.as('hoidong2')).post('/api/nominations/00000000-0000-0000-0000-000000000000/votes', {
        choice: 'approve',
      }),
    );
    expect(vote.status).toBe(404);
  });

  it('an unknown decision number', async () => {
    const res = await stack.http.get(`/api/registry/${encodeURIComponent('9999/QĐ-UBND')}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DECISION_NOT_FOUND');
  });
});

describe('409: commands the stage does not allow', () => {
  it('submitting twice, opening voting twice, voting twice', async () => {
    const id = await stack.draft();
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
    const again = await appendsNothing(async () =>
      (await stack.as('thutruong.donvi1')).post(`/api/nominations/${id}/submit`),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WRONG_STAGE');
    const early = await appendsNothing(async () =>
      (await stack.as('hoidong2')).post(`/api/nominations/${id}/votes`, { choice: 'approve' }),
    );
    expect(early.status).toBe(409);

    await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
    await stack.officeCheck(id);
    await stack.command('thuky', `/api/nominations/${id}/voting/open`);
    const reopen = await appendsNothing(async () =>
      (await stack.as('thuky')).post(`/api/nominations/${id}/voting/open`),
    );
    expect(reopen.status).toBe(409);
    expect(reopen.body.code).toBe('VOTING_ALREADY_OPEN');
    await stack.command('hoidong2', `/api/nominations/${id}/votes`, { choice: 'approve' }, 201);
    const twice = await appendsNothing(async () =>
      (await stack.as('hoidong2')).post(`/api/nominations/${id}/votes`, { choice: 'reject' }),
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_VOTED');
  });

  it('after signature: no withdrawal, no second signature; revocation only of an award', async () => {
    const { id } = await stack.toAwarded({ nominee: { kind: 'individual', name: 'Phan Văn Trị' } });
    const withdraw = await appendsNothing(async () =>
      (await stack.as('thutruong.donvi1')).post(`/api/nominations/${id}/withdraw`),
    );
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.code).toBe('NOMINATION_CLOSED');
    const sign = await appendsNothing(async () =>
      (await stack.as('chutich')).post(`/api/nominations/${id}/signature`, { decision: 'sign' }),
    );
    expect(sign.status).toBe(409);

    const revokeDraft = await appendsNothing(async () =>
      (await stack.as('chutich')).post(`/api/nominations/${draftId}/revocation`, {
        ground: 'CRITERIA_NOT_MET',
        reason: 'x',
      }),
    );
    expect(revokeDraft.status).toBe(409);
    expect(revokeDraft.body.code).toBe('NOT_AWARDED');
  });
});

describe('health', () => {
  // Last in this file: it stops the projections of the shared stack.
  it('turns 503 once the projections stop, naming what is not ready', async () => {
    expect((await stack.http.get('/health')).status).toBe(200);
    await stack.system.runtime.runner.stop();
    const res = await stack.http.get('/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      status: 'unavailable',
      checks: { projections: false, store: true, temporal: true, worker: true },
    });
  });
});
