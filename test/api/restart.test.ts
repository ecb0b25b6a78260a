/**
 * `npm start` again on the same data directory resumes where it stopped: nominations in flight go
 * on (their workflows live in the dev server's SQLite file), read models and users are kept, no
 * demo user is seeded twice, and a token issued before the restart is still valid.
 */
import { startStack, VOTERS_FOR_DONVI1, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

it('a nomination half-way through the council vote is finished and signed after a restart', async () => {
  expect(stack.system.seededUsers).toHaveLength(19);
  const id = await stack.toVotingOpen({ nominee: { kind: 'individual', name: 'Trương Vĩnh Ký' } });
  await stack.command('hoidong1', `/api/nominations/${id}/recusal`);
  const [first, second, ...rest] = VOTERS_FOR_DONVI1;
  await stack.command(first, `/api/nominations/${id}/votes`, { choice: 'approve' }, 201);
  await stack.command(second, `/api/nominations/${id}/votes`, { choice: 'approve' }, 201);
  const before = (await (await stack.as('thanhtra')).get(`/api/nominations/${id}`)).body;
  const head = await stack.head();

  await stack.restart();

  expect(stack.system.seededUsers).toEqual([]);
  expect((await stack.http.get('/health')).status).toBe(200);
  expect(await stack.head()).toBe(head);
  // Same token as before the restart: the embedded JWT secret is kept in the data directory.
  const after = (await (await stack.as('thanhtra')).get(`/api/nominations/${id}`)).body;
  expect(after).toMatchObject({
    status: 'COUNCIL_VOTING',
    lastPosition: before.lastPosition,
    council: { open: true, votesCast: 2 },
  });

  let last: any;
  for (const m of rest) last = await stack.command(m, `/api/nominations/${id}/votes`, { choice: 'approve' }, 201);
  expect(last.status).toBe('AWAITING_SIGNATURE');
  const signed = await stack.command('chutich', `/api/nominations/${id}/signature`, { decision: 'sign' });
  expect(signed).toMatchObject({ status: 'AWARDED', decisionNumber: '1/QĐ-UBND' });
  const registry = await stack.http.get('/api/registry').query({ q: 'truong vinh ky' });
  expect(registry.body.items).toEqual([expect.objectContaining({ nominationId: id, decisionNumber: '1/QĐ-UBND' })]);
  expect((await stack.stream(id)).map((e) => e.type).filter((t) => t === 'CouncilVoteCast')).toHaveLength(
    VOTERS_FOR_DONVI1.length,
  );
});
