/**
 * What a year-end round's replays cost Temporal and a worker, and what continue-as-new would change,
 * without our code: `n` workflows (bench/temporal/sweep.workflow.ts) each take `steps` Updates, one
 * sweep of all `n` per step in order (as the office's lists move every open nomination in turn), on a
 * Temporal dev server. Variants, one after the other on one server:
 *   replay — the worker caches `cache` (< n) workflows: every step replays the workflow's history;
 *   cached — the worker caches all n: no replays (the floor);
 *   continue — cache as `replay`, but the run continues as new after each step (replays one step).
 * Prints per step: seconds, and CPU ms an Update of the worker and of the Temporal server.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/continue-as-new-cost.ts [n] [steps] [cache]
 */
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { forkTs, nextMessage, stopChild } from './lib/child';
import { scratchDir } from './lib/paths';
import { cpuSecondsOf } from './lib/proc';
import { startDevServer } from './lib/stack';
import { mapLimit, now } from './lib/stats';
import { sweepWorkflowBundle } from './temporal/bundles';
import { stepUpdate } from './temporal/trivial.workflow';
import type { sweepWorkflow } from './temporal/sweep.workflow';

const [n, steps, cache] = [
  Number(process.argv[2] ?? 600),
  Number(process.argv[3] ?? 6),
  Number(process.argv[4] ?? 100),
];
const CONCURRENCY = 8;
const VARIANTS = (process.env.SWEEP_VARIANTS ?? 'replay,cached,continue,replay').split(',');

async function main() {
  const scratch = scratchDir('sweep');
  const temporal = await startDevServer(scratch.dir);
  const bundle = await sweepWorkflowBundle();
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: 'default' });
  console.log(`sweep: ${n} workflows × ${steps} steps, ${CONCURRENCY} in flight; cache ${cache} (cached: ${n + 10})`);
  try {
    for (const [v, variant] of VARIANTS.entries()) {
      const taskQueue = `sweep-${v}-${variant}`;
      const worker = forkTs('temporal/trivial-worker.ts', [
        temporal.address,
        taskQueue,
        bundle,
        String(variant === 'cached' ? n + 10 : cache),
      ]);
      try {
        await nextMessage(worker, 'ready', 120_000);
        const line: string[] = [];
        let total = { s: 0, w: 0, t: 0 };
        let retries = 0;
        for (let step = 0; step < steps; step++) {
          const [w0, t0, s0] = [cpuSecondsOf(worker.pid), cpuSecondsOf(temporal.pid), now()];
          await mapLimit(
            Array.from({ length: n }, (_, i) => i),
            CONCURRENCY,
            async (i) => {
              const workflowId = `${taskQueue}-${i}`;
              // Started, then updated (not update-with-start, whose answer may come back after the run
              // continued as new and be retried into "already started").
              if (step === 0)
                await client.workflow.start<typeof sweepWorkflow>('sweepWorkflow', {
                  workflowId,
                  taskQueue,
                  args: [0, steps, variant === 'continue'],
                });
              for (let attempt = 1; ; attempt++)
                try {
                  await client.workflow.getHandle(workflowId).executeUpdate(stepUpdate, { args: [step] });
                  break;
                } catch (error) {
                  if (!(error instanceof WorkflowNotFoundError) || attempt === 5) throw error;
                  retries++;
                }
            },
          );
          const s = (now() - s0) / 1000;
          const w = ((cpuSecondsOf(worker.pid) - w0) * 1000) / n;
          const t = ((cpuSecondsOf(temporal.pid) - t0) * 1000) / n;
          total = { s: total.s + s, w: total.w + w, t: total.t + t };
          line.push(`${s.toFixed(1)} s ${w.toFixed(2)}+${t.toFixed(2)}`);
        }
        console.log(`  ${variant.padEnd(8)} step: s, worker+Temporal CPU ms an Update: ${line.join(' | ')}`);
        console.log(
          `  ${variant.padEnd(8)} all: ${total.s.toFixed(1)} s, worker ${(total.w / steps).toFixed(2)} ms + Temporal ${(total.t / steps).toFixed(2)} ms an Update; Updates asked again after "already completed": ${retries}`,
        );
      } finally {
        await stopChild(worker);
      }
    }
  } finally {
    await connection.close();
    await temporal.stop();
    scratch.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
