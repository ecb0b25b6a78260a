/**
 * Scenario: one council session of many items (500; --quick 50) voted by every member, through the
 * embedded stack over HTTP. Nominations are brought to the council first (draft → submit → cluster
 * review, not timed); then timed: convening with the whole agenda, opening, the six ballots (one
 * per member for the whole agenda), the close (time to tally: every item tallied and written), and
 * until every nomination has moved on (the session's signals applied by each nomination workflow).
 */
import { HttpClient, waitForHttp } from '../lib/http';
import { row, type Row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { startStack } from '../lib/stack';
import { mapLimit, now } from '../lib/stats';
import { nominationWorkflowBundle } from '../temporal/bundles';
import { BenchSession } from '../lib/session';

const CAMPAIGN = 'dong-khoi-moi-2026';
const UNITS = [
  { officer: 'canbo.donvi1', head: 'thutruong.donvi1', leader: 'truongcum.cum1', conflicted: 'hoidong1' },
  { officer: 'canbo.donvi3', head: 'thutruong.donvi3', leader: 'truongcum.cum2', conflicted: 'hoidong3' },
];
const MEMBERS = [...Array.from({ length: 10 }, (_, i) => `hoidong${i + 1}`), 'chutich']; // the demo council of 11

/** Brings `items` nominations through one session to the Chairman's signature; their ids and the timings. */
export async function runSession(
  ctx: ScenarioContext,
  http: HttpClient,
  items: number,
): Promise<Record<string, number>> {
  return (await sessionOf(ctx, http, items)).timings;
}

export async function sessionOf(
  ctx: ScenarioContext,
  http: HttpClient,
  items: number,
): Promise<{ timings: Record<string, number>; ids: string[] }> {
  const session = new BenchSession(http);
  await session.login([...new Set([...UNITS.flatMap((u) => [u.officer, u.head, u.leader]), ...MEMBERS, 'thuky'])]);
  const ok = (who: string, method: string, path: string, body?: unknown) => session.ok(who, method, path, body);
  const unitOf: Record<string, (typeof UNITS)[number]> = {};
  const ids = await mapLimit(
    Array.from({ length: items }, (_, i) => i),
    // Not timed; fewer in flight on a loaded machine keeps each command within the API's deadline.
    Number(ctx.options['seed-concurrency'] ?? 16),
    async (i) => {
      const u = UNITS[i % 2];
      const { id } = (await ok(u.officer, 'POST', '/api/nominations', {
        campaignId: CAMPAIGN,
        awardCode: 'BANG_KHEN_TINH',
        nominee: { kind: 'individual', name: `Nguyễn Văn Bench ${i}` },
        achievements: 'Hoàn thành xuất sắc nhiệm vụ',
      })) as { id: string };
      await ok(u.head, 'POST', `/api/nominations/${id}/submit`);
      await ok(u.leader, 'POST', `/api/nominations/${id}/cluster-review`, { decision: 'endorse' });
      await ok('thuky', 'POST', `/api/nominations/${id}/office-check`, { result: 'complete' });
      unitOf[id] = u;
      return id;
    },
  );
  ctx.log(`  ${items} nominations wait for the council`);
  const t0 = now();
  const { id } = (await ok('thuky', 'POST', '/api/council-sessions', {
    title: `Phiên họp ${items} hồ sơ`,
    scheduledAt: '2026-12-12T08:30:00+07:00',
    nominationIds: ids,
  })) as { id: string };
  const convene = now() - t0;
  for (const m of MEMBERS) await ok(m, 'POST', `/api/council-sessions/${id}/check-in`);
  const t1 = now();
  await ok('thuky', 'POST', `/api/council-sessions/${id}/open`);
  const open = now() - t1;
  const t2 = now();
  // Every ballot but the chairman's; his last one closes the session by itself (ALL_VOTED), so it is the timed close.
  for (const m of MEMBERS.slice(0, -1))
    await ok(m, 'POST', `/api/council-sessions/${id}/ballots`, {
      choices: ids
        .filter((n) => unitOf[n].conflicted !== m)
        .map((nominationId) => ({ nominationId, choice: 'approve' })),
    });
  const ballots = (now() - t2) / (MEMBERS.length - 1);
  const t3 = now();
  await ok('chutich', 'POST', `/api/council-sessions/${id}/ballots`, {
    choices: ids.map((nominationId) => ({ nominationId, choice: 'approve' })),
  });
  const tally = now() - t3;
  for (;;) {
    const r = (await ok('thuky', 'GET', `/api/nominations?status=AWAITING_SIGNATURE&pageSize=1`)) as { total: number };
    if (r.total >= items) break;
    if (now() - t3 > 600_000) throw new Error(`only ${r.total}/${items} nominations moved on`);
    await new Promise((r2) => setTimeout(r2, 200));
  }
  const movedOn = now() - t3;
  const view = (await ok('thuky', 'GET', `/api/council-sessions/${id}`)) as {
    status: string;
    agenda: { outcome?: string }[];
  };
  if (view.status !== 'CLOSED' || view.agenda.some((a) => a.outcome !== 'APPROVED'))
    throw new Error('the session did not close with every item approved');
  if (session.relogins) ctx.log(`  signed in again ${session.relogins}× (access tokens expired while seeding)`);
  return { timings: { convene, open, ballots, tally, movedOn }, ids };
}

export const councilSessionScenario: Scenario = {
  id: 'council-session',
  title: 'Council session: one session of many items voted by all members (time to tally)',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const items = Number(ctx.options['session-items'] ?? (ctx.quick ? 50 : 500));
    const stack = await startStack(await nominationWorkflowBundle());
    const http = new HttpClient(stack.url);
    try {
      await waitForHttp(http, '/health', 180_000);
      const m = await runSession(ctx, http, items);
      const s = 'council-session';
      const rows: Row[] = [
        row({ scenario: s, metric: `convene ${items} items`, unit: 'ms', ours: m.convene, reps: 1 }),
        row({ scenario: s, metric: 'open (attendance, keys)', unit: 'ms', ours: m.open, reps: 1 }),
        row({ scenario: s, metric: `one ballot of ${items} choices`, unit: 'ms', ours: m.ballots, reps: 5 }),
        row({
          scenario: s,
          metric: `last ballot → close: ${items} items tallied`,
          unit: 'ms',
          ours: m.tally,
          reps: 1,
          note: 'ALL_VOTED close in the same request',
        }),
        row({
          scenario: s,
          metric: `last ballot → all ${items} nominations moved on`,
          unit: 'ms',
          ours: m.movedOn,
          reps: 1,
        }),
      ];
      return { rows, details: { items, ...m } };
    } finally {
      http.close();
      await stack.stop();
    }
  },
};
