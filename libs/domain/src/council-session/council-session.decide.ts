import type { CouncilSessionCommand } from './council-session.commands';
import type { CouncilSessionEvent } from './council-session.events';
import { guardSession } from './council-session.guard';
import type { CouncilSessionState, ExistingSession } from './council-session.state';
import { changeAgenda, conveneSession } from './commands/agenda';
import { checkIn, openSession } from './commands/attendance';
import { closeSession } from './commands/closing';
import { castSessionBallot, issueBlindSignature, recordWrittenBallot, recuseFromItem } from './commands/voting';
import type { SessionCommon } from './commands/shared';

/** decide(command, state) → events. Pure; the guard (role, roster, stage) runs first for every command. */
export function decideSession(command: CouncilSessionCommand, state: CouncilSessionState): CouncilSessionEvent[] {
  const by = guardSession(command.type, command.actor, state);
  const common: SessionCommon = { sessionId: command.sessionId, by, at: command.now };
  if (command.type === 'ConveneSession') return conveneSession(command, common);
  const s = state as ExistingSession;
  switch (command.type) {
    case 'ChangeAgenda':
      return changeAgenda(command, s, common);
    case 'CheckIn':
      return checkIn(command, s, common);
    case 'OpenSession':
      return openSession(command, s, common);
    case 'RecuseFromItem':
      return recuseFromItem(command, s, common);
    case 'CastSessionBallot':
      return castSessionBallot(command, s, common);
    case 'RecordWrittenBallot':
      return recordWrittenBallot(command, s, common);
    case 'IssueBlindSignature':
      return issueBlindSignature(command, s, common);
    case 'CloseSession':
      return closeSession(command, s, common);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown council session command: ${(_exhaustive as { type?: string }).type}`);
    }
  }
}
