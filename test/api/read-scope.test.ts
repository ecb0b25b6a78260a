/**
 * Who may see what, over HTTP: every read endpoint × every demo user and the anonymous public, each
 * expected answer written out. The endpoints come from the OpenAPI document (as the fuzz suite's
 * do): a GET endpoint without a row in the table fails this test, so no new read ships without a
 * rule. Three nominations are seeded:
 *   A — donvi1 (cluster cum1), council voting OPEN on an open ballot: hoidong1 recused, hoidong2
 *       voted with a comment, the others have not voted yet;
 *   B — donvi3 (cluster cum2), a draft;
 *   C — donvi1 (cum1), voting CLOSED (open ballot, hoidong2's vote carries a comment) and signed;
 *   D — donvi4 (cum2, the cluster of donvi3), a draft by an officer added for this test (canbo.donvi4):
 *       the same cluster is not the same unit.
 * Each answer is summarised as text: the status, and what the body shows of each seeded nomination
 * (listed or not, the nominee identifier whole / masked / absent, vote choices and comments shown
 * or hidden). The policy itself: libs/domain/src/read-access/read-access.ts and the README.
 */
import { ALL_USERS, startStack, VOTERS_FOR_DONVI1, type Stack } from './support/stack';

type Reader = (typeof ALL_USERS)[number] | 'canbo.donvi4' | 'anonymous';
const READERS: Reader[] = ['anonymous', ...ALL_USERS, 'canbo.donvi4'];
type Label = 'A' | 'B' | 'C' | 'D';
type Expected = Record<Reader, string>;

let stack: Stack;
const seeded: Record<Label, { id: string; nomineeId: string }> = {} as never;
let decisionNumber = '';
const COMMENT = 'Ý kiến riêng: thành tích cần minh chứng thêm';

beforeAll(async () => {
  stack = await startStack({
    users: [
      {
        username: 'canbo.donvi4',
        displayName: 'Cán bộ TĐKT huyện Mỏ Cày Nam',
        roles: ['UNIT_OFFICER'],
        unitId: 'donvi4',
        clusterId: 'cum2',
      },
    ],
  });
  const person = (name: string, nomineeId: string) => ({ nominee: { kind: 'individual', name, nomineeId } });
  // A: voting open, one vote cast with a comment.
  const a = await stack.toVotingOpen(person('Nguyễn Văn Ánh', 'cccd-083090001111'));
  await stack.command('hoidong1', `/api/nominations/${a}/recusal`, { comment: 'Cùng đơn vị' });
  await stack.command('hoidong2', `/api/nominations/${a}/votes`, { choice: 'approve', comment: COMMENT }, 201);
  seeded.A = { id: a, nomineeId: 'cccd-083090001111' };
  // B: a draft of another unit and cluster.
  seeded.B = {
    id: await stack.draft(person('Trần Thị Bé', 'cccd-083090002222'), 'canbo.donvi3'),
    nomineeId: 'cccd-083090002222',
  };
  // C: voting closed (every voter voted; hoidong2 with a comment), then signed.
  const c = await stack.toVotingOpen(person('Lê Văn Cường', 'cccd-083090003333'));
  await stack.command('hoidong1', `/api/nominations/${c}/recusal`);
  for (const m of VOTERS_FOR_DONVI1)
    await stack.command(
      m,
      `/api/nominations/${c}/votes`,
      m === 'hoidong2' ? { choice: 'approve', comment: COMMENT } : { choice: 'approve' },
      201,
    );
  decisionNumber = (await stack.command('chutich', `/api/nominations/${c}/signature`, { decision: 'sign' }))
    .decisionNumber;
  seeded.C = { id: c, nomineeId: 'cccd-083090003333' };
  seeded.D = {
    id: await stack.draft(person('Phạm Văn Dũng', 'cccd-083090004444'), 'canbo.donvi4'),
    nomineeId: 'cccd-083090004444',
  };
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

// ------------------------------------------------------------------ what an answer shows

const labelOf = (id: string) => (Object.keys(seeded) as Label[]).find((k) => seeded[k].id === id) ?? '?';

/** The nominee identifier as shown: whole, masked (•••…), or absent from the body. */
function identifier(value: unknown, whole: string): string {
  if (value === undefined) return 'absent';
  if (value === whole) return 'whole';
  if (typeof value === 'string' && value.startsWith('•') && !value.includes(whole.slice(0, 8))) return 'masked';
  return `LEAK(${String(value)})`;
}

/** A list page: which seeded nominations it shows (in label order), its total, and their identifiers. */
function listSummary(body: any): string {
  const items = (body.items as any[]).filter((n) => labelOf(n.id) !== '?');
  const shown = items
    .map((n) => `${labelOf(n.id)}:${identifier(n.nomineeId, seeded[labelOf(n.id) as Label].nomineeId)}`)
    .sort();
  const total = body.total === body.items.length ? '' : ` total≠items(${body.total}/${body.items.length})`;
  return `[${shown.join(' ')}]${total}`;
}

/** An audit trail: the nominee id in the draft event, the vote choices and hoidong2's comment. */
function auditSummary(body: any[], label: 'A' | 'C'): string {
  const drafted = body.find((e) => e.eventType === 'NominationDrafted');
  const votes = body.filter((e) => e.eventType === 'CouncilVoteCast');
  const choicesShown = votes.every((v) => v.data.choice !== undefined && /đồng ý/.test(v.summary));
  const choicesHidden = votes.every((v) => v.data.choice === undefined && !/đồng ý/.test(v.summary));
  const commented = votes.find((v) => v.actorId === 'hoidong2');
  const commentShown = commented?.comment === COMMENT && commented?.data.comment === COMMENT;
  // Hidden means nowhere in the entry: not its comment, its data or its reason.
  const commentHidden = !!commented && !JSON.stringify(commented).includes(COMMENT);
  const leaks =
    JSON.stringify(body).includes(seeded[label].nomineeId) &&
    identifier(drafted?.data.nominee.nomineeId, seeded[label].nomineeId) !== 'whole';
  return [
    `nomineeId:${identifier(drafted?.data.nominee.nomineeId, seeded[label].nomineeId)}${leaks ? ' LEAK' : ''}`,
    `choices:${choicesShown ? 'shown' : choicesHidden ? 'hidden' : 'MIXED'}`,
    `comment:${commentShown ? 'shown' : commentHidden ? 'hidden' : 'MIXED'}`,
  ].join(' ');
}

/** Registry awards: C's identifier as shown (the registry is public; the identifier is personal data). */
function registrySummary(awards: any[]): string {
  const c = awards.find((a) => a.nominationId === seeded.C.id);
  return c ? `C:${identifier(c.nomineeId, seeded.C.nomineeId)}` : 'no C';
}

// ---------------------------------------------------------------- the table, route by route

/** One request of a row: the concrete path and how its answer is summarised after the status. */
interface Probe {
  path: () => string;
  summary?: (body: any) => string;
  expected: Expected;
}

/** Every reader the same answer. */
const all = (answer: string): Expected => Object.fromEntries(READERS.map((r) => [r, answer])) as Expected;
/** Signed-in readers one answer, the anonymous public 401. */
const signedIn = (answer: string): Expected => ({ ...all(answer), anonymous: '401' });

const TABLE: Record<string, Probe[]> = {
  'GET /api': [{ path: () => '/api', expected: all('200') }],
  'GET /health': [{ path: () => '/health', expected: all('200') }],
  'GET /api/catalog': [{ path: () => '/api/catalog', expected: all('200') }],
  'GET /api/campaigns': [{ path: () => '/api/campaigns', expected: signedIn('200') }],
  'GET /api/units': [{ path: () => '/api/units', expected: signedIn('200') }],
  'GET /api/clusters': [{ path: () => '/api/clusters', expected: signedIn('200') }],
  'GET /api/me': [{ path: () => '/api/me', expected: signedIn('200') }],
  'GET /api/nominations': [
    {
      path: () => '/api/nominations?pageSize=200',
      summary: listSummary,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 [A:whole C:whole]',
        'thutruong.donvi1': '200 [A:whole C:whole]',
        'canbo.donvi3': '200 [B:whole]',
        'thutruong.donvi3': '200 [B:whole]',
        'truongcum.cum1': '200 [A:masked C:masked]',
        'truongcum.cum2': '200 [B:masked D:masked]',
        thuky: '200 [A:whole B:whole C:whole D:whole]',
        hoidong1: '200 [A:masked B:masked C:masked D:masked]',
        hoidong2: '200 [A:masked B:masked C:masked D:masked]',
        hoidong3: '200 [A:masked B:masked C:masked D:masked]',
        hoidong4: '200 [A:masked B:masked C:masked D:masked]',
        hoidong5: '200 [A:masked B:masked C:masked D:masked]',
        chutich: '200 [A:masked B:masked C:masked D:masked]',
        thanhtra: '200 [A:whole B:whole C:whole D:whole]',
        'canbo.donvi4': '200 [D:whole]',
      },
    },
    {
      // Asking for another unit's nominations shows nothing and counts nothing.
      path: () => '/api/nominations?unit=donvi3&pageSize=200',
      summary: (b) => `${listSummary(b)} total=${b.total}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 [] total=0',
        'thutruong.donvi1': '200 [] total=0',
        'canbo.donvi3': '200 [B:whole] total=1',
        'thutruong.donvi3': '200 [B:whole] total=1',
        'truongcum.cum1': '200 [] total=0',
        'truongcum.cum2': '200 [B:masked] total=1',
        thuky: '200 [B:whole] total=1',
        hoidong1: '200 [B:masked] total=1',
        hoidong2: '200 [B:masked] total=1',
        hoidong3: '200 [B:masked] total=1',
        hoidong4: '200 [B:masked] total=1',
        hoidong5: '200 [B:masked] total=1',
        chutich: '200 [B:masked] total=1',
        thanhtra: '200 [B:whole] total=1',
        'canbo.donvi4': '200 [] total=0',
      },
    },
    {
      // The inbox ("waiting for me") and its count.
      path: () => '/api/nominations?awaitingMe=true&pageSize=200',
      summary: (b) => `${listSummary(b)} total=${b.total}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 [] total=0',
        'thutruong.donvi1': '200 [] total=0',
        'canbo.donvi3': '200 [] total=0',
        'thutruong.donvi3': '200 [B:whole] total=1',
        'truongcum.cum1': '200 [] total=0',
        'truongcum.cum2': '200 [] total=0',
        thuky: '200 [] total=0',
        hoidong1: '200 [] total=0',
        hoidong2: '200 [] total=0',
        hoidong3: '200 [A:masked] total=1',
        hoidong4: '200 [A:masked] total=1',
        hoidong5: '200 [A:masked] total=1',
        chutich: '200 [A:masked] total=1',
        thanhtra: '200 [] total=0',
        'canbo.donvi4': '200 [] total=0',
      },
    },
  ],
  'GET /api/nominations/{id}': [
    {
      path: () => `/api/nominations/${seeded.A.id}`,
      summary: (b) => `nomineeId:${identifier(b.nomineeId, seeded.A.nomineeId)}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole',
        'thutruong.donvi1': '200 nomineeId:whole',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole',
        hoidong1: '200 nomineeId:masked',
        hoidong2: '200 nomineeId:masked',
        hoidong3: '200 nomineeId:masked',
        hoidong4: '200 nomineeId:masked',
        hoidong5: '200 nomineeId:masked',
        chutich: '200 nomineeId:masked',
        thanhtra: '200 nomineeId:whole',
        'canbo.donvi4': '404',
      },
    },
    {
      path: () => `/api/nominations/${seeded.B.id}`,
      summary: (b) => `nomineeId:${identifier(b.nomineeId, seeded.B.nomineeId)}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '404',
        'thutruong.donvi1': '404',
        'canbo.donvi3': '200 nomineeId:whole',
        'thutruong.donvi3': '200 nomineeId:whole',
        'truongcum.cum1': '404',
        'truongcum.cum2': '200 nomineeId:masked',
        thuky: '200 nomineeId:whole',
        hoidong1: '200 nomineeId:masked',
        hoidong2: '200 nomineeId:masked',
        hoidong3: '200 nomineeId:masked',
        hoidong4: '200 nomineeId:masked',
        hoidong5: '200 nomineeId:masked',
        chutich: '200 nomineeId:masked',
        thanhtra: '200 nomineeId:whole',
        'canbo.donvi4': '404',
      },
    },
    {
      // Same cluster as donvi3, another unit: the unit's staff of donvi3 do not see it; the cluster leader does.
      path: () => `/api/nominations/${seeded.D.id}`,
      summary: (b) => `nomineeId:${identifier(b.nomineeId, seeded.D.nomineeId)}`,
      expected: {
        anonymous: '401',
        'canbo.donvi1': '404',
        'thutruong.donvi1': '404',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '404',
        'truongcum.cum2': '200 nomineeId:masked',
        thuky: '200 nomineeId:whole',
        hoidong1: '200 nomineeId:masked',
        hoidong2: '200 nomineeId:masked',
        hoidong3: '200 nomineeId:masked',
        hoidong4: '200 nomineeId:masked',
        hoidong5: '200 nomineeId:masked',
        chutich: '200 nomineeId:masked',
        thanhtra: '200 nomineeId:whole',
        'canbo.donvi4': '200 nomineeId:whole',
      },
    },
  ],
  'GET /api/nominations/{id}/audit': [
    {
      // Voting open: how anyone voted, and their comments, are the inspector's only.
      path: () => `/api/nominations/${seeded.A.id}/audit`,
      summary: (b) => auditSummary(b, 'A'),
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole choices:hidden comment:hidden',
        'thutruong.donvi1': '200 nomineeId:whole choices:hidden comment:hidden',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked choices:hidden comment:hidden',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole choices:hidden comment:hidden',
        hoidong1: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong2: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong3: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong4: '200 nomineeId:masked choices:hidden comment:hidden',
        hoidong5: '200 nomineeId:masked choices:hidden comment:hidden',
        chutich: '200 nomineeId:masked choices:hidden comment:hidden',
        thanhtra: '200 nomineeId:whole choices:shown comment:shown',
        'canbo.donvi4': '404',
      },
    },
    {
      // Voting closed, open ballot: choices on the record; comments for the council, secretary and inspector.
      path: () => `/api/nominations/${seeded.C.id}/audit`,
      summary: (b) => auditSummary(b, 'C'),
      expected: {
        anonymous: '401',
        'canbo.donvi1': '200 nomineeId:whole choices:shown comment:hidden',
        'thutruong.donvi1': '200 nomineeId:whole choices:shown comment:hidden',
        'canbo.donvi3': '404',
        'thutruong.donvi3': '404',
        'truongcum.cum1': '200 nomineeId:masked choices:shown comment:hidden',
        'truongcum.cum2': '404',
        thuky: '200 nomineeId:whole choices:shown comment:shown',
        hoidong1: '200 nomineeId:masked choices:shown comment:shown',
        hoidong2: '200 nomineeId:masked choices:shown comment:shown',
        hoidong3: '200 nomineeId:masked choices:shown comment:shown',
        hoidong4: '200 nomineeId:masked choices:shown comment:shown',
        hoidong5: '200 nomineeId:masked choices:shown comment:shown',
        chutich: '200 nomineeId:masked choices:shown comment:shown',
        thanhtra: '200 nomineeId:whole choices:shown comment:shown',
        'canbo.donvi4': '404',
      },
    },
  ],
  'GET /api/registry': [
    {
      path: () => '/api/registry?q=le%20van%20cuong',
      summary: (b) => registrySummary(b.items),
      expected: registryAnswers(),
    },
  ],
  'GET /api/registry/{decisionNumber}': [
    {
      path: () => `/api/registry/${encodeURIComponent(decisionNumber)}`,
      summary: (b) => registrySummary(b.awards),
      expected: registryAnswers(),
    },
  ],
  'GET /api/registry/{number}/{symbol}': [
    {
      path: () => `/api/registry/${decisionNumber}`,
      summary: (b) => registrySummary(b.awards),
      expected: registryAnswers(),
    },
  ],
};

/** The public registry: everyone reads it; the identifier is absent for the public, masked for officials without need. */
function registryAnswers(): Expected {
  return {
    anonymous: '200 C:absent',
    'canbo.donvi1': '200 C:whole',
    'thutruong.donvi1': '200 C:whole',
    'canbo.donvi3': '200 C:masked',
    'thutruong.donvi3': '200 C:masked',
    'truongcum.cum1': '200 C:masked',
    'truongcum.cum2': '200 C:masked',
    thuky: '200 C:whole',
    hoidong1: '200 C:masked',
    hoidong2: '200 C:masked',
    hoidong3: '200 C:masked',
    hoidong4: '200 C:masked',
    hoidong5: '200 C:masked',
    chutich: '200 C:masked',
    thanhtra: '200 C:whole',
    'canbo.donvi4': '200 C:masked',
  };
}

async function getAs(reader: Reader, path: string) {
  return reader === 'anonymous' ? stack.http.get(path) : (await stack.as(reader)).get(path);
}

it('every GET endpoint of the OpenAPI document has a row in the table, and every row an endpoint', async () => {
  const doc = (await stack.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
    .filter((r) => r.startsWith('GET '))
    .sort();
  expect(routes).toEqual(Object.keys(TABLE).sort());
});

describe('each read endpoint answers each reader as the policy says', () => {
  it.each(Object.keys(TABLE))('%s', async (route) => {
    for (const probe of TABLE[route]) {
      const path = probe.path();
      const actual = {} as Expected;
      for (const reader of READERS) {
        const res = await getAs(reader, path);
        actual[reader] =
          res.status === 200 && probe.summary ? `${res.status} ${probe.summary(res.body)}` : String(res.status);
      }
      expect({ path, answers: actual }).toEqual({ path, answers: probe.expected });
    }
  });
});

it('a 404 for a nomination out of scope is the same answer as for one that does not exist', async () => {
  const outside = await (await stack.as('canbo.donvi3')).get(`/api/nominations/${seeded.A.id}`);
  const unknown = await (await stack.as('canbo.donvi3')).get('/api/nominations/00000000-0000-4000-8000-000000000000');
  expect(outside.body).toEqual(unknown.body);
  const outsideAudit = await (await stack.as('canbo.donvi3')).get(`/api/nominations/${seeded.A.id}/audit`);
  expect(outsideAudit.body).toEqual(unknown.body);
});
