/**
 * Scenario: per click, one user (issue 15, target 1). The nomination flow of scenario 3 driven over
 * HTTP through the embedded stack with ONE request in flight, the way an official works: draft →
 * submit → cluster review → office check → open voting → recusal → 10 votes → sign. Reported per
 * command: p50 and p99 end to end (target p50 ≤ 60 ms, p99 ≤ 150 ms), beside a bare Workflow Update
 * at concurrency 1 on the same Temporal server (own worker, trivial workflow). One warm-up flow first
 * (JIT, caches, the first login), not counted. Also where the time goes inside Temporal (histories)
 * and CPU per command, as scenario 3 reports them.
 */
import { nominationWorkflowId } from '@tdkt/temporal';
import { HttpClient, waitForHttp } from '../lib/http';
import { cpuSecondsOf } from '../lib/proc';
import { row, type Row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { startStack } from '../lib/stack';
import { nominationWorkflowBundle } from '../temporal/bundles';
import { bareUpdates, COMMANDS_PER_FLOW, driveFlows, flowSession, insideRows, inTemporal } from './e2e';

const TARGET = { p50: 60, p99: 150 };

export const perClickScenario: Scenario = {
  id: 'per-click',
  title: 'Per click: one request in flight, each command of the flow (p50/p99) vs a bare Update at concurrency 1',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const flows = Number(ctx.options['per-click-flows'] ?? (ctx.quick ? 5 : 20));
    const stack = await startStack(await nominationWorkflowBundle());
    const http = new HttpClient(stack.url, 4);
    try {
      await waitForHttp(http, '/health', 180_000);
      const session = await flowSession(http);
      await driveFlows(session, 1, 1, 'per-click-warm-up');
      const cpu0 = { node: cpuSecondsOf(stack.pids.embedded), temporal: cpuSecondsOf(stack.pids.temporal) };
      const ours = await driveFlows(session, flows, 1, 'per-click');
      if (ours.failed) throw new Error(`${ours.failed}/${flows} flows failed: ${ours.firstError}`);
      const cpu = {
        nodeMsPerCommand: ((cpuSecondsOf(stack.pids.embedded) - cpu0.node) * 1000) / ours.commands,
        temporalMsPerCommand: ((cpuSecondsOf(stack.pids.temporal) - cpu0.temporal) * 1000) / ours.commands,
      };
      const inside = await inTemporal(stack.temporalAddress, ours.ids.map(nominationWorkflowId));
      ctx.log(
        `  ${ours.commands} commands, one at a time, in ${ours.seconds.toFixed(1)} s; inside Temporal (p50): ` +
          `update accepted→completed ${inside.updateAcceptedToCompleted.p50} ms, activity queued ${inside.activityQueued.p50} ms, ` +
          `activity running ${inside.activityRunning.p50} ms, workflow task queued ${inside.workflowTaskQueued.p50} ms, running ${inside.workflowTaskRunning.p50} ms; ` +
          `per Update: ${inside.workflowTasksPerUpdate} workflow tasks, ${inside.activityTasksPerUpdate} activity tasks, ${inside.localActivitiesPerUpdate} local activities`,
      );
      const temporalBefore = cpuSecondsOf(stack.pids.temporal);
      const bare = await bareUpdates(stack.temporalAddress, flows, 1, 'per-click');
      const bareTemporalMs = ((cpuSecondsOf(stack.pids.temporal) - temporalBefore) * 1000) / bare.updates;
      ctx.log(`  bare: ${bare.updates} Updates, one at a time, in ${bare.seconds.toFixed(1)} s`);
      const s = 'per-click';
      const bareName = (p: 'p50' | 'p99') => `bare Update ${p}, concurrency 1`;
      const rows: Row[] = [];
      for (const [name, l] of Object.entries(ours.steps)) {
        const meets = l.p50 <= TARGET.p50 && l.p99 <= TARGET.p99;
        rows.push(
          row({
            scenario: s,
            metric: `${name} p50 (n=${l.count})`,
            unit: 'ms',
            ours: l.p50,
            baseline: bare.latency.p50,
            baselineName: bareName('p50'),
            reps: 1,
            note: meets ? 'target met' : `target p50 ≤ ${TARGET.p50}, p99 ≤ ${TARGET.p99}: not met`,
          }),
          row({
            scenario: s,
            metric: `${name} p99`,
            unit: 'ms',
            ours: l.p99,
            baseline: bare.latency.p99,
            baselineName: bareName('p99'),
            reps: 1,
          }),
        );
      }
      rows.push(
        ...insideRows(s, inside),
        row({
          scenario: s,
          metric: 'CPU per command: Temporal dev server',
          unit: 'ms',
          ours: cpu.temporalMsPerCommand,
          baseline: bareTemporalMs,
          baselineName: 'per bare Update',
          reps: 1,
        }),
        row({
          scenario: s,
          metric: 'CPU per command: Node (API+worker+projections)',
          unit: 'ms',
          ours: cpu.nodeMsPerCommand,
          baseline: bare.workerCpuMsPerUpdate,
          baselineName: 'bare worker per Update',
          reps: 1,
        }),
      );
      return {
        rows,
        details: { flows, commandsPerFlow: COMMANDS_PER_FLOW, ours: { ...ours, ids: undefined }, inside, cpu, bare },
      };
    } finally {
      http.close();
      await stack.stop();
    }
  },
};
