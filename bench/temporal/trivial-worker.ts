/** Child process: a Temporal worker for the trivial baseline workflow only. */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

async function main() {
  const [address, taskQueue, bundle] = process.argv.slice(2);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    workflowBundle: { codePath: bundle },
    activities: { noop: async () => undefined },
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
