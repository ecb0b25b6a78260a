/**
 * What the HTTP API uses to run council session commands: each intent is the session workflow's
 * Update (convening starts the workflow: update-with-start); refusals come back as DomainError.
 */
import { randomUUID } from 'node:crypto';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcDeadlineError,
} from '@temporalio/client';
import { domainError, invalidState, type Actor, type CouncilSessionState } from '@tdkt/domain';
import type { councilSessionWorkflow } from '../../../../workflows/council-session/council-session.workflow';
import {
  SESSION_UPDATES,
  sessionStateQuery,
  type SessionUpdate,
} from '../../../../workflows/council-session/definitions';
import {
  councilSessionWorkflowId,
  type SessionCommandEnvelope,
  type SessionCommandOutcome,
  type SessionIntent,
} from '../contracts';
import { domainErrorFrom } from '../domain-failure';
import { NominationServiceUnavailableError } from './nomination-gateway';

export interface CouncilSessionGatewayOptions {
  taskQueue: string;
  commandTimeoutMs?: number;
}

export class CouncilSessionGateway {
  constructor(
    private readonly client: Client,
    private readonly opts: CouncilSessionGatewayOptions,
  ) {}

  async execute(sessionId: string, intent: SessionIntent, actor: Actor): Promise<SessionCommandOutcome> {
    const envelope: SessionCommandEnvelope = { commandId: randomUUID(), actor, intent };
    const update = SESSION_UPDATES[intent.type] as SessionUpdate;
    const workflowId = councilSessionWorkflowId(sessionId);
    try {
      return await this.within(async () => {
        if (intent.type === 'ConveneSession')
          return this.client.workflow.executeUpdateWithStart(update, {
            args: [envelope],
            updateId: envelope.commandId,
            startWorkflowOperation: new WithStartWorkflowOperation<typeof councilSessionWorkflow>(
              'councilSessionWorkflow',
              {
                workflowId,
                taskQueue: this.opts.taskQueue,
                args: [{ sessionId }],
                workflowIdConflictPolicy: 'USE_EXISTING',
                workflowIdReusePolicy: 'REJECT_DUPLICATE',
              },
            ),
          });
        return this.client.workflow
          .getHandle(workflowId)
          .executeUpdate(update, { args: [envelope], updateId: envelope.commandId });
      });
    } catch (err) {
      const domain = domainErrorFrom(err);
      if (domain) throw domain;
      if (err instanceof NominationServiceUnavailableError) throw err;
      const why = await this.whyUnreachable(sessionId, intent);
      // Closing a session whose workflow has ended (closed, outcomes delivered) is a no-op.
      if (why?.code === 'SESSION_CLOSED' && intent.type === 'CloseSession')
        return { sessionId, status: 'CLOSED', revision: -1, position: 0 };
      throw why ?? err;
    }
  }

  /** The running workflow's folded state (tests, diagnostics); the API reads the event store. */
  async state(sessionId: string): Promise<{ state: CouncilSessionState; revision: number; delivered: string[] }> {
    return this.client.workflow.getHandle(councilSessionWorkflowId(sessionId)).query(sessionStateQuery);
  }

  private async within<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + (this.opts.commandTimeoutMs ?? 60_000), fn);
    } catch (err) {
      if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(err))
        throw new NominationServiceUnavailableError('command');
      throw err;
    }
  }

  /** No such session, or its workflow has ended (closed and delivered): a close again is a no-op. */
  private async whyUnreachable(sessionId: string, intent: SessionIntent) {
    try {
      const d = await this.client.workflow.getHandle(councilSessionWorkflowId(sessionId)).describe();
      if (d.status.name === 'RUNNING') return undefined;
      if (intent.type === 'ConveneSession') return domainError('SESSION_ALREADY_EXISTS');
      return invalidState('SESSION_CLOSED', 'Phiên họp đã bế mạc');
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return domainError('SESSION_NOT_FOUND');
      throw err;
    }
  }
}
