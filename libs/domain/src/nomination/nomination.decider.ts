import type { Decider } from '../shared/decider';
import type { NominationCommand } from './nomination.commands';
import { decide } from './nomination.decide';
import type { NominationEvent } from './nomination.events';
import { evolve, initialState } from './nomination.evolve';
import type { NominationState } from './nomination.state';

export const nominationDecider: Decider<NominationCommand, NominationEvent, NominationState> = {
  decide,
  evolve,
  initialState,
};
