/**
 * Child process: a Temporal worker for the bench's own workflows only — the trivial baseline, and the
 * sweep of bench/continue-as-new-cost.ts (which sets the cache size, the fourth argument).
 */
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
    ...(cached ? { maxCachedWorkflows: Number(cached) } : {}),
    activities: {
      noop: async () => undefined,
      events: async (step: number) => JSON.stringify({ step, data: 'x'.repeat(1000) }),
    },
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
