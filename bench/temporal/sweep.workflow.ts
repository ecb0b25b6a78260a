/**
 * The year-end round's shape without our code (bench/continue-as-new-cost.ts): a workflow that takes
 * one Update per step, each awaiting a local activity whose result (a ~1 KB marker, as our commands'
 * events) goes into the history. `continueEach`: after each step the run continues as new, carrying
 * only its count — so a step on a workflow evicted from the cache replays one step, not all before it.
 */
import { allHandlersFinished, condition, continueAsNew, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import { stepUpdate } from './trivial.workflow';

const { events } = proxyLocalActivities<{ events(step: number): Promise<string> }>({
  startToCloseTimeout: '1 minute',
});

export async function sweepWorkflow(start: number, steps: number, continueEach: boolean): Promise<number> {
  let done = start;
  const results: string[] = []; // kept, as our workflow keeps its folded state
  // The step's number makes a retried Update harmless: its answer can be lost when the run continues
  // as new (the client then sees "workflow execution already completed" and asks again).
  setHandler(stepUpdate, async (step) => {
    if (step < done) return done;
    results.push(await events(done));
    return ++done;
  });
  if (continueEach) {
    await condition(() => done > start && allHandlersFinished());
    if (done < steps) await continueAsNew<typeof sweepWorkflow>(done, steps, true);
    return done;
  }
  await condition(() => done >= steps && allHandlersFinished());
  return done;
}
