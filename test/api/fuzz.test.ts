/**
 * A bounded, seeded fuzz of every endpoint the OpenAPI document lists (so a new endpoint is fuzzed
 * without anyone remembering to): random path ids, query strings, headers and bodies — some shaped
 * like the real forms, some garbage, some hostile (deep nesting, NUL, huge numbers, odd types) — sent
 * anonymously and as each kind of user. Never a 5xx; a refused request appends no event; every
 * refusal's message and reasons are Vietnamese (no framework English, no role codes). Real nominations
 * in several stages are seeded first, so some random commands reach the domain.
 */
import fc from 'fast-check';
import { startStack, type Stack } from './support/stack';
import { nonVietnameseIn } from './support/vietnamese';

const SEED = 20_261_201;
const RUNS_PER_OPERATION = Number(process.env.TDKT_FUZZ_RUNS ?? 25);
const USERS = [
  'canbo.donvi1',
  'thutruong.donvi1',
  'truongcum.cum1',
  'thuky',
  'hoidong2',
  'chutich',
  'thanhtra',
] as const;

let stack: Stack;
let operations: { method: string; path: string; query: string[]; bodyProps: string[] }[] = [];
const knownIds: string[] = [];

beforeAll(async () => {
  // The notification stream (SSE) never ends by itself: ended after 200 ms here, it answers like any route.
  stack = await startStack({ api: { notifications: { streamMaxMs: 200 } } });
  const doc = (await stack.http.get('/api/docs-json')).body as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string }[];
          requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
        }
      >
    >;
    components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();
      operations.push({
        method,
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: Object.keys((ref && doc.components?.schemas?.[ref]?.properties) || {}),
      });
    }
  }
  operations = operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
  knownIds.push(await stack.draft(), await stack.toCouncilVoting(), (await stack.toAwarded()).id);
  for (const u of USERS) await stack.token(u);
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'a\u0000b',
    '%00',
    '../../etc/passwd',
    "'; DROP TABLE events; --",
    'Nguyễn Văn An',
    '1/QĐ-UBND',
    'x'.repeat(5000),
    '\uD800',
    '{}',
    '[]',
    'null',
    '-1',
    '1e309',
    '9'.repeat(40),
  ),
);
/** What a client can put in a header at all (Node refuses control and non-Latin-1 characters). */
const headerString = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.constantFrom('-1', '1e309', '9'.repeat(40), '0x10', ' 5', ''),
);
const scalar = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('v'), { maxKeys: 4 }),
  ),
})).v;
/** A body sent as written (a deep value would overflow fast-check's own printing, so it stays text). */
class RawJson {
  constructor(readonly text: string) {}
  toString() {
    return `RawJson(${this.text.length} chars)`;
  }
}
const deep = fc
  .constantFrom(40, 500, 3000, 6000)
  .chain((n) =>
    fc
      .constantFrom('{"a":', '[', '{"nominee":')
      .map((open) => new RawJson(open.repeat(n) + '1' + (open === '[' ? ']' : '}').repeat(n))),
  );

function bodyFor(props: string[]) {
  const shaped = props.length
    ? fc.record(Object.fromEntries(props.map((p) => [p, value])), { requiredKeys: [] })
    : fc.constant({});
  return fc.oneof(shaped, value, deep, fc.constant(undefined));
}

const idArb = fc.oneof(
  fc.constantFrom(...['00000000-0000-4000-8000-000000000000', 'x', '%00', '..', '1%2FQĐ-UBND']),
  fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent),
  fc.constant('KNOWN'),
);

it('no endpoint answers a 5xx, and no refused request appends an event', async () => {
  expect(operations.length).toBeGreaterThan(15);
  const failures: string[] = [];
  let sent = 0;
  for (const [index, op] of operations.entries()) {
    if (op.path.startsWith('/api/docs')) continue;
    const arb = fc.record({
      ids: fc.array(idArb, { minLength: 3, maxLength: 3 }),
      knownId: fc.nat({ max: knownIds.length - 1 }),
      query: fc.dictionary(fc.oneof(fc.constantFrom(...op.query, 'page', 'q', 'x'), hostileString), hostileString, {
        maxKeys: 4,
      }),
      user: fc.option(fc.constantFrom(...USERS), { nil: undefined }),
      badAuth: fc.option(fc.constantFrom('Bearer x.y.z', 'Bearer ', 'Basic YTpi', 'Bearer ' + 'a'.repeat(300)), {
        nil: undefined,
        freq: 5,
      }),
      afterPosition: fc.option(fc.oneof(fc.nat().map(String), headerString), { nil: undefined, freq: 4 }),
      body: bodyFor(op.bodyProps),
      contentType: fc.option(
        fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
        { nil: undefined, freq: 6 },
      ),
    });
    // On a failed property, carry on to the list below: it names the request and its answer (fast-check's
    // own message shows only the generated input).
    const property = fc.assert(
      fc.asyncProperty(arb, async (input) => {
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => {
          const id = input.ids[i++ % 3];
          return id === 'KNOWN' ? knownIds[input.knownId] : id;
        });
        const head = await stack.head();
        let req = (stack.http as any)[op.method](path).query(input.query);
        // Logout as a user would end the session of the cached token every later request uses.
        const user = op.path === '/api/auth/logout' ? undefined : input.user;
        if (user) req = req.set('Authorization', `Bearer ${await stack.token(user)}`);
        if (input.badAuth) req = req.set('Authorization', input.badAuth);
        if (input.afterPosition !== undefined) req = req.set('X-TDKT-After-Position', input.afterPosition);
        if (input.body instanceof RawJson) req = req.set('Content-Type', 'application/json').send(input.body.text);
        else if (input.body !== undefined && op.method !== 'get') {
          const text = JSON.stringify(input.body);
          if (input.contentType) req = req.set('Content-Type', input.contentType).send(text);
          else req = req.set('Content-Type', 'application/json').send(text);
        }
        const res = await req;
        sent++;
        const appended = (await stack.head()) - head;
        const label = `${op.method.toUpperCase()} ${path} as ${user ?? 'anonymous'} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        if (res.status >= 500) failures.push(label);
        if (res.status >= 400 && appended !== 0) failures.push(`${label}: appended ${appended} event(s)`);
        // Every refusal is an ErrorBody a person can read: Vietnamese, no framework English, no role codes.
        const leaks = res.status >= 400 ? nonVietnameseIn(res.body) : [];
        if (leaks.length) failures.push(`${label}: not Vietnamese: ${JSON.stringify(leaks)}`);
        return res.status < 500 && (res.status < 400 || appended === 0) && leaks.length === 0;
      }),
      { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
    );
    await property.catch((err: Error) => failures.push(`${op.method.toUpperCase()} ${op.path}: ${err.message}`));
  }
  process.stderr.write(`[fuzz] ${operations.length} operations, ${sent} requests, seed ${SEED}\n`);
  expect(failures).toEqual([]);
}, 600_000);
