import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  councilSessionDecider,
  councilSessionStreamName,
  domainError,
  mayReadCouncilSessions,
  type Actor,
  type CouncilSessionEvent,
  type CouncilSessionState,
  type ExistingSession,
} from '@tdkt/domain';
import { foldRecorded, type RecordedEvent } from '@tdkt/event-store';
import {
  BLIND_RSA_SUITE,
  CouncilSessionGateway,
  castSecretBallot,
  publishedBallots,
  secretKeyOf,
  type SessionCommandOutcome,
  type SessionIntent,
} from '@tdkt/temporal';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';
import { listCouncilSessions } from '@tdkt/projections';
import { ReadYourWrites } from '../nominations/read-your-writes';
import { renderMinutes } from './minutes';
import { sessionView } from './session-view';

@Injectable()
export class CouncilSessionsService {
  readonly gateway: CouncilSessionGateway;
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
  ) {
    this.gateway = new CouncilSessionGateway(runtime.temporal, { taskQueue: runtime.config.temporal.taskQueue });
  }

  /** Runs the command; the sessions list (a read model) shows it when this returns. */
  async run(sessionId: string, actor: Actor, intent: SessionIntent): Promise<SessionCommandOutcome> {
    const outcome = await this.gateway.execute(sessionId, intent, actor);
    if (outcome.position > 0) await this.ryw.reach(outcome.position);
    return outcome;
  }

  async convene(actor: Actor, body: { title: string; scheduledAt: string; nominationIds: string[] }) {
    const id = randomUUID();
    const outcome = await this.run(id, actor, { type: 'ConveneSession', ...body });
    return { id, status: outcome.status };
  }

  /** Sessions are read by those who read every nomination (an agenda spans every unit): the domain's read policy. */
  canRead(actor: Actor): void {
    if (!mayReadCouncilSessions(actor)) throw domainError('COUNCIL_SESSION_NOT_ALLOWED');
  }

  /** The session folded from its stream (the store is the truth; no read model lags behind a command). */
  async load(sessionId: string): Promise<{ state: ExistingSession; events: RecordedEvent[] }> {
    const events = await this.runtime.store.readStream(councilSessionStreamName(sessionId));
    const state = foldRecorded<CouncilSessionEvent, CouncilSessionState>(councilSessionDecider, events);
    if (state.status === 'NONE') throw domainError('SESSION_NOT_FOUND');
    return { state, events };
  }

  /** Every session (the council sessions read model), the latest scheduled first. */
  list() {
    return listCouncilSessions(this.runtime.readDb);
  }

  async view(sessionId: string) {
    const { state, events } = await this.load(sessionId);
    const at = (type: string) => (events.find((e) => e.type === type)?.data as { at?: string } | undefined)?.at;
    return sessionView(state, this.runtime.directory, {
      ...(at('CouncilSessionOpened') ? { openedAt: at('CouncilSessionOpened') } : {}),
      ...(at('CouncilSessionClosed') ? { closedAt: at('CouncilSessionClosed') } : {}),
    });
  }

  async key(sessionId: string, nominationId: string) {
    const { state } = await this.load(sessionId);
    return { suite: BLIND_RSA_SUITE, publicKey: secretKeyOf(state, nominationId) };
  }

  castSecret(sessionId: string, nominationId: string, body: { token: string; signature: string; choice: string }) {
    return castSecretBallot(this.runtime.store, sessionId, nominationId, body);
  }

  async published(sessionId: string, nominationId: string) {
    const p = await publishedBallots(this.runtime.store, sessionId, nominationId);
    return { suite: BLIND_RSA_SUITE, ballotsHash: p.ballotsHash, counts: p.counts, ballots: p.ballots };
  }

  async minutes(sessionId: string): Promise<Buffer> {
    const v = await this.view(sessionId);
    const d = this.runtime.directory;
    const chair = d.org.users.find((u) => u.roles.includes('CHAIRMAN'));
    const secretary = d.org.users.find((u) => u.roles.includes('COUNCIL_SECRETARY'));
    return renderMinutes(v, {
      province: d.org.province,
      chairName: chair?.displayName ?? '',
      secretaryName: secretary?.displayName ?? '',
    });
  }
}
