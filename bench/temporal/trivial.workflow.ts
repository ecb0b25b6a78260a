/**
 * The baseline of scenario 3: a workflow that does nothing but accept `steps` Updates and return.
 * Whatever our nomination workflow costs beyond this is ours (the decider activity, the append,
 * read-your-writes in the API). With `withActivity`, each Update awaits one no-op activity, as ours
 * awaits its decider activity: the diagnostic that separates Temporal's cost of that shape from our code.
 */
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export const stepUpdate = defineUpdate<number, [number]>('step');

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '1 minute' });

export async function trivialWorkflow(steps: number, withActivity = false): Promise<number> {
  let done = 0;
  setHandler(stepUpdate, async () => {
    if (withActivity) await noop();
    return ++done;
  });
  await condition(() => done >= steps);
  return done;
}
