/**
 * Where a command's time goes inside Temporal, read from workflow histories: for every Update,
 * accepted → completed; for every activity (the decider + append), queued (scheduled → started)
 * and running (started → completed); for workflow tasks, scheduled → started → completed. A local
 * activity has no task of its own: it runs inside a workflow task and leaves a marker (counted).
 */
import type { Client } from '@temporalio/client';
import { summarise, type LatencySummary } from './stats';

type Ts = { seconds?: unknown; nanos?: number | null } | null | undefined;
const ms = (t: Ts) => (t ? Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6 : NaN);

export interface HistoryBreakdown {
  workflows: number;
  updateAcceptedToCompleted: LatencySummary;
  activityQueued: LatencySummary;
  activityRunning: LatencySummary;
  workflowTaskQueued: LatencySummary;
  workflowTaskRunning: LatencySummary;
  historyEventsPerWorkflow: number;
  /** Workflow tasks completed per Update (commands and the clock's own tasks together). */
  workflowTasksPerUpdate: number;
  /** Activities run locally (markers) and as activity tasks, per Update. */
  localActivitiesPerUpdate: number;
  activityTasksPerUpdate: number;
}

export async function historyBreakdown(client: Client, workflowIds: string[]): Promise<HistoryBreakdown> {
  const update: number[] = [];
  const queued: number[] = [];
  const running: number[] = [];
  const wfQueued: number[] = [];
  const wfRunning: number[] = [];
  let events = 0;
  let localActivities = 0;
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    const byId = new Map<number, Ts>();
    for (const e of history.events ?? []) {
      events++;
      const eventId = Number(e.eventId);
      byId.set(eventId, e.eventTime as Ts);
      const t = ms(e.eventTime as Ts);
      if (e.activityTaskStartedEventAttributes)
        queued.push(t - ms(byId.get(Number(e.activityTaskStartedEventAttributes.scheduledEventId))));
      if (e.activityTaskCompletedEventAttributes)
        running.push(t - ms(byId.get(Number(e.activityTaskCompletedEventAttributes.startedEventId))));
      if (e.workflowTaskStartedEventAttributes) wfQueued.push(t - ms(byId.get(eventId - 1)));
      if (e.workflowTaskCompletedEventAttributes)
        wfRunning.push(t - ms(byId.get(Number(e.workflowTaskCompletedEventAttributes.startedEventId))));
      if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') localActivities++;
      if (e.workflowExecutionUpdateCompletedEventAttributes)
        update.push(t - ms(byId.get(Number(e.workflowExecutionUpdateCompletedEventAttributes.acceptedEventId))));
    }
  }
  const perUpdate = (n: number) => Math.round((n / Math.max(1, update.length)) * 100) / 100;
  return {
    workflows: workflowIds.length,
    updateAcceptedToCompleted: summarise(update),
    activityQueued: summarise(queued.filter(Number.isFinite)),
    activityRunning: summarise(running.filter(Number.isFinite)),
    workflowTaskQueued: summarise(wfQueued.filter(Number.isFinite)),
    workflowTaskRunning: summarise(wfRunning.filter(Number.isFinite)),
    historyEventsPerWorkflow: Math.round(events / Math.max(1, workflowIds.length)),
    workflowTasksPerUpdate: perUpdate(wfRunning.length),
    localActivitiesPerUpdate: perUpdate(localActivities),
    activityTasksPerUpdate: perUpdate(running.length),
  };
}
