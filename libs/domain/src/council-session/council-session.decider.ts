import type { Decider } from '../shared/decider';
import type { CouncilSessionCommand } from './council-session.commands';
import { decideSession } from './council-session.decide';
import type { CouncilSessionEvent } from './council-session.events';
import { evolveSession, initialSessionState } from './council-session.evolve';
import type { CouncilSessionState } from './council-session.state';

export const councilSessionDecider: Decider<CouncilSessionCommand, CouncilSessionEvent, CouncilSessionState> = {
  decide: decideSession,
  evolve: evolveSession,
  initialState: initialSessionState,
};
