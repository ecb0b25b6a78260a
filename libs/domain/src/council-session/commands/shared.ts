import type { ActingAs } from '../../shared/actor';

/** What every session event carries: the session, who acted in which role, when. */
export interface SessionCommon {
  sessionId: string;
  by: ActingAs;
  at: string;
}
