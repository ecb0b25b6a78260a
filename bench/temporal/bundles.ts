/**
 * Workflow bundles, built once and cached in bench/.data by a hash of the sources, so a worker
 * starts in seconds and its peak memory is the worker's, not webpack's.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DATA_DIR, REPO_ROOT } from '../lib/paths';
import { workflowBundleOptions } from '../../libs/temporal/src/worker/workflow-bundle-options';

function hashTree(hash: ReturnType<typeof createHash>, dir: string) {
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) hashTree(hash, p);
    else if (p.endsWith('.ts') || p.endsWith('.json')) hash.update(p).update(readFileSync(p));
  }
}

const noop = () => undefined;
const quiet = { trace: noop, debug: noop, info: noop, warn: noop, error: (m: string) => console.error(m), log: noop };

async function cachedBundle(
  name: string,
  workflowsPath: string,
  trees: string[],
  options: { preloadModules?: string[] } = {},
): Promise<string> {
  const hash = createHash('sha1').update(JSON.stringify(options));
  for (const t of trees) hashTree(hash, join(REPO_ROOT, t));
  const file = join(DATA_DIR, `${name}-${hash.digest('hex').slice(0, 12)}.js`);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: quiet, ...options });
  writeFileSync(file, code);
  // Older bundles of changed sources are of no further use.
  for (const old of readdirSync(DATA_DIR))
    if (old.startsWith(`${name}-`) && old.endsWith('.js') && join(DATA_DIR, old) !== file)
      rmSync(join(DATA_DIR, old), { force: true });
  return file;
}

/** The nomination and revocation workflows (workflows/index.ts) as the worker runs them (our bundler options). */
export const nominationWorkflowBundle = () =>
  cachedBundle(
    'workflow-bundle',
    join(REPO_ROOT, 'workflows', 'index.ts'),
    ['workflows', 'libs/domain/src', 'libs/temporal/src'],
    workflowBundleOptions(),
  );

/** The trivial baseline workflow. */
export const trivialWorkflowBundle = () =>
  cachedBundle('trivial-bundle', join(REPO_ROOT, 'bench', 'temporal', 'trivial.workflow.ts'), ['bench/temporal']);

/** The sweep workflow of bench/continue-as-new-cost.ts. */
export const sweepWorkflowBundle = () =>
  cachedBundle('sweep-bundle', join(REPO_ROOT, 'bench', 'temporal', 'sweep.workflow.ts'), ['bench/temporal']);
