/**
 * What the HTTP API uses to run award-decision commands: each intent is the decision workflow's
 * Update (drafting starts the workflow: update-with-start); refusals come back as DomainError.
 */
import { randomUUID } from 'node:crypto';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcDeadlineError,
} from '@temporalio/client';
import { domainError, type Actor } from '@tdkt/domain';
import type { awardDecisionWorkflow } from '../../../../workflows/award-decision/award-decision.workflow';
import {
  DECISION_UPDATES,
  decisionStateQuery,
  type DecisionUpdate,
} from '../../../../workflows/award-decision/definitions';
import {
  awardDecisionWorkflowId,
  type DecisionCommandEnvelope,
  type DecisionCommandOutcome,
  type DecisionIntent,
  type DecisionWorkflowView,
  type AwardDecisionWorkflowResult,
} from '../decision-contracts';
import { domainErrorFrom } from '../domain-failure';
import { NominationServiceUnavailableError } from './nomination-gateway';

export interface AwardDecisionGatewayOptions {
  taskQueue: string;
  commandTimeoutMs?: number;
}

/** The intents that start a decision's workflow (update-with-start); the others find it running. */
const startsDecision = (intent: DecisionIntent) =>
  intent.type === 'DraftDecision' || intent.type === 'IssueRevocation' || intent.type === 'IssueSingleDecision';

export class AwardDecisionGateway {
  constructor(
    private readonly client: Client,
    private readonly opts: AwardDecisionGatewayOptions,
  ) {}

  async execute(decisionId: string, intent: DecisionIntent, actor: Actor): Promise<DecisionCommandOutcome> {
    const envelope: DecisionCommandEnvelope = { commandId: randomUUID(), actor, intent };
    const update = DECISION_UPDATES[intent.type] as DecisionUpdate;
    const workflowId = awardDecisionWorkflowId(decisionId);
    try {
      return await this.within(async () => {
        if (startsDecision(intent))
          return this.client.workflow.executeUpdateWithStart(update, {
            args: [envelope],
            updateId: envelope.commandId,
            startWorkflowOperation: new WithStartWorkflowOperation<typeof awardDecisionWorkflow>(
              'awardDecisionWorkflow',
              {
                workflowId,
                taskQueue: this.opts.taskQueue,
                args: [{ decisionId }],
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
      throw (await this.whyUnreachable(decisionId, intent)) ?? err;
    }
  }

  /** The workflow's result: once every recipient has been applied (or reported not applied). */
  async result(decisionId: string): Promise<AwardDecisionWorkflowResult> {
    return this.client.workflow.getHandle<typeof awardDecisionWorkflow>(awardDecisionWorkflowId(decisionId)).result();
  }

  /** The running workflow's folded state (tests, diagnostics); the API reads the event store. */
  async state(decisionId: string): Promise<DecisionWorkflowView> {
    return this.client.workflow.getHandle(awardDecisionWorkflowId(decisionId)).query(decisionStateQuery);
  }

  private async within<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + (this.opts.commandTimeoutMs ?? 120_000), fn);
    } catch (err) {
      if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(err))
        throw new NominationServiceUnavailableError('command');
      throw err;
    }
  }

  private async whyUnreachable(decisionId: string, intent: DecisionIntent) {
    try {
      const d = await this.client.workflow.getHandle(awardDecisionWorkflowId(decisionId)).describe();
      if (d.status.name === 'RUNNING') return undefined;
      if (startsDecision(intent)) return domainError('AWARD_DECISION_EXISTS');
      return domainError('DECISION_NOT_DRAFT', 'Quyết định đã ban hành hoặc đã bị từ chối ký');
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return domainError('AWARD_DECISION_NOT_FOUND');
      throw err;
    }
  }
}
