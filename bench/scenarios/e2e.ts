/**
 * Scenario 3: end-to-end nominations through the embedded stack (`npm start`'s launcher: Temporal
 * dev server + one Node process with the worker, projections and the HTTP API), driven over HTTP
 * as the demo users: draft → submit → cluster review → open voting → 6 council actions (the
 * conflicted member recuses, five approve; the last one closes the voting, ALL_VOTED) → sign.
 * Flows run concurrently (a fixed number in flight); each size gets a fresh stack, so peak RSS
 * (VmHWM) is that size's. Beside it, on the same Temporal server, the same number of bare Update
 * round-trips (the first as update-with-start) on a trivial workflow: ratio = ours / bare.
 * In the same run, the same flows on the production topology (`--e2e-topology`, default both):
 * the Temporal server v1.29.1 on PostgreSQL, a worker and an API process from dist/, read models
 * in PostgreSQL — its rows beside a bare-Update baseline against that same server.
 */
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { buildOnce, runsCompiled } from '../lib/build';
import { forkCompiled, forkTs, nextMessage, stopChild } from '../lib/child';
import { demoVotersFor } from '../../test/support/demo-council';
import { startProductionStack, startSplitStack, startStack, type Stack } from '../lib/stack';
import { allocationCost } from './decision-numbers';
import { historyBreakdown, type HistoryBreakdown } from '../lib/history';
import { nominationWorkflowId } from '@tdkt/temporal';
import { HttpClient, waitForHttp } from '../lib/http';
import { BenchSession } from '../lib/session';
import { cpuSecondsOf, memoryOf, threadCpuSecondsOf, type Memory } from '../lib/proc';
import { row, type Row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { mapLimit, now, summarise, type LatencySummary } from '../lib/stats';
import { nominationWorkflowBundle, trivialWorkflowBundle } from '../temporal/bundles';
import { stepUpdate, trivialWorkflow } from '../temporal/trivial.workflow';

const PASSWORD = 'demo123';
const CAMPAIGN = 'dong-khoi-moi-2026';

interface UnitPeople {
  officer: string;
  head: string;
  leader: string;
  recuser: string;
  voters: string[];
}

const UNITS: UnitPeople[] = [
  {
    officer: 'canbo.donvi1',
    head: 'thutruong.donvi1',
    leader: 'truongcum.cum1',
    recuser: 'hoidong1',
    voters: demoVotersFor('donvi1'),
  },
  {
    officer: 'canbo.donvi3',
    head: 'thutruong.donvi3',
    leader: 'truongcum.cum2',
    recuser: 'hoidong3',
    voters: demoVotersFor('donvi3'),
  },
];
const USERS = [...new Set(UNITS.flatMap((u) => [u.officer, u.head, u.leader, u.recuser, ...u.voters]).concat('thuky'))];

/** Commands per flow: draft, submit, review, office check, open, recusal, 10 votes (the demo council of 11), sign. */
export const COMMANDS_PER_FLOW = 17;

export async function login(http: HttpClient, users: string[] = USERS): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const username of users) {
    const r = await http.send<{ accessToken: string }>('POST', '/api/auth/login', { username, password: PASSWORD });
    if (r.status !== 200 && r.status !== 201)
      throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    tokens[username] = r.body.accessToken;
  }
  return tokens;
}

/** The flows' users, signed in: a run longer than a token lasts (15 min) signs a user in again on a 401. */
export async function flowSession(http: HttpClient): Promise<BenchSession> {
  const session = new BenchSession(http);
  await session.login(USERS);
  return session;
}

export interface FlowRun {
  ids: string[];
  flows: number;
  completed: number;
  failed: number;
  firstError?: string;
  commands: number;
  seconds: number;
  flowsPerSecond: number;
  commandsPerSecond: number;
  steps: Record<string, LatencySummary>;
}

export async function driveFlows(
  session: BenchSession,
  flows: number,
  concurrency: number,
  tag: string,
): Promise<FlowRun> {
  const samples: Record<string, number[]> = {};
  let commands = 0;
  let failed = 0;
  const ids: string[] = [];
  let firstError: string | undefined;
  const t0 = now();
  const step = async (name: string, user: string, method: string, path: string, body: unknown, expect: number) => {
    const s = now();
    const r = await session.send<Record<string, unknown>>(user, method, path, body);
    (samples[name] ??= []).push(now() - s);
    commands++;
    if (r.status !== expect) throw new Error(`${name} as ${user}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  };
  await mapLimit(
    Array.from({ length: flows }, (_, i) => i),
    concurrency,
    async (i) => {
      const u = UNITS[i % UNITS.length];
      try {
        const drafted = await step(
          'draft',
          u.officer,
          'POST',
          '/api/nominations',
          {
            campaignId: CAMPAIGN,
            awardCode: 'BANG_KHEN_TINH',
            nominee: {
              kind: 'individual',
              name: `Nguyễn Văn Bench ${tag}-${i}`,
              nomineeId: `bench-${tag}-${i}`,
              position: 'Giáo viên',
            },
            achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2026; sáng kiến được áp dụng toàn tỉnh',
          },
          201,
        );
        const id = String(drafted.id);
        ids.push(id);
        const p = `/api/nominations/${encodeURIComponent(id)}`;
        await step('submit', u.head, 'POST', `${p}/submit`, {}, 200);
        await step('review', u.leader, 'POST', `${p}/cluster-review`, { decision: 'endorse' }, 200);
        await step('office-check', 'thuky', 'POST', `${p}/office-check`, { result: 'complete' }, 200);
        await step('open', 'thuky', 'POST', `${p}/voting/open`, {}, 200);
        await step('recuse', u.recuser, 'POST', `${p}/recusal`, { comment: 'Cùng đơn vị với người được đề nghị' }, 200);
        let last: Record<string, unknown> = {};
        for (const voter of u.voters)
          last = await step('vote', voter, 'POST', `${p}/votes`, { choice: 'approve' }, 201);
        if (last.status !== 'AWAITING_SIGNATURE') throw new Error(`after the last vote: ${JSON.stringify(last)}`);
        const signed = await step('sign', 'chutich', 'POST', `${p}/signature`, { decision: 'sign' }, 200);
        if (signed.status !== 'AWARDED' || !signed.decisionNumber) throw new Error(`sign: ${JSON.stringify(signed)}`);
      } catch (error) {
        failed++;
        firstError ??= (error as Error).message;
      }
    },
  );
  const seconds = (now() - t0) / 1000;
  const steps = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)]));
  return {
    ids,
    flows,
    completed: flows - failed,
    failed,
    firstError,
    commands,
    seconds,
    flowsPerSecond: (flows - failed) / seconds,
    commandsPerSecond: commands / seconds,
    steps,
  };
}

export interface BareRun {
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  flowsPerSecond: number;
  latency: LatencySummary;
  workerMemory?: Memory;
  workerCpuMsPerUpdate: number;
}

/** Timings from the histories of some of the nominations just driven. */
export async function inTemporal(address: string, workflowIds: string[]): Promise<HistoryBreakdown> {
  const connection = await Connection.connect({ address });
  try {
    return await historyBreakdown(new Client({ connection, namespace: 'default' }), workflowIds);
  } finally {
    await connection.close();
  }
}

/** The same number of Update round-trips on a trivial workflow, same concurrency, same server. */
export async function bareUpdates(
  address: string,
  flows: number,
  concurrency: number,
  tag: string,
  withLocalActivity = false,
): Promise<BareRun> {
  const bundle = await trivialWorkflowBundle();
  const taskQueue = `bench-trivial-${tag}${withLocalActivity ? '-local' : ''}`;
  // The baseline worker runs compiled too when the stack does: the RSS ratio compares like with like.
  if (runsCompiled()) await buildOnce();
  const worker = (runsCompiled() ? forkCompiled : forkTs)('temporal/trivial-worker.ts', [address, taskQueue, bundle]);
  const connection = await Connection.connect({ address });
  try {
    await nextMessage(worker, 'ready', 120_000);
    const workerCpu0 = cpuSecondsOf(worker.pid);
    const client = new Client({ connection, namespace: 'default' });
    const samples: number[] = [];
    const t0 = now();
    await mapLimit(
      Array.from({ length: flows }, (_, i) => i),
      concurrency,
      async (i) => {
        const workflowId = `${taskQueue}-${i}`;
        let s = now();
        await client.workflow.executeUpdateWithStart(stepUpdate, {
          args: [0],
          startWorkflowOperation: new WithStartWorkflowOperation(trivialWorkflow, {
            workflowId,
            taskQueue,
            args: [COMMANDS_PER_FLOW, withLocalActivity],
            workflowIdConflictPolicy: 'FAIL',
          }),
        });
        samples.push(now() - s);
        const handle = client.workflow.getHandle(workflowId);
        for (let k = 1; k < COMMANDS_PER_FLOW; k++) {
          s = now();
          await handle.executeUpdate(stepUpdate, { args: [k] });
          samples.push(now() - s);
        }
      },
    );
    const seconds = (now() - t0) / 1000;
    const workerMemory = memoryOf(worker.pid!);
    const workerCpuMsPerUpdate = ((cpuSecondsOf(worker.pid) - workerCpu0) * 1000) / samples.length;
    return {
      workerCpuMsPerUpdate,
      updates: samples.length,
      seconds,
      updatesPerSecond: samples.length / seconds,
      flowsPerSecond: flows / seconds,
      latency: summarise(samples),
      workerMemory,
    };
  } finally {
    await connection.close();
    await stopChild(worker);
  }
}

export const e2eScenario: Scenario = {
  id: 'e2e',
  title: '3. End-to-end nominations over HTTP (embedded stack) vs bare Temporal Updates',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    // Which Temporal servers: the dev server (embedded stack) and the production server, same run.
    const topologies = (ctx.options['e2e-topology'] ?? 'embedded,production').split(',').map((t) => t.trim());
    for (const t of topologies)
      if (t !== 'embedded' && t !== 'production') throw new Error(`--e2e-topology: ${t}? (embedded, production)`);
    const sizes = topologies.includes('embedded')
      ? (ctx.options['e2e-sizes'] ?? (ctx.quick ? '10,25' : '200,2000')).split(',').map(Number)
      : [];
    // The production topology on the Temporal server (PostgreSQL): its own sizes.
    const productionSizes = topologies.includes('production')
      ? (ctx.options['production-sizes'] ?? (ctx.quick ? '10' : '200')).split(',').filter(Boolean).map(Number)
      : [];
    // The embedded stores split into three processes on a dev server, at these sizes too: RSS per process.
    const splitSizes = (ctx.options['split-sizes'] ?? (ctx.quick ? '' : '200')).split(',').filter(Boolean).map(Number);
    const concurrency = Number(ctx.options['e2e-concurrency'] ?? (ctx.quick ? 10 : 50));
    // `--e2e-baselines=false`: our flows only (their CPU and peak RSS), no bare Updates nor diagnostics —
    // an A/B of the stack's own memory or flags at half the run time.
    const baselines = ctx.options['e2e-baselines'] !== 'false';
    const bundle = await nominationWorkflowBundle();
    const rows: Row[] = [];
    const details: Record<string, unknown> = {
      concurrency,
      commandsPerFlow: COMMANDS_PER_FLOW,
      topologies,
      sizes: {},
    };
    // Full run: a fresh stack per size, so each size's peak RSS is its own. Quick: one stack for both.
    const shared = ctx.quick && sizes.length ? await startStack(bundle) : undefined;
    try {
      for (const size of sizes) {
        const stack = shared ?? (await startStack(bundle));
        try {
          await runSize(ctx, stack, size, concurrency, rows, details, sizes[0], baselines);
        } finally {
          if (!shared) await stack.stop();
        }
      }
    } finally {
      await shared?.stop();
    }
    if (sizes.length && baselines) {
      // Diagnostic: one signature's decision-number allocation against how many the year already holds.
      const issuedCounts = ctx.quick ? [200, 1000] : [200, 1000, 2000, 4000];
      const allocation = [];
      for (const issued of issuedCounts) allocation.push(await allocationCost(issued));
      details.decisionNumberAllocation = allocation;
      for (const a of allocation)
        rows.push(
          row({
            scenario: '3 e2e diagnostic',
            metric: `decision-number allocation after ${a.issued.toLocaleString('en')} issued`,
            unit: 'ms',
            ours: a.msPerAllocation,
            baseline: allocation[0].msPerAllocation,
            baselineName: `same after ${issuedCounts[0]} issued`,
            reps: a.samples.length,
          }),
        );
    }
    for (const size of splitSizes) {
      const stack = await startSplitStack(bundle);
      try {
        await runSize(ctx, stack, size, concurrency, rows, details, sizes[0], baselines);
      } finally {
        await stack.stop();
      }
    }
    // A fresh production topology (fresh Temporal and read-model databases) per size.
    for (const size of productionSizes) {
      let stack: Stack | undefined;
      try {
        stack = await startProductionStack(ctx.log);
        await runSize(ctx, stack, size, concurrency, rows, details, sizes[0], baselines);
      } catch (error) {
        // The dev-server rows stay; the table says the production topology did not run, and why.
        const message = (error as Error).message.split('\n')[0];
        ctx.log(`  N=${size} (production): FAILED ${(error as Error).stack ?? message}`);
        rows.push(
          row({
            scenario: `3 e2e N=${size} production`,
            metric: 'FAILED to run',
            unit: '',
            ours: NaN,
            reps: 0,
            note: message,
          }),
        );
        process.exitCode = 1;
      } finally {
        await stack?.stop();
      }
    }
    return { rows, details };
  },
};

async function runSize(
  ctx: ScenarioContext,
  stack: Stack,
  size: number,
  concurrency: number,
  rows: Row[],
  details: Record<string, unknown>,
  firstSize: number,
  baselines: boolean,
) {
  const http = new HttpClient(stack.url, concurrency * 2);
  try {
    await waitForHttp(http, '/health');
    const session = await flowSession(http);
    ctx.log(`  N=${size} (${stack.topology}): driving ${size} flows (${concurrency} in flight) through ${stack.url}`);
    const nodeProcesses: Record<string, number | undefined> =
      stack.topology === 'embedded'
        ? { 'API+worker+projections': stack.pids.embedded }
        : { API: stack.pids.api, worker: stack.pids.worker };
    const nodeCpu = () => Object.values(nodeProcesses).reduce((sum: number, pid) => sum + cpuSecondsOf(pid), 0);
    const cpu0 = { node: nodeCpu(), temporal: cpuSecondsOf(stack.pids.temporal) };
    // Per thread of the embedded process (main, the Temporal workflow thread "WorkerThread", core's tokio, GC…).
    const threads0 = threadCpuSecondsOf(stack.pids.embedded);
    const ours = await driveFlows(session, size, concurrency, `${stack.topology}-n${size}`);
    const threads1 = threadCpuSecondsOf(stack.pids.embedded);
    // CPU per command of each process: where the machine's time went.
    const cpu = {
      nodeMsPerCommand: ((nodeCpu() - cpu0.node) * 1000) / ours.commands,
      temporalMsPerCommand: ((cpuSecondsOf(stack.pids.temporal) - cpu0.temporal) * 1000) / ours.commands,
      threadMsPerCommand: Object.fromEntries(
        Object.entries(threads1).map(([name, s]) => [name, ((s - (threads0[name] ?? 0)) * 1000) / ours.commands]),
      ),
    };
    if (stack.pids.embedded)
      ctx.log(
        `    CPU per command by thread: ${Object.entries(cpu.threadMsPerCommand)
          .sort((a, b) => b[1] - a[1])
          .map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`)
          .join(', ')}`,
      );
    const memory: Record<string, Memory | undefined> = Object.fromEntries(
      Object.entries(nodeProcesses).map(([name, pid]) => [name, pid ? memoryOf(pid) : undefined]),
    );
    memory[temporalName(stack)] = stack.pids.temporal ? memoryOf(stack.pids.temporal) : undefined;
    ctx.log(
      `    ${ours.completed}/${size} flows in ${ours.seconds.toFixed(1)} s${ours.failed ? `, ${ours.failed} FAILED (${ours.firstError})` : ''}`,
    );
    // Failed flows are measured as rows, and fail the run: a table of refused drafts is not a measurement.
    if (ours.failed) process.exitCode = 1;
    if (session.relogins) ctx.log(`    signed in again ${session.relogins}× (access tokens expired during the run)`);
    const breakdown = await inTemporal(stack.temporalAddress, ours.ids.slice(0, 50).map(nominationWorkflowId));
    ctx.log(
      `    inside Temporal (p50): update accepted→completed ${breakdown.updateAcceptedToCompleted.p50} ms, activity queued ${breakdown.activityQueued.p50} ms, ` +
        `activity running ${breakdown.activityRunning.p50} ms, workflow task queued ${breakdown.workflowTaskQueued.p50} ms; ` +
        `per Update: ${breakdown.workflowTasksPerUpdate} workflow tasks, ${breakdown.activityTasksPerUpdate} activity tasks, ${breakdown.localActivitiesPerUpdate} local activities`,
    );
    // A baseline run with the CPU per Update of its worker and of the Temporal server.
    const measuredBare = async (withLocalActivity: boolean) => {
      const temporalBefore = cpuSecondsOf(stack.pids.temporal);
      const run = await bareUpdates(
        stack.temporalAddress,
        size,
        concurrency,
        `${stack.topology}-n${size}`,
        withLocalActivity,
      );
      const cpu = {
        temporalMsPerUpdate: ((cpuSecondsOf(stack.pids.temporal) - temporalBefore) * 1000) / run.updates,
        workerMsPerUpdate: run.workerCpuMsPerUpdate,
      };
      return { run, cpu };
    };
    const measured = baselines ? await measuredBare(false) : undefined;
    const [bare, bareCpu] = [measured?.run, measured?.cpu];
    if (bare) ctx.log(`    bare: ${bare.updates} updates in ${bare.seconds.toFixed(1)} s`);
    // Diagnostic, at the first size only: the same Updates each awaiting one no-op local activity (our
    // workflow's shape: the floor of any design that leaves the workflow once a command to append).
    // `--e2e-diagnostic=false` skips it (a profile or a before/after pair needs only the bare baseline).
    const measuredShape =
      baselines && size === firstSize && stack.topology === 'embedded' && ctx.options['e2e-diagnostic'] !== 'false'
        ? await measuredBare(true)
        : undefined;
    const [shaped, shapedCpu] = [measuredShape?.run, measuredShape?.cpu];
    if (shaped && shapedCpu)
      ctx.log(
        `    bare + 1 no-op local activity per Update: ${shaped.updates} updates in ${shaped.seconds.toFixed(1)} s ` +
          `(${shaped.updatesPerSecond.toFixed(1)}/s); CPU per Update: worker ${shapedCpu.workerMsPerUpdate.toFixed(1)} ms + Temporal ${shapedCpu.temporalMsPerUpdate.toFixed(1)} ms`,
      );
    ctx.log(
      `    CPU per command: Node ${cpu.nodeMsPerCommand.toFixed(1)} ms + Temporal ${cpu.temporalMsPerCommand.toFixed(1)} ms` +
        (bareCpu
          ? `; bare Update: worker ${bareCpu.workerMsPerUpdate.toFixed(1)} ms + Temporal ${bareCpu.temporalMsPerUpdate.toFixed(1)} ms`
          : ''),
    );
    (details.sizes as Record<string, unknown>)[`${stack.topology} N=${size}`] = {
      ours: { ...ours, ids: undefined },
      cpu,
      insideTemporal: breakdown,
      bare,
      bareCpu,
      bareWithLocalActivity: shaped,
      bareWithLocalActivityCpu: shapedCpu,
      memory,
    };
    const sc = `3 e2e N=${size}${stack.topology === 'embedded' ? '' : ` ${stack.topology}`}`;
    const bareName = `trivial workflow, same # of Updates, same ${stack.topology === 'production' ? 'Temporal server (PostgreSQL)' : 'server'}`;
    rows.push(
      row({
        scenario: sc,
        metric: 'commands/s',
        unit: 'cmd/s',
        ours: ours.commandsPerSecond,
        baseline: bare?.updatesPerSecond,
        baselineName: bare && bareName,
        reps: 1,
      }),
      row({
        scenario: sc,
        metric: 'complete flows/s',
        unit: 'flows/s',
        ours: ours.flowsPerSecond,
        baseline: bare?.flowsPerSecond,
        baselineName: bare && bareName,
        reps: 1,
      }),
    );
    if (shaped)
      rows.push(
        row({
          scenario: sc,
          metric: '(diagnostic) commands/s vs Updates with 1 no-op local activity',
          unit: 'cmd/s',
          ours: ours.commandsPerSecond,
          baseline: shaped.updatesPerSecond,
          baselineName: 'trivial workflow + 1 no-op local activity per Update',
          reps: 1,
        }),
        // Target 2's floor: the shape alone against the bare Update (ratio = the best any design with
        // one local activity a command could reach on this server, before HTTP, the store, projections).
        row({
          scenario: sc,
          metric: '(floor) Updates with 1 no-op local activity/s vs bare Updates/s',
          unit: 'cmd/s',
          ours: shaped.updatesPerSecond,
          baseline: bare?.updatesPerSecond,
          baselineName: bare && bareName,
          reps: 1,
        }),
      );
    for (const [name, s] of Object.entries(ours.steps)) {
      const baselineName = bare && `bare Update p50 (p99 ${Math.round(bare.latency.p99)})`;
      rows.push(
        row({
          scenario: sc,
          metric: `${name} latency p50 (p99 ${Math.round(s.p99)})`,
          unit: 'ms',
          ours: s.p50,
          baseline: bare?.latency.p50,
          baselineName,
          reps: 1,
        }),
      );
    }
    rows.push(
      row({
        scenario: sc,
        metric: `CPU per command: ${temporalName(stack)}`,
        unit: 'ms',
        ours: cpu.temporalMsPerCommand,
        baseline: bareCpu?.temporalMsPerUpdate,
        baselineName: bareCpu && 'per bare Update',
        reps: 1,
      }),
      row({
        scenario: sc,
        metric: `CPU per command: Node (${Object.keys(nodeProcesses).join(' + ')})`,
        unit: 'ms',
        ours: cpu.nodeMsPerCommand,
        baseline: bareCpu?.workerMsPerUpdate,
        baselineName: bareCpu && 'bare worker per Update',
        reps: 1,
      }),
      // Since each command is a local activity (no activity task) the activity rows would be empty:
      // the wait inside Temporal is the workflow task's queue.
      ...insideRows(sc, breakdown),
    );
    for (const [name, m] of Object.entries(memory)) {
      if (!m) continue;
      // A Node process that hosts a Temporal worker is compared with the bare worker of the baseline.
      const hostsWorker = name !== 'API' && name !== temporalName(stack) && bare?.workerMemory;
      rows.push(
        row({
          scenario: sc,
          metric: `peak RSS ${name}`,
          unit: 'MiB',
          ours: m.peakRssMiB,
          ...(hostsWorker
            ? { baseline: bare!.workerMemory!.peakRssMiB, baselineName: 'bare Temporal worker process' }
            : {}),
          reps: 1,
        }),
      );
    }
    if (ours.failed)
      rows.push(
        row({ scenario: sc, metric: 'FAILED flows', unit: 'flows', ours: ours.failed, reps: 1, note: ours.firstError }),
      );
  } finally {
    http.close();
  }
}

/** The Temporal process of a stack, as the table names it. */
function temporalName(stack: Stack): string {
  return stack.topology === 'production' ? 'Temporal server (PostgreSQL)' : 'Temporal dev server';
}

/** The p50s read from the flows' histories; an activity row only where the histories hold activity tasks. */
export function insideRows(scenario: string, inside: HistoryBreakdown): Row[] {
  const rows: [string, number][] = [
    ['inside: workflow task queued p50', inside.workflowTaskQueued.p50],
    ['inside: activity queued p50', inside.activityQueued.p50],
    ['inside: activity (decide+append) p50', inside.activityRunning.p50],
    ['inside: Update accepted→completed p50', inside.updateAcceptedToCompleted.p50],
  ];
  return rows
    .filter(([, p50]) => Number.isFinite(p50))
    .map(([metric, p50]) => row({ scenario, metric, unit: 'ms', ours: p50, reps: 1 }));
}
