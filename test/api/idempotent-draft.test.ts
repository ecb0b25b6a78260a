/**
 * A draft sent again with the same Idempotency-Key (a client that got no answer) is the same
 * draft: same nomination, one event; another key, or another user, is another draft.
 */
import { startStack, TEST_CAMPAIGN, type Stack } from './support/stack';

jest.setTimeout(120_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const body = {
  campaignId: TEST_CAMPAIGN,
  awardCode: 'BANG_KHEN_TINH',
  nominee: { kind: 'individual', name: 'Trần Văn Khóa', position: 'Giáo viên' },
  achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học; sáng kiến được công nhận cấp tỉnh',
};

test('the same Idempotency-Key twice: one nomination, one NominationDrafted event, the same answer', async () => {
  const send = async (key: string, draft: object = body) =>
    (await stack.as('canbo.donvi1')).post('/api/nominations', draft).set('Idempotency-Key', key);
  const first = await send('retry-me-1');
  const again = await send('retry-me-1');
  expect(first.status).toBe(201);
  expect(again.status).toBe(201);
  expect(again.body.id).toBe(first.body.id);
  expect((await stack.stream(first.body.id)).map((e) => e.type)).toEqual(['NominationDrafted']);

  // Another key is another draft (of another nominee: the same one again would be a second award in progress).
  const other = await send('retry-me-2', { ...body, nominee: { ...body.nominee, name: 'Lê Thị Khánh' } });
  expect(other.status).toBe(201);
  expect(other.body.id).not.toBe(first.body.id);
});

test('an Idempotency-Key longer than 200 characters is refused with 400 naming the header', async () => {
  const res = await (
    await stack.as('canbo.donvi1')
  )
    .post('/api/nominations', body)
    .set('Idempotency-Key', 'k'.repeat(201));
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', reasons: [expect.any(String)] }]);
});
