import { invalid } from '../../libs/domain/src/shared/errors';
import type { Actor } from '../../libs/domain/src/shared/actor';
import { toUpdateFailure } from './failures';

interface Envelope {
  commandId: string;
  actor: Actor;
  intent: { type: string };
}

/**
 * The synchronous validator of every command Update (nomination, council session, decision): a
 * well-formed envelope for this Update's intent type, then the workflow's own guard on its current
 * state. A refusal here writes nothing to the history. Validators add no history events, so sharing
 * this needs no patch.
 */
export function commandValidator<C extends Envelope>(type: string, guard: (actor: C['actor']) => void) {
  return (command: C): void => {
    if (!command || typeof command.commandId !== 'string' || command.commandId.length === 0)
      throw toUpdateFailure(invalid('COMMAND_ID', 'commandId is required', 'commandId'));
    if (!command.actor || typeof command.actor.userId !== 'string' || !Array.isArray(command.actor.roles))
      throw toUpdateFailure(invalid('ACTOR', 'actor is required', 'actor'));
    if (!command.intent || command.intent.type !== type)
      throw toUpdateFailure(invalid('INTENT_TYPE', `this update carries ${type}`, 'type'));
    try {
      guard(command.actor);
    } catch (err) {
      throw toUpdateFailure(err);
    }
  };
}
