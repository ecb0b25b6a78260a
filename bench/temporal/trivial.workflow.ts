/**
 * The baseline of scenario 3: a workflow that does nothing but accept `steps` Updates and return.
 * Whatever our nomination workflow costs beyond this is ours (the decider activity, the append,
 * read-your-writes in the API). With `withLocalActivity`, each Update awaits one no-op local activity,
 * as ours awaits its decide + append: the diagnostic that separates Temporal's cost of our workflow's
 * shape from our code — the floor of any design that must leave the workflow once per command to
 * write the event store.
 */
import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';

export const stepUpdate = defineUpdate<number, [number]>('step');

const { noop } = proxyLocalActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '1 minute' });

export async function trivialWorkflow(steps: number, withLocalActivity = false): Promise<number> {
  let done = 0;
  setHandler(stepUpdate, async () => {
    if (withLocalActivity) await noop();
    return ++done;
  });
  await condition(() => done >= steps);
  return done;
}
