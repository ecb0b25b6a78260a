import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Nominee } from '@tdkt/domain';
import { deterministicEventId } from '@tdkt/event-store';
import { normaliseForSearch } from '@tdkt/projections';
import type { ApiRuntime } from '../../api-runtime';
import { runByStatus } from '../intent-by-status';
import { API_RUNTIME } from '../../tokens';
import { ReadYourWrites } from '../read-your-writes';
import { PeopleService } from '../../people/people.service';
import {
  DraftNominationCommand,
  EditNominationCommand,
  RunNominationIntentCommand,
  SubmitNominationCommand,
  toResult,
  type CommandResult,
} from './commands';

/**
 * Without an explicit identity, a nominee is known by unit and name (`donvi1:nguyen-van-an`): the
 * same person nominated again by the same unit is recognised for "one achievement, one award".
 */
export function defaultNomineeId(unitId: string | undefined, name: string): string {
  return `${unitId ?? 'tinh'}:${normaliseForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

@CommandHandler(DraftNominationCommand)
export class DraftNominationHandler implements ICommandHandler<DraftNominationCommand, CommandResult> {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
    private readonly people: PeopleService,
  ) {}

  async execute({ actor, body, idempotencyKey }: DraftNominationCommand): Promise<CommandResult> {
    // Drafting may register the nominee first (a retried draft registers the same person: the key carries over).
    const personId =
      body.newPerson && body.nominee.kind === 'individual' && !body.nominee.personId
        ? (await this.people.register(actor, body.newPerson, idempotencyKey && `draft:${idempotencyKey}`)).id
        : body.nominee.personId;
    const name = (body.nominee.name ?? body.newPerson?.fullName ?? '').trim();
    const nominee: Nominee = {
      kind: body.nominee.kind,
      name,
      // A person of the register is known by their id; the activity fills the rest from the register.
      nomineeId: personId ?? body.nominee.subUnitId ?? body.nominee.nomineeId ?? defaultNomineeId(actor.unitId, name),
      ...(personId ? { personId } : {}),
      // A sub-unit is known by its id; the activity fills its name from the unit's list.
      ...(body.nominee.subUnitId && !personId ? { subUnitId: body.nominee.subUnitId } : {}),
      ...(body.nominee.userId ? { userId: body.nominee.userId } : {}),
      ...(body.nominee.position ? { position: body.nominee.position } : {}),
      ...(body.nominee.gender ? { gender: body.nominee.gender } : {}),
      ...(body.nominee.directWorker !== undefined ? { directWorker: body.nominee.directWorker } : {}),
      ...(body.nominee.grassroots !== undefined ? { grassroots: body.nominee.grassroots } : {}),
    };
    // With a key, the nomination id and the command id are derived from it: a retry reaches the same
    // workflow with the same Update id, which Temporal answers with the first attempt's outcome.
    const keyed = idempotencyKey ? deterministicEventId('draft', actor.userId, idempotencyKey) : undefined;
    const outcome = await this.runtime.gateway.draft(
      keyed ?? randomUUID(),
      {
        type: 'DraftNomination',
        campaignId: body.campaignId,
        awardCode: body.awardCode,
        nominee,
        achievements: body.achievements,
        ...(body.documents ? { documents: body.documents } : {}),
        ...(body.oneOff !== undefined ? { oneOff: body.oneOff } : {}),
        ...(body.comment ? { comment: body.comment } : {}),
      },
      actor,
      keyed && deterministicEventId('draft-command', keyed),
    );
    await this.ryw.reach(outcome.position);
    return toResult(outcome);
  }
}

@CommandHandler(EditNominationCommand)
export class EditNominationHandler implements ICommandHandler<EditNominationCommand, CommandResult> {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
  ) {}

  async execute({ nominationId, actor, body }: EditNominationCommand): Promise<CommandResult> {
    const changes: { nominee?: Nominee; achievements?: string; documents?: string[] } = {};
    if (body.nominee) {
      // A corrected name keeps the nominee's identity unless a new one is given.
      const current = body.nominee.nomineeId ? undefined : await this.runtime.queries.getNomination(nominationId);
      const name = (body.nominee.name ?? '').trim();
      changes.nominee = {
        kind: body.nominee.kind,
        name,
        nomineeId:
          body.nominee.personId ??
          body.nominee.subUnitId ??
          body.nominee.nomineeId ??
          current?.nomineeId ??
          defaultNomineeId(actor.unitId, name),
        ...(body.nominee.personId ? { personId: body.nominee.personId } : {}),
        ...(body.nominee.subUnitId && !body.nominee.personId ? { subUnitId: body.nominee.subUnitId } : {}),
        ...(body.nominee.userId ? { userId: body.nominee.userId } : {}),
        ...(body.nominee.position ? { position: body.nominee.position } : {}),
        ...(body.nominee.gender ? { gender: body.nominee.gender } : {}),
        ...(body.nominee.directWorker !== undefined ? { directWorker: body.nominee.directWorker } : {}),
        ...(body.nominee.grassroots !== undefined ? { grassroots: body.nominee.grassroots } : {}),
      };
    }
    if (body.achievements !== undefined) changes.achievements = body.achievements;
    if (body.documents !== undefined) changes.documents = body.documents;
    const outcome = await this.runtime.gateway.execute(
      nominationId,
      { type: 'EditNomination', changes, ...(body.comment ? { comment: body.comment } : {}) },
      actor,
    );
    await this.ryw.reach(outcome.position);
    return toResult(outcome);
  }
}

@CommandHandler(SubmitNominationCommand)
export class SubmitNominationHandler implements ICommandHandler<SubmitNominationCommand, CommandResult> {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
  ) {}

  async execute({ nominationId, actor, comment, oneOff }: SubmitNominationCommand): Promise<CommandResult> {
    // A returned nomination is resubmitted (next round): chosen by its status (see runByStatus).
    const outcome = await runByStatus(
      this.runtime,
      nominationId,
      (status) => ({
        type: status === 'RETURNED' ? ('ResubmitNomination' as const) : ('SubmitNomination' as const),
        ...(oneOff !== undefined ? { oneOff } : {}),
        ...(comment ? { comment } : {}),
      }),
      (intent) => this.runtime.gateway.execute(nominationId, intent, actor),
    );
    await this.ryw.reach(outcome.position);
    return toResult(outcome);
  }
}

@CommandHandler(RunNominationIntentCommand)
export class RunNominationIntentHandler implements ICommandHandler<RunNominationIntentCommand, CommandResult> {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
  ) {}

  async execute({ nominationId, actor, intent }: RunNominationIntentCommand): Promise<CommandResult> {
    const outcome = await this.runtime.gateway.execute(nominationId, intent, actor);
    await this.ryw.reach(outcome.position);
    return toResult(outcome);
  }
}

export const COMMAND_HANDLERS = [
  DraftNominationHandler,
  EditNominationHandler,
  SubmitNominationHandler,
  RunNominationIntentHandler,
];
