import {
  decide,
  evolve,
  initialState,
  nominationStreamName,
  type NominationCommand,
  type NominationEvent,
  type NominationState,
} from '@tdkt/domain';
import { deterministicEventId, type AppendResult, type EventStore } from '@tdkt/event-store';
import { nominationEventMetadata } from '@tdkt/temporal/activities/event-metadata';

/**
 * Writes nominations the way the workflow activity does: decide on the folded state with the real
 * domain decider, append with the expected revision, deterministic event ids, and the envelope
 * metadata (actor, role, scope, reason, correlation and causation ids, schema version).
 */
export class NominationLog {
  private readonly states = new Map<string, NominationState>();
  private readonly revisions = new Map<string, number>();
  /** Every event appended, in append order. */
  readonly appended: { nominationId: string; event: NominationEvent; position: number }[] = [];

  constructor(private readonly store: EventStore) {}

  async run(...commands: NominationCommand[]): Promise<AppendResult> {
    let last: AppendResult | undefined;
    for (const command of commands) last = await this.apply(command);
    return last!;
  }

  stateOf(nominationId: string): NominationState {
    return this.states.get(nominationId) ?? initialState();
  }

  private async apply(command: NominationCommand): Promise<AppendResult> {
    const id = command.nominationId;
    const state = this.stateOf(id);
    const events = decide(command, state);
    const revision = this.revisions.get(id) ?? -1;
    const commandId = `${id}/${revision + 1}/${command.type}`;
    const result = await this.store.append(
      nominationStreamName(id),
      events.map((event, i) => ({
        id: deterministicEventId(id, commandId, String(i)),
        type: event.type,
        data: event.data,
        metadata: nominationEventMetadata(event, { now: command.now, nominationId: id, commandId }),
      })),
      revision < 0 ? 'no_stream' : revision,
    );
    this.states.set(id, events.reduce(evolve, state));
    this.revisions.set(id, result.nextExpectedRevision);
    events.forEach((event, i) => this.appended.push({ nominationId: id, event, position: result.positions[i] }));
    return result;
  }
}
