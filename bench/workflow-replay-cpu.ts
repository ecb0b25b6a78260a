/**
 * The workflow thread's CPU per command, measured by replaying the committed nomination histories
 * (test/fixtures/histories/*.json, recorded from the current code) through the SDK's replay worker:
 * the same sandbox, activations and promise hook as a live worker, without the server, the API or
 * the activities — a quick, repeatable A/B of workflow-code or worker changes (the e2e scenario is
 * the real measure). CPU is read per thread from /proc/self/task (Linux), so the main thread's
 * history decoding stays apart from the workflow thread's work.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/workflow-replay-cpu.ts [--rounds=20] [--bundle=file.js]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { threadCpuSecondsOf } from './lib/proc';
import { join } from 'node:path';
import { Worker, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { HISTORIES_DIR, historyFromFixture } from '../test/workflow/support/replay';
import { quietLogger, quietRuntime } from '../test/workflow/support/harness';
import { workflowBundleOptions } from '../libs/temporal/src/worker/workflow-bundle-options';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

/** Commands a history carries: its Updates (accepted) and signals. */
function commandsOf(h: HistoryAndWorkflowId): number {
  const events = (h.history as { events?: { eventType?: unknown }[] }).events ?? [];
  return events.filter((e) => {
    const t = String(e.eventType);
    return /UPDATE_ACCEPTED|SIGNALED|^(41|26)$/.test(t); // enum names or numbers (41 accepted, 26 signaled)
  }).length;
}

async function main() {
  quietRuntime();
  const rounds = Number(arg('rounds') ?? 20);
  const bundleFile = arg('bundle');
  const workflowBundle: WorkflowBundle = bundleFile
    ? { code: readFileSync(bundleFile, 'utf8') }
    : await bundleWorkflowCode({
        workflowsPath: join(__dirname, '..', 'workflows', 'index.ts'),
        logger: quietLogger,
        ...workflowBundleOptions(),
      });
  const histories = readdirSync(HISTORIES_DIR)
    .filter(
      (f) => f.endsWith('.json') && !f.includes('revocation') && !/^(award-decision|council-session)\.json$/.test(f),
    )
    .map((f) => historyFromFixture(readFileSync(join(HISTORIES_DIR, f), 'utf8')));
  const perRound = histories.reduce((n, h) => n + commandsOf(h), 0);
  const all = function* (n: number) {
    for (let r = 0; r < n; r++) for (const h of histories) yield { ...h, workflowId: `${h.workflowId}-r${r}` };
  };
  // One replay worker for all (its workflow thread ends with it): two warm-up rounds (the JIT, the
  // bundle's first load), then the measured rounds, read before the worker shuts down.
  const warmUp = 2 * histories.length;
  let done = 0;
  let before: Record<string, number> = {};
  let after: Record<string, number> = {};
  let t0 = 0n;
  let t1 = 0n;
  // debugMode off (not in the replay options' type, honoured at run time): the workflows run on a
  // workflow thread, as in the live worker (a replay worker defaults to the main thread).
  const options = { workflowBundle, replayName: 'cpu', debugMode: false };
  for await (const r of Worker.runReplayHistories(options, all(rounds + 2))) {
    if (r.error) throw r.error;
    if (++done === warmUp) {
      before = threadCpuSecondsOf(process.pid);
      t0 = process.hrtime.bigint();
    } else if (done === warmUp + rounds * histories.length) {
      after = threadCpuSecondsOf(process.pid);
      t1 = process.hrtime.bigint();
    }
  }
  const wall = Number(t1 - t0) / 1e9;
  const commands = perRound * rounds;
  const lines = Object.entries(after)
    .map(([name, s]) => [name, s - (before[name] ?? 0)] as const)
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, s]) => `  ${name.padEnd(16)} ${s.toFixed(2)} s  ${((s * 1000) / commands).toFixed(3)} ms/command`);
  console.log(
    `${histories.length} histories × ${rounds} rounds = ${commands} commands replayed in ${wall.toFixed(1)} s\n${lines.join('\n')}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
