/**
 * Writes to the person register and the award history, through the generic load-decide-append core:
 * the person's stream (`person-<id>`), the citizen ID's claim (`citizen-id-<hash>`, one person per
 * number), the nominee record (`nominee-<id>`, what eligibility and "one achievement, one award"
 * read). Event ids derive from the command, so a retry writes nothing twice.
 */
import {
  decideNomineeRecord,
  domainError,
  evolveNomineeRecord,
  initialNomineeRecord,
  nomineeStreamName,
  personDecider,
  personStreamName,
  type Actor,
  type AwardRecordSource,
  type NomineeRecord,
  type NomineeRecordCommand,
  type OneAwardPolicy,
  type PersonCommand,
  type PriorAward,
  type Role,
} from '@tdkt/domain';
import {
  ConcurrencyError,
  deterministicEventId,
  handleCommand,
  loadStream,
  type EventMetadata,
  type EventStore,
} from '@tdkt/event-store';

const MAX_ATTEMPTS = 20;
export const nomineeRecordDecider = {
  decide: decideNomineeRecord,
  evolve: evolveNomineeRecord,
  initialState: initialNomineeRecord,
};

export function metadataOf(actor: Actor, role: string, now: string, correlationId: string): EventMetadata {
  return {
    actorId: actor.userId,
    actorRole: role,
    ...(actor.unitId ? { actorUnitId: actor.unitId } : {}),
    ...(actor.clusterId ? { actorClusterId: actor.clusterId } : {}),
    occurredAt: now,
    correlationId,
    schemaVersion: 1,
  };
}

const roleOf = (actor: Actor, preferred: Role[]): string =>
  preferred.find((r) => actor.roles.includes(r)) ?? actor.roles[0];

/** Claims a citizen ID for a person: one stream per keyed hash, written once. Refused if another person holds it. */
export async function claimCitizenId(
  store: EventStore,
  hash: string,
  personId: string,
  actor: Actor,
  now: string,
): Promise<void> {
  const stream = `citizen-id-${hash}`;
  try {
    await store.append(
      stream,
      [
        {
          id: deterministicEventId(stream, personId),
          type: 'CitizenIdClaimed',
          data: { personId, at: now },
          metadata: metadataOf(actor, roleOf(actor, ['UNIT_OFFICER', 'UNIT_HEAD', 'COUNCIL_SECRETARY']), now, personId),
        },
      ],
      'no_stream',
    );
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    if ((await citizenIdHolder(store, hash)) !== personId) throw domainError('CITIZEN_ID_TAKEN');
  }
}

/** The person holding this citizen ID (by its keyed hash), if any: the look-up reads the claim stream. */
export async function citizenIdHolder(store: EventStore, hash: string): Promise<string | undefined> {
  const [claim] = await store.readStream(`citizen-id-${hash}`);
  return (claim?.data as { personId?: string } | undefined)?.personId;
}

/** One command on a person's stream (register, move); `commandId` names it for deterministic ids. */
export async function handlePersonCommand(store: EventStore, command: PersonCommand, commandId: string) {
  const stream = personStreamName(command.personId);
  return handleCommand(store, stream, personDecider, command, {
    envelope: (event, i) => ({
      id: deterministicEventId(stream, commandId, String(i)),
      metadata: metadataOf(
        command.actor,
        (event.data as { by: { role: string } }).by.role,
        command.now,
        command.personId,
      ),
    }),
    maxAttempts: MAX_ATTEMPTS,
  });
}

export async function readNomineeHistory(
  store: EventStore,
  nomineeId: string,
): Promise<{ record: NomineeRecord; revision: number }> {
  const { state, revision } = await loadStream(store, nomineeStreamName(nomineeId), nomineeRecordDecider);
  return { record: state, revision };
}

/**
 * Records awards in a nominee's history in one append (all or none of them), each checked by the
 * nominee record's decider ("one achievement, one award"); an entry already held is skipped.
 * Returns how many were added.
 */
export async function recordHistory(
  store: EventStore,
  p: {
    nomineeId: string;
    awards: PriorAward[];
    source: AwardRecordSource;
    oneAward?: OneAwardPolicy;
    actor: Actor;
    now: string;
  },
): Promise<{ added: number; position?: number }> {
  const stream = nomineeStreamName(p.nomineeId);
  const decider = {
    ...nomineeRecordDecider,
    // Several entries at once: each decided on the state the previous ones left.
    decide: (awards: PriorAward[], state: NomineeRecord) => {
      const events = [];
      let s = state;
      for (const award of awards) {
        const command: NomineeRecordCommand = {
          type: 'RecordAward',
          nomineeId: p.nomineeId,
          award,
          now: p.now,
          source: p.source,
          ...(p.oneAward ? { oneAward: p.oneAward } : {}),
        };
        for (const e of decideNomineeRecord(command, s)) {
          events.push(e);
          s = evolveNomineeRecord(s, e);
        }
      }
      return events;
    },
  };
  const role = roleOf(p.actor, ['UNIT_HEAD', 'COUNCIL_SECRETARY', 'SYSTEM']);
  const handled = await handleCommand(store, stream, decider, p.awards, {
    envelope: (event) => ({
      id: deterministicEventId(stream, (event.data as { award: PriorAward }).award.nominationId, 'award'),
      metadata: metadataOf(p.actor, role, p.now, p.nomineeId),
    }),
    maxAttempts: MAX_ATTEMPTS,
  });
  return { added: handled.idempotent ? 0 : handled.events.length, position: handled.position };
}
