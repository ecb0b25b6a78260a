/**
 * Child process of scenario 3: the embedded stack exactly as `npm start` runs it (Temporal dev
 * server, worker, projections and API in one Node process), configured by the environment, but
 * with a prebuilt workflow bundle (as production's dist/workflow-bundle.js) and quiet logs.
 */
import 'reflect-metadata';
import { SqliteEventStore } from '@tdkt/event-store';
import { startEmbedded } from '../../apps/embedded/src/embedded';
import { startMemoryTrace } from './memory-trace';

async function main() {
  startMemoryTrace();
  const bundle = process.argv[2];
  const system = await startEmbedded({
    workflowBundle: { codePath: bundle },
    temporalUi: false,
    logger: ['error'],
    onProgress: () => undefined,
  });
  process.send!({
    type: 'ready',
    url: system.url,
    temporalAddress: system.config.temporal.address,
    temporalPid: system.devServer?.pid,
  });
  const stop = async () => {
    // The event store's group commit: how many appends each transaction (each fsync) carried.
    if (system.store instanceof SqliteEventStore) {
      const { appends, commits } = system.store.appendStats();
      console.log(
        `  event store: ${appends} appends in ${commits} commits (${(appends / Math.max(1, commits)).toFixed(2)} a commit)`,
      );
    }
    await system.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
