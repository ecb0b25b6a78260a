/**
 * A secret item's ballot box on the event store: cast (anonymous), seal, read. The events carry
 * token hash and choice only; their metadata names no actor and no request.
 */
import {
  ballotBoxDecider,
  ballotBoxStreamName,
  canonicalBallots,
  councilSessionDecider,
  councilSessionStreamName,
  domainError,
  invalid,
  type CouncilSessionEvent,
  type CouncilSessionState,
  countBallots,
  type BallotBoxEvent,
  type BallotBoxState,
  type SecretBallotBox,
  type VoteChoice,
} from '@tdkt/domain';
import { deterministicEventId, handleCommand, loadStream, type EventStore } from '@tdkt/event-store';
import { fromBase64url, sha256Hex, verifyToken } from './blind-rsa';

const ANONYMOUS = { actorId: 'anonymous', actorRole: 'ANONYMOUS', schemaVersion: 1 };

/** Appends an anonymous ballot; a replayed token or a sealed box is refused (DomainError). Returns the receipt. */
export async function castIntoBox(
  store: EventStore,
  sessionId: string,
  nominationId: string,
  tokenHash: string,
  choice: VoteChoice,
): Promise<{ receipt: string; position: number }> {
  const stream = ballotBoxStreamName(sessionId, nominationId);
  const handled = await handleCommand(
    store,
    stream,
    ballotBoxDecider,
    { type: 'CastSecretBallot', tokenHash, choice },
    {
      // No time, no request: the correlation is the box itself; the id derives from the token.
      envelope: () => ({
        id: deterministicEventId(stream, tokenHash, '0'),
        metadata: { ...ANONYMOUS, occurredAt: '1970-01-01T00:00:00.000Z', correlationId: stream },
      }),
      maxAttempts: 20,
    },
  );
  // Two casts of one token at once: the second meets the first's event id, which the store ignores.
  if (handled.idempotent) throw domainError('TOKEN_ALREADY_USED', undefined, 'token');
  return { receipt: tokenHash, position: handled.position ?? 0 };
}

/** Seals the box (no ballot after) and counts it, with the hash of the canonical published ballots. */
export async function sealAndCount(
  store: EventStore,
  sessionId: string,
  nominationId: string,
  causationId: string,
): Promise<SecretBallotBox> {
  const stream = ballotBoxStreamName(sessionId, nominationId);
  await handleCommand(
    store,
    stream,
    ballotBoxDecider,
    { type: 'SealBallotBox' },
    {
      envelope: () => ({
        id: deterministicEventId(stream, causationId, 'seal'),
        metadata: { ...ANONYMOUS, occurredAt: '1970-01-01T00:00:00.000Z', correlationId: stream, causationId },
      }),
      maxAttempts: 50,
    },
  );
  const { state } = await readBox(store, sessionId, nominationId);
  return { nominationId, ...countBallots(state.ballots), ballotsHash: sha256Hex(canonicalBallots(state.ballots)) };
}

export async function readBox(
  store: EventStore,
  sessionId: string,
  nominationId: string,
): Promise<{ state: BallotBoxState; revision: number }> {
  return loadStream<BallotBoxEvent, BallotBoxState>(
    store,
    ballotBoxStreamName(sessionId, nominationId),
    ballotBoxDecider,
  );
}

/**
 * An unauthenticated secret ballot: token + signature + choice. Verified with the item's public key
 * (from the session's CouncilSessionOpened event), refused when replayed or after the seal.
 * Nothing about the caller is read or written.
 */
export async function castSecretBallot(
  store: EventStore,
  sessionId: string,
  nominationId: string,
  body: { token?: unknown; signature?: unknown; choice?: unknown },
): Promise<{ receipt: string; position: number }> {
  const { state } = await loadStream<CouncilSessionEvent, CouncilSessionState>(
    store,
    councilSessionStreamName(sessionId),
    councilSessionDecider,
  );
  if (state.status === 'NONE') throw domainError('SESSION_NOT_FOUND');
  const key = secretKeyOf(state, nominationId);
  const token = fromBase64url(body.token, 'token');
  const signature = fromBase64url(body.signature, 'signature');
  if (typeof body.choice !== 'string' || !['approve', 'reject', 'abstain'].includes(body.choice))
    throw invalid('CHOICE', 'choice phải là approve, reject hoặc abstain', 'choice');
  if (state.status === 'CLOSED') throw domainError('BALLOT_BOX_SEALED');
  if (!(await verifyToken(key, token, signature))) throw domainError('BAD_SIGNATURE', undefined, 'signature');
  return castIntoBox(store, sessionId, nominationId, sha256Hex(token), body.choice as VoteChoice);
}

/** The public key of a secret item of an opened session (NOT_ON_AGENDA / NOT_SECRET_ITEM / SESSION_NOT_OPEN otherwise). */
export function secretKeyOf(state: CouncilSessionState, nominationId: string): string {
  if (state.status === 'NONE') throw domainError('SESSION_NOT_FOUND');
  const item = state.agenda.find((i) => i.nominationId === nominationId);
  if (!item)
    throw domainError('NOT_ON_AGENDA', `Hồ sơ ${nominationId} không có trong chương trình phiên họp`, 'nominationId');
  if (!item.policy.secretBallot)
    throw domainError('NOT_SECRET_ITEM', `Hồ sơ ${nominationId} biểu quyết công khai`, 'nominationId');
  const key = state.secretKeys.find((k) => k.nominationId === nominationId);
  if (!key) throw domainError('SESSION_NOT_OPEN');
  return key.publicKey;
}

/** After close: the item's ballots (token hash, choice) in canonical order, and the hash the minutes print. */
export async function publishedBallots(store: EventStore, sessionId: string, nominationId: string) {
  const { state: session } = await loadStream<CouncilSessionEvent, CouncilSessionState>(
    store,
    councilSessionStreamName(sessionId),
    councilSessionDecider,
  );
  secretKeyOf(session, nominationId);
  if (session.status !== 'CLOSED') throw domainError('SESSION_NOT_OPEN', 'Phiếu kín chỉ được công bố sau khi bế mạc');
  const { state } = await readBox(store, sessionId, nominationId);
  const ballots = [...state.ballots].sort((a, b) =>
    a.tokenHash < b.tokenHash ? -1 : a.tokenHash > b.tokenHash ? 1 : 0,
  );
  return { ballots, ballotsHash: sha256Hex(canonicalBallots(state.ballots)), counts: countBallots(state.ballots) };
}
