/**
 * Prebuilds the workflow bundle the production worker loads (`dist/workflow-bundle.js`), so the
 * worker does not run webpack at start-up. Usage: npm run build:workflows
 * (No `@tdkt/*` imports here: this runs under plain ts-node.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../libs/temporal/src/worker/workflow-bundle-options';

const root = resolve(__dirname, '..');
const workflowsPath = resolve(root, 'workflows', 'index.ts');
const out = resolve(root, 'dist', 'workflow-bundle.js');

async function main(): Promise<void> {
  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath, ...workflowBundleOptions() });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`Workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
