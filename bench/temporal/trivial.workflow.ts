/**
 * The baseline of scenario 3: a workflow that does nothing but accept `steps` Updates and return.
 * Whatever our nomination workflow costs beyond this is ours (the decider activity, the append,
 * read-your-writes in the API).
 */
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const stepUpdate = defineUpdate<number, [number]>('step');

export async function trivialWorkflow(steps: number): Promise<number> {
  let done = 0;
  setHandler(stepUpdate, () => ++done);
  await condition(() => done >= steps);
  return done;
}
