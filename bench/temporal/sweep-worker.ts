/** Child process: a Temporal worker for the sweep workflow only (bench/continue-as-new-cost.ts). */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

async function main() {
  const [address, taskQueue, bundle, cached] = process.argv.slice(2);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    workflowBundle: { codePath: bundle },
    maxCachedWorkflows: Number(cached),
    activities: { events: async (step: number) => JSON.stringify({ step, data: 'x'.repeat(1000) }) },
  });
  const running = worker.run();
  process.send!({ type: 'ready' });
  process.once('SIGTERM', () => worker.shutdown());
  await running;
  await connection.close();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
