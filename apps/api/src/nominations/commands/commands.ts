import type { Actor, NominationIntent } from '@tdkt/domain';
import type { CommandOutcome } from '@tdkt/temporal';
import type { DraftNominationDto, EditNominationDto } from '../dto/nomination.dto';

/** What every command answers: the nomination's state after it and the event position it reached. */
export interface CommandResult {
  id: string;
  status: CommandOutcome['status'];
  onHold: boolean;
  revision: number;
  /** Global event position of the command's last event (read models have reached it when the answer arrives). */
  position: number;
  decisionNumber?: string;
  /** RevokeAward: the revocation decision's own number. */
  revocationDecisionNumber?: string;
  /** RevokeAward: the revocation decision (its document, its number once registered under `external`). */
  revocationDecisionId?: string;
  /** SignAwardDecision under `external` numbering: the one-recipient decision (its number registered later, if not given). */
  decisionId?: string;
}

/** Draft a new nomination (the id is generated here). */
export class DraftNominationCommand {
  constructor(
    readonly actor: Actor,
    readonly body: DraftNominationDto,
    /** The client's Idempotency-Key: a retried draft with the same key is the same draft. */
    readonly idempotencyKey?: string,
  ) {}
}

/** Edit a draft or a returned nomination. */
export class EditNominationCommand {
  constructor(
    readonly nominationId: string,
    readonly actor: Actor,
    readonly body: EditNominationDto,
  ) {}
}

/** Submit a draft, or resubmit a nomination returned for revision (the same button for the unit head). */
export class SubmitNominationCommand {
  constructor(
    readonly nominationId: string,
    readonly actor: Actor,
    readonly comment?: string,
    /** The unit head declares the nomination one-off (đột xuất) on submitting it. */
    readonly oneOff?: boolean,
  ) {}
}

/** Any other step of a nomination, as the domain's intent. */
export class RunNominationIntentCommand {
  constructor(
    readonly nominationId: string,
    readonly actor: Actor,
    readonly intent: Exclude<NominationIntent, { type: 'DraftNomination' }>,
  ) {}
}

export function toResult(o: CommandOutcome): CommandResult {
  const r: CommandResult = {
    id: o.nominationId,
    status: o.status,
    onHold: o.onHold,
    revision: o.revision,
    position: o.position,
  };
  if (o.decisionNumber) r.decisionNumber = o.decisionNumber;
  if (o.revocationDecisionNumber) r.revocationDecisionNumber = o.revocationDecisionNumber;
  return r;
}
