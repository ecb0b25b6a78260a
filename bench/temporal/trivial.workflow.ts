/**
 * The baseline of scenario 3: a workflow that does nothing but accept `steps` Updates and return.
 * Whatever our nomination workflow costs beyond this is ours (the decider activity, the append,
 * read-your-writes in the API). With `activity`, each Update awaits one no-op activity — `'local'` a
 * local one, as ours awaits its decide + append since issue 15 (`true`: a remote one, as before it):
 * the diagnostic that separates Temporal's cost of our workflow's shape from our code — the floor of
 * any design that must leave the workflow once per command to write the event store.
 */
import { condition, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';

export const stepUpdate = defineUpdate<number, [number]>('step');

type Noop = { noop(): Promise<void> };
const remote = proxyActivities<Noop>({ startToCloseTimeout: '1 minute' });
const local = proxyLocalActivities<Noop>({ startToCloseTimeout: '1 minute' });

export type StepActivity = boolean | 'local';

export async function trivialWorkflow(steps: number, activity: StepActivity = false): Promise<number> {
  let done = 0;
  setHandler(stepUpdate, async () => {
    if (activity === 'local') await local.noop();
    else if (activity) await remote.noop();
    return ++done;
  });
  await condition(() => done >= steps);
  return done;
}
