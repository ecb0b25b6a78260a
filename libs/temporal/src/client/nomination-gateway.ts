/**
 * What the HTTP API uses to run nomination commands: each intent becomes the nomination
 * workflow's Update (the draft starts the workflow: update-with-start), a revocation its own short
 * workflow, and every refusal comes back as the domain's DomainError (kind → HTTP status).
 */
import { randomUUID } from 'node:crypto';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowIdReusePolicy,
} from '@temporalio/client';
import {
  domainError,
  invalid,
  invalidState,
  nominationNotFound,
  statusLabel,
  type Actor,
  type DomainError,
  type NominationIntent,
} from '@tdkt/domain';
import type { nominationWorkflow } from '../../../../workflows/nomination/nomination.workflow';
import type { revocationWorkflow } from '../../../../workflows/revocation/revocation.workflow';
import {
  NOMINATION_UPDATES,
  draftUpdate,
  viewQuery,
  type NominationUpdate,
} from '../../../../workflows/nomination/definitions';
import {
  nominationWorkflowId,
  revocationWorkflowId,
  type CommandEnvelope,
  type CommandOutcome,
  type NominationView,
  type NominationWorkflowArgs,
  type NominationWorkflowResult,
} from '../contracts';
import { domainErrorFrom } from '../domain-failure';
import { isTemporalUnavailable } from './temporal-unavailable';

export type { CommandOutcome, NominationView, NominationWorkflowArgs } from '../contracts';
// Refusals come back through the one codec; re-exported for the gateway's callers.
export { domainErrorFrom };
export { isTemporalUnavailable };

export interface NominationGatewayOptions {
  taskQueue: string;
  /** Passed to every new nomination workflow: stage limits, their unit, the council's voting time. */
  workflowArgs: Omit<NominationWorkflowArgs, 'nominationId'>;
  /**
   * How long a command may wait for its outcome (default 60 s: above an activity's 20 s
   * start-to-close, so a worker crash mid-command is still waited out). The SDK otherwise polls an
   * Update or a workflow result for ever — e.g. while no worker runs — and the request never answers.
   */
  commandTimeoutMs?: number;
  /** How long the `view` query may wait (default 5 s); a query needs a worker to answer it. */
  queryTimeoutMs?: number;
}

/**
 * The command (or query) got no answer in time, or Temporal could not be reached: Temporal or
 * the worker is down or overloaded. An Update or revocation already handed over may still be carried out later.
 */
export class NominationServiceUnavailableError extends Error {
  constructor(readonly operation: 'command' | 'query') {
    super(`No answer from the nomination workflow within the time limit (${operation})`);
    this.name = 'NominationServiceUnavailableError';
  }
}

type DraftIntent = Extract<NominationIntent, { type: 'DraftNomination' }>;

const notFound = nominationNotFound;
const closed = (status: string) => invalidState('NOMINATION_CLOSED', `Hồ sơ đã kết thúc (${statusLabel(status)})`);

/**
 * A nomination's workflow task now holds its command's decide + append (a local activity), so a
 * starved worker (a restart replaying many workflows at once) may need longer than the default 10 s;
 * 20 s is what an activity lost with its worker waited before (its start-to-close timeout).
 */
export const NOMINATION_WORKFLOW_TASK_TIMEOUT = '20 seconds';

export class NominationGateway {
  constructor(
    private readonly client: Client,
    private readonly opts: NominationGatewayOptions,
  ) {}

  /**
   * Drafts a new nomination: starts its workflow with the draft as update-with-start. A given
   * `commandId` (derived from the client's idempotency key) makes a retry the same Update.
   */
  async draft(
    nominationId: string,
    intent: DraftIntent,
    actor: Actor,
    commandId: string = randomUUID(),
  ): Promise<CommandOutcome> {
    const envelope: CommandEnvelope<DraftIntent> = { commandId, actor, intent };
    const attempt = (reuse: WorkflowIdReusePolicy) =>
      this.client.workflow.executeUpdateWithStart(draftUpdate, {
        args: [envelope],
        updateId: envelope.commandId,
        startWorkflowOperation: new WithStartWorkflowOperation<typeof nominationWorkflow>('nominationWorkflow', {
          workflowId: nominationWorkflowId(nominationId),
          taskQueue: this.opts.taskQueue,
          args: [{ nominationId, ...this.opts.workflowArgs }],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: reuse,
          workflowTaskTimeout: NOMINATION_WORKFLOW_TASK_TIMEOUT,
        }),
      });
    try {
      try {
        return await this.withinCommandTime(() => attempt('REJECT_DUPLICATE'));
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        // A closed workflow holds the id: a nomination that ended, or a refused draft that wrote
        // nothing — only then may the id be drafted again.
        const previous = await this.withinCommandTime(() => this.closedResult(nominationId));
        if (previous && previous.status !== 'NONE') throw domainError('ALREADY_EXISTS');
        return await this.withinCommandTime(() => attempt('ALLOW_DUPLICATE'));
      }
    } catch (err) {
      throw domainErrorFrom(err) ?? err;
    }
  }

  /**
   * Runs any intent: the draft, an Update of the running workflow, or a revocation. A given
   * `commandId` (list commands derive it from the list) makes a resent command the same Update.
   */
  async execute(
    nominationId: string,
    intent: NominationIntent,
    actor: Actor,
    commandId: string = randomUUID(),
  ): Promise<CommandOutcome> {
    if (intent.type === 'DraftNomination') return this.draft(nominationId, intent, actor);
    if (intent.type === 'RevokeAward') return this.revoke(nominationId, intent, actor);
    // The intent's Update, from the one table the workflow registers its handlers from.
    const update = NOMINATION_UPDATES[intent.type] as NominationUpdate | undefined;
    if (!update) throw invalid('INTENT_TYPE', `Thao tác không hợp lệ: ${(intent as { type?: string }).type}`, 'type');
    const envelope: CommandEnvelope = { commandId, actor, intent };
    const handle = this.client.workflow.getHandle(nominationWorkflowId(nominationId));
    try {
      return await this.withinCommandTime(() =>
        handle.executeUpdate(update, { args: [envelope], updateId: envelope.commandId }),
      );
    } catch (err) {
      const domain = domainErrorFrom(err);
      if (domain) throw domain;
      if (err instanceof NominationServiceUnavailableError) throw err;
      if (err instanceof WorkflowUpdateFailedError) throw err;
      // Asking why is a call to Temporal too, bounded alike: unanswered, it is a 503, not a 500.
      throw (await this.withinCommandTime(() => this.whyUnreachable(nominationId))) ?? err;
    }
  }

  /** The nomination workflow's `view` query. */
  async view(nominationId: string): Promise<NominationView> {
    try {
      const handle = this.client.workflow.getHandle(nominationWorkflowId(nominationId));
      const view = await this.within(this.opts.queryTimeoutMs ?? 5_000, 'query', () => handle.query(viewQuery));
      if (view.status === 'NONE') throw notFound();
      return view;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound();
      throw domainErrorFrom(err) ?? err;
    }
  }

  private async revoke(
    nominationId: string,
    intent: Extract<NominationIntent, { type: 'RevokeAward' }>,
    actor: Actor,
  ): Promise<CommandOutcome> {
    const commandId = randomUUID();
    try {
      return await this.withinCommandTime(() =>
        this.client.workflow.execute<typeof revocationWorkflow>('revocationWorkflow', {
          workflowId: revocationWorkflowId(nominationId, commandId),
          taskQueue: this.opts.taskQueue,
          args: [{ nominationId, commandId, actor, intent }],
          workflowTaskTimeout: NOMINATION_WORKFLOW_TASK_TIMEOUT,
        }),
      );
    } catch (err) {
      if (err instanceof WorkflowFailedError) throw domainErrorFrom(err.cause) ?? err;
      throw err;
    }
  }

  private withinCommandTime<T>(fn: () => Promise<T>): Promise<T> {
    return this.within(this.opts.commandTimeoutMs ?? 60_000, 'command', fn);
  }

  /** Runs `fn` with a gRPC deadline on every call it makes; a deadline reached or an unreachable server becomes NominationServiceUnavailableError. */
  private async within<T>(ms: number, operation: 'command' | 'query', fn: () => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + ms, fn);
    } catch (err) {
      if (isTemporalUnavailable(err)) throw new NominationServiceUnavailableError(operation);
      throw err;
    }
  }

  /** The result of the nomination's workflow when it has closed; undefined while it runs or when there is none. */
  private async closedResult(nominationId: string): Promise<NominationWorkflowResult | undefined> {
    const handle = this.client.workflow.getHandle<typeof nominationWorkflow>(nominationWorkflowId(nominationId));
    try {
      const d = await handle.describe();
      if (d.status.name === 'RUNNING') return undefined;
      if (d.status.name !== 'COMPLETED') return { nominationId, status: 'NONE', revision: -1 };
      return await handle.result();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }

  /** Why an Update could not be delivered: no such nomination, or it has ended. */
  private async whyUnreachable(nominationId: string): Promise<DomainError | undefined> {
    const handle = this.client.workflow.getHandle<typeof nominationWorkflow>(nominationWorkflowId(nominationId));
    try {
      const d = await handle.describe();
      if (d.status.name === 'RUNNING') return undefined;
      if (d.status.name !== 'COMPLETED') return closed(d.status.name);
      const result = await handle.result();
      return result.status === 'NONE' ? notFound() : closed(result.status);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return notFound();
      throw err;
    }
  }
}
