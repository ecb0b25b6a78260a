/**
 * The OpenAPI document describes answers, not only requests: every operation its success type and
 * its error responses with the ErrorBody schema. And every error a person reads is Vietnamese: a
 * walk over every operation of the document with the usual mistakes (no token, a bad token, an
 * unknown id, an empty body, wrong types, an unknown field, the wrong role) finds no English message
 * of a framework and no role code; a missing field says it is missing.
 */
import { MISSING_REASON } from '../../apps/api/src/http/errors';
import { PASSWORD, startStack, type Stack } from './support/stack';
import { nonVietnameseIn } from './support/vietnamese';

interface Operation {
  parameters?: { in: string; name: string }[];
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

let stack: Stack;
let doc: Doc;
let draftId: string;
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  // The notification stream (SSE) never ends by itself: ended after 200 ms here, the walk passes it like any route.
  stack = await startStack({ api: { notifications: { streamMaxMs: 200 } } });
  draftId = await stack.draft();
  doc = (await stack.http.get('/api/docs-json')).body;
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) operations.push({ method, path, op });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const schemaOf = (res: Operation['responses'][string] | undefined) => res?.content?.['application/json']?.schema;
/** A success answer is typed: a schema for its body (JSON, or e.g. text/event-stream), or 204 — no body at all. */
const typedSuccess = ([status, res]: [string, Operation['responses'][string]]) =>
  status === '204' || Object.values(res.content ?? {}).some((c) => c.schema);

describe('the OpenAPI document', () => {
  it('gives every operation a success response with its type', () => {
    const missing = operations
      .filter(({ op }) => {
        const ok = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
        return ok.length === 0 || !ok.every(typedSuccess);
      })
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
  });

  it('gives every operation its error responses, each an ErrorBody', () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      const signedIn = (op.security ?? []).length > 0;
      // /health, /health/live and /health/ready answer their 503 with their own body (which checks failed), documented as such.
      const expected = /^\/health(\/|$)/.test(path) ? ['400'] : ['400', '503'];
      if (signedIn) expected.push('401');
      if (signedIn && method !== 'get') expected.push('403', '409');
      if ((op.parameters ?? []).some((p) => p.in === 'path')) expected.push('404');
      if (path === '/api/auth/login') expected.push('401', '429');
      for (const status of expected) {
        const ref = schemaOf(op.responses[status])?.$ref;
        if (ref !== '#/components/schemas/ErrorBody')
          problems.push(`${method.toUpperCase()} ${path} ${status}: ${ref}`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(doc.components.schemas.ErrorBody.properties ?? {}).sort()).toEqual([
      'code',
      'error',
      'errors',
      'message',
      'statusCode',
    ]);
  });
});

/** A new session of this user, apart from the stack's cached one. */
async function signIn(username: string): Promise<string> {
  const res = await stack.http.post('/api/auth/login').send({ username, password: PASSWORD });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

describe('every message a person reads is Vietnamese', () => {
  it('across every operation, for the usual mistakes', async () => {
    const seen: string[] = [];
    const leaks: string[] = [];
    const check = (label: string, res: { status: number; body: unknown }) => {
      if (res.status < 400) return;
      seen.push(label);
      const found = nonVietnameseIn(res.body);
      if (found.length) leaks.push(`${label} → ${res.status} ${JSON.stringify(found)}`);
    };
    for (const { method, path, op } of operations) {
      if (path.startsWith('/api/docs')) continue;
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();
      const props = Object.keys((ref && doc.components.schemas[ref]?.properties) || {});
      const at = (id: string) => path.replace(/\{[^}]+\}/g, id);
      const send = (req: any, body?: unknown) => (method === 'get' || body === undefined ? req : req.send(body));
      const http = stack.http as any;
      const label = (what: string) => `${method.toUpperCase()} ${path} ${what}`;
      check(label('without a token'), await send(http[method](at(draftId)), {}));
      check(label('with a bad token'), await send(http[method](at(draftId)).set('Authorization', 'Bearer x.y.z'), {}));
      for (const user of ['canbo.donvi3', 'hoidong2', 'thanhtra']) {
        // Signing out ends the session it is sent with: a session of its own, not the one the other requests share.
        const token = path === '/api/auth/logout' ? await signIn(user) : await stack.token(user);
        const auth = `Bearer ${token}`;
        const as = (p: string) => http[method](p).set('Authorization', auth);
        check(label(`as ${user}, unknown id`), await send(as(at('00000000-0000-4000-8000-000000000000')), {}));
        check(label(`as ${user}, empty body`), await send(as(at(draftId)), {}));
        const wrongTypes = Object.fromEntries(props.map((p) => [p, 12345]));
        check(label(`as ${user}, wrong types`), await send(as(at(draftId)), { ...wrongTypes, unknownField: 'x' }));
        const nested = Object.fromEntries(props.map((p) => [p, 'x']));
        check(label(`as ${user}, strings for objects`), await send(as(at(draftId)), nested));
        if (method === 'get')
          check(
            label(`as ${user}, bad query`),
            await as(at(draftId)).query({ page: 'x', year: -1, awaitingMe: 'maybe' }),
          );
      }
    }
    expect(leaks).toEqual([]);
    expect(seen.length).toBeGreaterThan(100);
  });

  it('a missing field says it is missing, not "too long" or "must be a string"', async () => {
    const res = await (await stack.as('canbo.donvi1')).post('/api/nominations', { nominee: { kind: 'individual' } });
    expect(res.status).toBe(400);
    const reasons = Object.fromEntries(res.body.errors.map((e: any) => [e.field, e.reasons]));
    expect(reasons).toEqual({
      campaignId: ['Cần chọn đợt thi đua'],
      awardCode: [MISSING_REASON],
      achievements: ['Cần tóm tắt thành tích'],
      'nominee.name': ['Cần tên người/tập thể được đề nghị'],
    });
  });

  it('a nominee that is not an object is told so in Vietnamese, not "nested property … must be …"', async () => {
    const res = await (
      await stack.as('canbo.donvi1')
    ).post('/api/nominations', {
      campaignId: 'test-campaign',
      awardCode: 'BANG_KHEN_TINH',
      nominee: 'x',
      achievements: 'y',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'nominee', reasons: ['nominee phải là một đối tượng'] }]);
  });

  it('a refusal for want of a role names the role in Vietnamese', async () => {
    const res = await (await stack.as('hoidong2')).post(`/api/nominations/${draftId}/submit`);
    expect([res.status, res.body.code, res.body.message]).toEqual([
      403,
      'ROLE_REQUIRED',
      'Thao tác này cần vai trò Thủ trưởng đơn vị',
    ]);
  });

  it('a command at the wrong stage names the stage in Vietnamese', async () => {
    const res = await (
      await stack.as('truongcum.cum1')
    ).post(`/api/nominations/${draftId}/cluster-review`, {
      decision: 'endorse',
    });
    expect([res.status, res.body.code]).toEqual([409, 'WRONG_STAGE']);
    expect(res.body.message).toContain('"Đang lập hồ sơ"');
  });
});
