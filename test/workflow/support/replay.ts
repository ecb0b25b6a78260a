import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type ReplayResult } from '@temporalio/worker';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { workflowBundle } from './harness';

export const HISTORIES_DIR = join(__dirname, '..', '..', 'fixtures', 'histories');

/** Replays histories against the current workflow code; a non-deterministic change shows up as an error. */
export async function replayAll(histories: Iterable<HistoryAndWorkflowId>): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle: await workflowBundle(), replayName: 'tdkt-replay' }, histories)) results.push(r);
  return results;
}

/** The committed fixtures: test/fixtures/histories/*.json, each `{ workflowId, history }`. */
export function committedHistories(): (HistoryAndWorkflowId & { file: string })[] {
  return readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')) as { workflowId: string; history: unknown };
      return { file, workflowId: raw.workflowId, history: historyFromJSON(raw.history) };
    });
}
