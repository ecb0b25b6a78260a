/**
 * Scenario `year-end` (issue 15, target 6): a province's year-end round on the embedded stack, the
 * way the office works with the list commands — N nominations (13,000 is a province's year; sizes
 * `--year-end-sizes`, default 1,300 and 13,000, quick 100) from draft to the registry:
 *   1. drafts: each unit's officers draft their nominations (one request each, 16 in flight);
 *   2. submissions: each unit head submits them in lists (`POST /api/submissions`);
 *   3. cluster reviews: each cluster leader endorses them in lists (`POST /api/cluster-reviews`);
 *   4. office checks: the secretary checks them complete in lists (`POST /api/office-checks`);
 *   5. council sessions of a few hundred items, one after the other: convene, every member checks
 *      in, open, ten ballots of the whole agenda (a member never votes on his own unit's items), the
 *      chairman's ballot closes it (ALL_VOTED); the next session starts once its items await signature;
 *   6. award decisions of hundreds of recipients (`POST /api/decisions`), each signed by the chairman
 *      and applied to every recipient's workflow; the round ends when the registry holds all N awards.
 * Lists are `--year-end-list` items (default 250, the API takes ≤ 500), sessions `--year-end-session`
 * (300), decisions `--year-end-decision` (500). A fresh stack per size; the time of each phase, the
 * whole round, and per nomination (flat from 1,300 to 13,000 is the target; 13,000 in ≤ 10 minutes).
 * Each phase also logs the CPU each process spent on it, per nomination. `--year-end-topology=production`
 * runs the round on the production topology (Temporal server on PostgreSQL, worker and API processes,
 * read models in PostgreSQL — whose own CPU is not counted) instead of the embedded stack: what grows
 * with N in one and not the other.
 */
import { HttpClient, waitForHttp } from '../lib/http';
import { cpuSecondsOf, memoryOf, threadCpuSecondsOf } from '../lib/proc';
import { row, type Row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { startProductionStack, startStack, type Stack } from '../lib/stack';
import { mapLimit, now } from '../lib/stats';
import { nominationWorkflowBundle } from '../temporal/bundles';
import { BenchSession } from '../lib/session';
import { bareUpdates, COMMANDS_PER_FLOW } from './e2e';

/**
 * The floor of a round on this machine: each nomination's workflow takes at least six steps (draft,
 * submission, cluster review, office check, the session's outcome, the decision applied) — timed as
 * the same number of bare Updates on a trivial workflow, on the same Temporal server, 50 in flight.
 */
const STEPS_PER_NOMINATION = 6;
const FLOOR_CONCURRENCY = 50;

const CAMPAIGN = 'dong-khoi-moi-2026';
const UNITS = [
  { officer: 'canbo.donvi1', head: 'thutruong.donvi1', leader: 'truongcum.cum1', members: ['hoidong1'] },
  { officer: 'canbo.donvi3', head: 'thutruong.donvi3', leader: 'truongcum.cum2', members: ['hoidong3'] },
];
const MEMBERS = [...Array.from({ length: 10 }, (_, i) => `hoidong${i + 1}`), 'chutich']; // the demo council of 11
const USERS = [...new Set([...UNITS.flatMap((u) => [u.officer, u.head, u.leader]), ...MEMBERS, 'thuky'])];

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** CPU seconds spent between two readings, per name (process or thread), to the hundredth. */
const cpuSpent = (before: Record<string, number>, after: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, Math.round((v - (before[k] ?? 0)) * 100) / 100]));

/** "name ms, …" per nomination, largest first from `sorted`; names under `minMs` left out. */
const perNominationText = (seconds: Record<string, number>, n: number, { sorted = false, minMs = 0 } = {}) =>
  Object.entries(seconds)
    .filter(([, v]) => (v * 1000) / n >= minMs)
    .sort((a, b) => (sorted ? b[1] - a[1] : 0))
    .map(([k, v]) => `${k} ${((v * 1000) / n).toFixed(1)}`)
    .join(', ');

interface Round {
  nominations: number;
  /** Set when `--year-end-until` stopped the round early: its end-to-end figures are not a round's. */
  stoppedAfter?: string;
  phasesMs: Record<string, number>;
  /** CPU seconds each process spent in each phase: where a phase's growth with N comes from. */
  phasesCpuSeconds: Record<string, Record<string, number>>;
  /** The embedded process's CPU seconds in each phase by thread (main, the workflow thread "WorkerThread", tokio, GC). */
  phasesThreadCpuSeconds: Record<string, Record<string, number>>;
  totalMs: number;
  sessions: number;
  decisions: number;
  requests: number;
}

async function runRound(
  ctx: ScenarioContext,
  http: HttpClient,
  n: number,
  sizes: Record<string, number>,
  pids: Record<string, number | undefined>,
) {
  const session = new BenchSession(http);
  await session.login(USERS);
  let requests = 0;
  const ok = <T = Record<string, unknown>>(who: string, method: string, path: string, body?: unknown) => {
    requests++;
    return session.ok<T>(who, method, path, body);
  };
  const count = async (status: string) =>
    (await ok<{ total: number }>('thuky', 'GET', `/api/nominations?status=${status}&pageSize=1`)).total;
  /** The office's lists answer per item: any refusal stops the run (the bench measures the accepted path). */
  const list = async (who: string, path: string, body: unknown) => {
    const r = await ok<{ accepted: number; refused: number; items: { code?: string; message?: string }[] }>(
      who,
      'POST',
      path,
      body,
    );
    if (r.refused)
      throw new Error(`${path}: ${r.refused} refused, e.g. ${JSON.stringify(r.items.find((i) => i.code))}`);
  };
  /**
   * Waits while the count moves: a round of 13,000 applies its decisions for longer than any fixed
   * limit set for 1,300 would allow (at 13,000, 11,621 were awarded after 15 minutes and still
   * rising), so it gives up only when nothing reached `status` for `stalledMs`.
   */
  const waitFor = async (status: string, atLeast: number, stalledMs = 300_000) => {
    let last = -1;
    let since = now();
    for (;;) {
      const c = await count(status);
      if (c >= atLeast) return;
      if (c !== last) [last, since] = [c, now()];
      else if (now() - since > stalledMs)
        throw new Error(`only ${c}/${atLeast} nominations reached ${status} (none for ${stalledMs / 1000} s)`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  // The demo data may already hold nominations in these states: counts are relative to them.
  const before = { awaiting: await count('AWAITING_SIGNATURE'), awarded: await count('AWARDED') };
  const phasesMs: Record<string, number> = {};
  const phasesCpuSeconds: Round['phasesCpuSeconds'] = {};
  const phasesThreadCpuSeconds: Round['phasesThreadCpuSeconds'] = {};
  /** CPU seconds so far of each process of the stack (embedded, or api and worker; temporal) and of the bench. */
  const cpu = (): Record<string, number> => {
    const own = process.cpuUsage();
    const out: Record<string, number> = {};
    for (const [name, pid] of Object.entries(pids)) if (pid) out[name] = cpuSecondsOf(pid);
    out.bench = (own.user + own.system) / 1e6;
    return out;
  };
  // `--year-end-until=<phase>` (e.g. drafts): the round stops after that phase — to look at one phase at a size.
  const until = ctx.options['year-end-until'];
  let stoppedAfter: string | undefined;
  const phase = async (name: string, fn: () => Promise<void>) => {
    if (stoppedAfter) return;
    const t = now();
    const c = cpu();
    const threads = threadCpuSecondsOf(pids.embedded);
    await fn();
    phasesMs[name] = now() - t;
    const c2 = cpu();
    const threads2 = threadCpuSecondsOf(pids.embedded);
    phasesThreadCpuSeconds[name] = cpuSpent(threads, threads2);
    phasesCpuSeconds[name] = cpuSpent(c, c2);
    ctx.log(
      `    ${name}: ${(phasesMs[name] / 1000).toFixed(1)} s; CPU ms per nomination: ${perNominationText(phasesCpuSeconds[name], n)}`,
    );
    const byThread = perNominationText(phasesThreadCpuSeconds[name], n, { sorted: true, minMs: 0.5 });
    if (byThread) ctx.log(`      embedded by thread, ms per nomination: ${byThread}`);
    if (name === until) stoppedAfter = name;
  };
  const t0 = now();
  const byUnit: string[][] = UNITS.map(() => []);
  const unitOf = new Map<string, number>();
  await phase('drafts', async () => {
    await mapLimit(
      Array.from({ length: n }, (_, i) => i),
      16,
      async (i) => {
        const u = i % UNITS.length;
        const { id } = await ok<{ id: string }>(UNITS[u].officer, 'POST', '/api/nominations', {
          campaignId: CAMPAIGN,
          awardCode: 'BANG_KHEN_TINH',
          nominee: { kind: 'individual', name: `Nguyễn Văn Cuối Năm ${i}`, position: 'Giáo viên' },
          achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2026',
        });
        byUnit[u].push(id);
        unitOf.set(id, u);
      },
    );
  });
  // Each unit's head and each cluster's leader work at the same time as the others; a list at a time each.
  await phase('submissions', async () => {
    await Promise.all(
      UNITS.map(async (u, k) => {
        for (const [j, ids] of chunks(byUnit[k], sizes.list).entries())
          await list(u.head, '/api/submissions', {
            number: `${j + 1}/TTr-${k}`,
            date: '2026-11-20',
            nominationIds: ids,
          });
      }),
    );
  });
  await phase('cluster reviews', async () => {
    await Promise.all(
      UNITS.map(async (u, k) => {
        for (const ids of chunks(byUnit[k], sizes.list))
          await list(u.leader, '/api/cluster-reviews', {
            items: ids.map((nominationId) => ({ nominationId, decision: 'endorse' })),
          });
      }),
    );
  });
  const all = byUnit.flat();
  await phase('office checks', async () => {
    for (const ids of chunks(all, sizes.list))
      await list('thuky', '/api/office-checks', {
        items: ids.map((nominationId) => ({ nominationId, decision: 'complete' })),
      });
  });
  const sessionGroups = chunks(all, sizes.session);
  await phase('council sessions', async () => {
    for (const [k, ids] of sessionGroups.entries()) {
      const { id } = await ok<{ id: string }>('thuky', 'POST', '/api/council-sessions', {
        title: `Phiên họp xét khen thưởng cuối năm, đợt ${k + 1}`,
        scheduledAt: '2026-12-12T08:30:00+07:00',
        nominationIds: ids,
      });
      for (const m of MEMBERS) await ok(m, 'POST', `/api/council-sessions/${id}/check-in`);
      await ok('thuky', 'POST', `/api/council-sessions/${id}/open`);
      // Ten ballots, then the chairman's: the last one closes the session (ALL_VOTED).
      for (const m of MEMBERS)
        await ok(m, 'POST', `/api/council-sessions/${id}/ballots`, {
          choices: ids
            .filter((nominationId) => !UNITS[unitOf.get(nominationId)!].members.includes(m))
            .map((nominationId) => ({ nominationId, choice: 'approve' })),
        });
      await waitFor('AWAITING_SIGNATURE', before.awaiting + Math.min(n, (k + 1) * sizes.session));
    }
  });
  const decisionGroups = chunks(all, sizes.decision);
  await phase('award decisions', async () => {
    for (const [k, ids] of decisionGroups.entries()) {
      const { id } = await ok<{ id: string }>('thuky', 'POST', '/api/decisions', {
        title: `Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (đợt ${k + 1})`,
        nominationIds: ids,
      });
      await ok('chutich', 'POST', `/api/decisions/${id}/signature`, { decision: 'sign' });
    }
    await waitFor('AWARDED', before.awarded + n);
  });
  // The end of the round: the public registry (its own read model) lists every award of the round.
  await phase('registry', async () => {
    const t = now();
    for (;;) {
      const r = await ok<{ total?: number }>(
        'thuky',
        'GET',
        `/api/registry?q=${encodeURIComponent('cuoi nam')}&pageSize=1`,
      );
      if (typeof r.total !== 'number') throw new Error(`registry: no total in ${JSON.stringify(r).slice(0, 200)}`);
      if (r.total >= n) break;
      if (now() - t > 300_000) throw new Error(`the registry lists ${r.total}/${n} awards`);
      await new Promise((r2) => setTimeout(r2, 250));
    }
  });
  const totalMs = now() - t0;
  return {
    stoppedAfter,
    nominations: n,
    phasesMs,
    phasesCpuSeconds,
    phasesThreadCpuSeconds,
    totalMs,
    sessions: sessionGroups.length,
    decisions: decisionGroups.length,
    requests,
  } satisfies Round;
}

export const yearEndScenario: Scenario = {
  id: 'year-end',
  title: "Year-end round: N nominations from draft to the registry through the office's lists (embedded stack)",
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const ns = (ctx.options['year-end-sizes'] ?? (ctx.quick ? '100' : '1300,13000')).split(',').map(Number);
    const sizes = {
      list: Number(ctx.options['year-end-list'] ?? 250),
      session: Number(ctx.options['year-end-session'] ?? 300),
      decision: Number(ctx.options['year-end-decision'] ?? 500),
    };
    const bundle = await nominationWorkflowBundle();
    const rows: Row[] = [];
    const details: Record<string, unknown> = { sizes, rounds: {} };
    let firstPerNomination: number | undefined;
    const topology = ctx.options['year-end-topology'] ?? 'embedded';
    if (topology !== 'embedded' && topology !== 'production')
      throw new Error(`--year-end-topology: ${topology}? (embedded, production)`);
    for (const n of ns) {
      const stack: Stack = topology === 'production' ? await startProductionStack(ctx.log) : await startStack(bundle);
      const http = new HttpClient(stack.url, 32);
      try {
        await waitForHttp(http, '/health', 180_000);
        ctx.log(`  N=${n}: lists of ${sizes.list}, sessions of ${sizes.session}, decisions of ${sizes.decision}`);
        let round: Round;
        try {
          round = await runRound(ctx, http, n, sizes, stack.pids);
        } catch (err) {
          // A size that fails keeps the sizes measured before it (their rows), and fails the run.
          const message = String(err instanceof Error ? err.message : err).slice(0, 300);
          ctx.log(`  FAILED N=${n}: ${message}`);
          (details.rounds as Record<string, unknown>)[`N=${n}`] = { failed: message };
          process.exitCode = 1;
          continue;
        }
        const ourPids = [stack.pids.embedded, stack.pids.api, stack.pids.worker].filter((p): p is number => !!p);
        const memories = ourPids.map((p) => memoryOf(p));
        const memory = memories.length === 1 ? memories[0] : undefined;
        const temporalMemory = stack.pids.temporal ? memoryOf(stack.pids.temporal) : undefined;
        (details.rounds as Record<string, unknown>)[`N=${n}`] = {
          ...round,
          memory: memory ?? memories,
          temporalMemory,
        };
        const perNomination = round.totalMs / n;
        firstPerNomination ??= perNomination;
        ctx.log(
          `    N=${n}: ${(round.totalMs / 1000).toFixed(1)} s end to end, ${perNomination.toFixed(1)} ms per nomination`,
        );
        const s =
          `year-end N=${n}${topology === 'embedded' ? '' : ` ${topology}`}` +
          (round.stoppedAfter ? ` (stopped after ${round.stoppedAfter})` : '');
        rows.push(
          row({
            scenario: s,
            metric: round.stoppedAfter
              ? `drafts to ${round.stoppedAfter}`
              : `end to end (${round.sessions} sessions, ${round.decisions} decisions)`,
            unit: 's',
            ours: round.totalMs / 1000,
            reps: 1,
            note: round.stoppedAfter
              ? undefined
              : `13,000 at this rate: ${((perNomination * 13_000) / 60_000).toFixed(1)} min (target ≤ 10)`,
          }),
          row({
            scenario: s,
            metric: 'per nomination',
            unit: 'ms',
            ours: perNomination,
            baseline: firstPerNomination,
            baselineName: `per nomination at N=${ns[0]}`,
            reps: 1,
          }),
          ...Object.entries(round.phasesMs).map(([name, ms]) =>
            row({
              scenario: s,
              metric: `${name} per nomination`,
              unit: 'ms',
              ours: ms / n,
              reps: 1,
              note: `CPU ms: ${perNominationText(round.phasesCpuSeconds[name], n)}`,
            }),
          ),
          row({
            scenario: s,
            metric: memory ? 'peak RSS API+worker+projections' : 'peak RSS API / worker',
            unit: 'MiB',
            ours: memory?.peakRssMiB ?? memories[0]?.peakRssMiB ?? NaN,
            reps: 1,
            note: memory ? undefined : memories.map((m) => m?.peakRssMiB).join(' / '),
          }),
        );
        if (temporalMemory)
          rows.push(
            row({
              scenario: s,
              metric: `peak RSS Temporal ${topology === 'embedded' ? 'dev server' : 'server'}`,
              unit: 'MiB',
              ours: temporalMemory.peakRssMiB,
              reps: 1,
            }),
          );
        // `--year-end-floor=first`: the floor at the first size only — a bare Update's rate does not
        // depend on N, and at 13,000 the floor is ~78,000 Updates, a quarter of an hour the run can spare.
        if (round.stoppedAfter || (ctx.options['year-end-floor'] === 'first' && n !== ns[0])) continue;
        const floor = await bareUpdates(
          stack.temporalAddress,
          Math.ceil((STEPS_PER_NOMINATION * n) / COMMANDS_PER_FLOW),
          FLOOR_CONCURRENCY,
          `year-end-${n}`,
        );
        const floorSeconds = (STEPS_PER_NOMINATION * n) / floor.updatesPerSecond;
        ctx.log(
          `    floor: ${STEPS_PER_NOMINATION} bare Updates per nomination at ${floor.updatesPerSecond.toFixed(1)}/s → ${floorSeconds.toFixed(1)} s ` +
            `(13,000: ${((floorSeconds * 13_000) / n / 60).toFixed(1)} min)`,
        );
        (details.rounds as Record<string, Record<string, unknown>>)[`N=${n}`].floor = { ...floor, floorSeconds };
        rows.push(
          row({
            scenario: s,
            metric: `round vs its floor (${STEPS_PER_NOMINATION} bare Updates a nomination, ${FLOOR_CONCURRENCY} in flight)`,
            unit: 's',
            ours: round.totalMs / 1000,
            baseline: floorSeconds,
            baselineName: 'the same number of bare Updates, same server',
            reps: 1,
            note: `13,000: floor ${((floorSeconds * 13_000) / n / 60).toFixed(1)} min`,
          }),
        );
      } finally {
        http.close();
        await stack.stop();
      }
    }
    return { rows, details };
  },
};
