/**
 * Every command, tried by every demo user who may not issue it (wrong role, or the right role for
 * another unit or cluster), at the stage where it would otherwise be accepted: 403, and not a
 * single event appended anywhere.
 */
import { ALL_USERS, startStack, VOTERS_FOR_DONVI1, type Stack, type Username } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const everyoneBut = (...allowed: Username[]) => ALL_USERS.filter((u) => !allowed.includes(u));

interface Attempt {
  name: string;
  method?: 'post' | 'patch';
  path: (id: string) => string;
  body: object;
  allowed: Username[];
}

/** Tries the command as every user not allowed; each must get 403 and the log must not move. */
async function expectForbiddenForOthers(id: string, a: Attempt): Promise<void> {
  const before = await stack.head();
  const streamBefore = (await stack.stream(id)).length;
  const outcomes: Record<string, string> = {};
  for (const user of everyoneBut(...a.allowed)) {
    const as = await stack.as(user);
    const res = await (a.method === 'patch' ? as.patch(a.path(id), a.body) : as.post(a.path(id), a.body));
    outcomes[user] = `${res.status} ${res.body.code}`;
  }
  const expected = Object.fromEntries(
    Object.entries(outcomes).map(([u, o]) => [u, o.startsWith('403 ') ? o : `403 (was ${o})`]),
  );
  expect({ command: a.name, outcomes }).toEqual({ command: a.name, outcomes: expected });
  expect(await stack.head()).toBe(before);
  expect((await stack.stream(id)).length).toBe(streamBefore);
}

const n =
  (suffix = '') =>
  (id: string) =>
    `/api/nominations/${id}${suffix}`;

describe('every command by every wrong role or scope is refused with 403 and appends nothing', () => {
  let id: string;

  it('drafting: only unit officers', async () => {
    const before = await stack.head();
    const body = {
      campaignId: 'test-campaign',
      awardCode: 'BANG_KHEN_TINH',
      nominee: { kind: 'individual', name: 'Trần Văn Bảy' },
      achievements: 'Thành tích',
    };
    for (const user of everyoneBut('canbo.donvi1', 'canbo.donvi3')) {
      const res = await (await stack.as(user)).post('/api/nominations', body);
      expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status: 403, code: 'ROLE_REQUIRED' });
    }
    expect(await stack.head()).toBe(before);
    expect((await (await stack.as('thanhtra')).get('/api/nominations')).body.total).toBe(0);
  });

  it('a draft: edit (its unit officer), submit and withdraw (its unit head), hold (the secretary)', async () => {
    id = await stack.draft();
    await expectForbiddenForOthers(id, {
      name: 'edit',
      method: 'patch',
      path: n(),
      body: { achievements: 'Sửa thành tích' },
      allowed: ['canbo.donvi1'],
    });
    await expectForbiddenForOthers(id, { name: 'submit', path: n('/submit'), body: {}, allowed: ['thutruong.donvi1'] });
    await expectForbiddenForOthers(id, {
      name: 'withdraw',
      path: n('/withdraw'),
      body: {},
      allowed: ['thutruong.donvi1'],
    });
    await expectForbiddenForOthers(id, {
      name: 'hold',
      path: n('/hold'),
      body: { matter: 'INSPECTION', comment: 'Đang thanh tra' },
      allowed: ['thuky'],
    });
    await stack.command('thutruong.donvi1', `/api/nominations/${id}/submit`);
  });

  it('cluster review: only the leader of the unit’s own cluster', async () => {
    await expectForbiddenForOthers(id, {
      name: 'cluster-review',
      path: n('/cluster-review'),
      body: { decision: 'endorse' },
      allowed: ['truongcum.cum1'],
    });
    await stack.command('truongcum.cum1', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
  });

  it('office check: only the council secretary (the office)', async () => {
    await expectForbiddenForOthers(id, {
      name: 'office-check',
      path: n('/office-check'),
      body: { result: 'complete' },
      allowed: ['thuky'],
    });
    await stack.officeCheck(id);
  });

  it('council: the secretary opens and closes voting; members vote (not the colleague who must recuse) and recuse', async () => {
    await expectForbiddenForOthers(id, { name: 'voting/open', path: n('/voting/open'), body: {}, allowed: ['thuky'] });
    await stack.command('thuky', `/api/nominations/${id}/voting/open`);
    await expectForbiddenForOthers(id, {
      name: 'votes',
      path: n('/votes'),
      body: { choice: 'approve' },
      allowed: VOTERS_FOR_DONVI1,
    });
    await expectForbiddenForOthers(id, {
      name: 'recusal',
      path: n('/recusal'),
      body: {},
      allowed: ['hoidong1', ...VOTERS_FOR_DONVI1],
    });
    await expectForbiddenForOthers(id, {
      name: 'voting/close',
      path: n('/voting/close'),
      body: {},
      allowed: ['thuky'],
    });
    const colleague = await (await stack.as('hoidong1')).post(`/api/nominations/${id}/votes`, { choice: 'approve' });
    expect(colleague.body.code).toBe('MUST_RECUSE');
    await stack.command('hoidong1', `/api/nominations/${id}/recusal`);
    for (const m of VOTERS_FOR_DONVI1)
      await stack.command(m, `/api/nominations/${id}/votes`, { choice: 'approve' }, 201);
  });

  it('signature (sign or decline): only the chairman; release from hold: only the secretary', async () => {
    await expectForbiddenForOthers(id, {
      name: 'signature sign',
      path: n('/signature'),
      body: { decision: 'sign' },
      allowed: ['chutich'],
    });
    await expectForbiddenForOthers(id, {
      name: 'signature decline',
      path: n('/signature'),
      body: { decision: 'decline', comment: 'Không ký' },
      allowed: ['chutich'],
    });
    await stack.command('thuky', `/api/nominations/${id}/hold`, {
      matter: 'PUBLISHED_ALLEGATION',
      comment: 'Có đơn tố cáo',
    });
    await expectForbiddenForOthers(id, { name: 'release', path: n('/release'), body: {}, allowed: ['thuky'] });
    await stack.command('thuky', `/api/nominations/${id}/release`);
    await stack.command('chutich', `/api/nominations/${id}/signature`, { decision: 'sign' });
  });

  it('revocation: only the chairman', async () => {
    await expectForbiddenForOthers(id, {
      name: 'revocation',
      path: n('/revocation'),
      body: { ground: 'DISHONEST_DECLARATION', reason: 'Kê khai gian dối' },
      allowed: ['chutich'],
    });
    expect(
      await stack.command('chutich', `/api/nominations/${id}/revocation`, {
        ground: 'DISHONEST_DECLARATION',
        reason: 'Kê khai gian dối',
      }),
    ).toMatchObject({
      status: 'REVOKED',
    });
  });

  it('the audit trail is read by the province’s oversight and by the nomination’s own unit and cluster only (others: 404)', async () => {
    const outcomes: Record<string, number> = {};
    for (const user of ALL_USERS)
      outcomes[user] = (await (await stack.as(user)).get(`/api/nominations/${id}/audit`)).status;
    const others: Username[] = ['canbo.donvi3', 'thutruong.donvi3', 'truongcum.cum2'];
    expect(outcomes).toEqual(Object.fromEntries(ALL_USERS.map((u) => [u, others.includes(u) ? 404 : 200])));
  });

  it('the actor is the token’s: a body naming another actor is refused as an unknown field', async () => {
    const other = await stack.draft();
    const before = await stack.head();
    const res = await (
      await stack.as('canbo.donvi1')
    ).post(`/api/nominations/${other}/submit`, { actor: { userId: 'thutruong.donvi1', roles: ['UNIT_HEAD'] } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'actor' })]);
    expect(await stack.head()).toBe(before);
  });
});
