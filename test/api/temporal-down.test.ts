/**
 * The Temporal server goes away under a running API: reads keep answering from the read models,
 * health says what is down, and a command answers 503 (not a 500, not a request that hangs).
 */
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ api: { commandTimeoutMs: 15_000 } });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 120_000);

it('with Temporal down, reads answer, health is 503 and a command is 503 appending nothing', async () => {
  const id = await stack.draft({ nominee: { kind: 'individual', name: 'Nguyễn Thị Định' } });
  // The worker first (it would otherwise keep polling a server that is gone), then the server.
  await stack.system.worker.close();
  await stack.system.devServer!.stop();

  const health = await stack.http.get('/health');
  expect(health.status).toBe(503);
  expect(health.body.checks).toMatchObject({ temporal: false, store: true, projections: true });

  const detail = await (await stack.as('thanhtra')).get(`/api/nominations/${id}`).timeout(60_000);
  expect(detail.status).toBe(200);
  expect(detail.body).toMatchObject({ id, status: 'DRAFT' });

  const before = await stack.head();
  const withdraw = await (await stack.as('thutruong.donvi1')).post(`/api/nominations/${id}/withdraw`).timeout(90_000);
  expect({ status: withdraw.status, code: withdraw.body.code }).toEqual({ status: 503, code: 'WORKFLOW_UNAVAILABLE' });
  const draft = await (
    await stack.as('canbo.donvi1')
  )
    .post('/api/nominations', {
      campaignId: 'test-campaign',
      awardCode: 'BANG_KHEN_TINH',
      nominee: { kind: 'individual', name: 'Trần Văn Ơn' },
      achievements: 'Thành tích',
    })
    .timeout(90_000);
  expect({ status: draft.status, code: draft.body.code }).toEqual({ status: 503, code: 'WORKFLOW_UNAVAILABLE' });
  expect(await stack.head()).toBe(before);
}, 240_000);
