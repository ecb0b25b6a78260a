import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// History (de)serialisation through the SDK's own generated classes. Not the SDK's historyToJSON /
// historyFromJSON: with this lockfile @temporalio/common and @temporalio/proto each get their own
// copy of protobufjs 8, and protojson refuses the other copy's types ("type must be a Type").
import { temporal } from '@temporalio/proto';
import { Worker, type ReplayResult, type WorkflowBundle } from '@temporalio/worker';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { workflowBundle } from './harness';

type History = temporal.api.history.v1.IHistory;
const HistoryMessage = temporal.api.history.v1.History;

export const HISTORIES_DIR = join(__dirname, '..', '..', 'fixtures', 'histories');

/** Replays histories against the current workflow code (or `bundle`); a non-deterministic change shows up as an error. */
export async function replayAll(
  histories: Iterable<HistoryAndWorkflowId>,
  bundle?: WorkflowBundle,
): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  const options = { workflowBundle: bundle ?? (await workflowBundle()), replayName: 'tdkt-replay' };
  for await (const r of Worker.runReplayHistories(options, histories)) results.push(r);
  return results;
}

/** One fixture file: `{ workflowId, history }`, the history as protobuf's JSON object form (longs and bytes as strings). */
export function historyToFixture(workflowId: string, history: History): string {
  const object = HistoryMessage.toObject(HistoryMessage.fromObject(history), {
    longs: String,
    enums: String,
    bytes: String,
  });
  return `${JSON.stringify({ workflowId, history: object })}\n`;
}

export function historyFromFixture(text: string): HistoryAndWorkflowId {
  const raw = JSON.parse(text) as { workflowId: string; history: Record<string, unknown> };
  return { workflowId: raw.workflowId, history: HistoryMessage.fromObject(raw.history) };
}

/**
 * The committed fixtures: test/fixtures/histories/*.json (recorded from the current code) and the
 * older recordings kept in its subfolders (histories of workflows started before a `patched()`
 * change, which running workflows still have): `file` is the path below HISTORIES_DIR.
 */
export function committedHistories(dir = HISTORIES_DIR, prefix = ''): (HistoryAndWorkflowId & { file: string })[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((e) => {
    if (e.isDirectory()) return committedHistories(join(dir, e.name), `${prefix}${e.name}/`);
    if (!e.name.endsWith('.json')) return [];
    return [{ file: `${prefix}${e.name}`, ...historyFromFixture(readFileSync(join(dir, e.name), 'utf8')) }];
  });
}
