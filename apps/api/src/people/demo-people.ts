import { personDecider, personStreamName, SYSTEM_ACTOR, type PersonCommand } from '@tdkt/domain';
import type { Organisation } from '@tdkt/config';
import { loadStream, type EventStore } from '@tdkt/event-store';
import { CitizenIdVault } from './citizen-id-vault';
import { claimCitizenId, handlePersonCommand } from './people-writes';
import { registerSubUnit } from './sub-units';

/**
 * Registers the organisation file's demo people (`people`), once: a person already registered is
 * left as is, so every start is idempotent. Their award history is the file's `priorAwards`.
 * Returns how many were registered now.
 */
export async function seedDemoPeople(store: EventStore, org: Organisation, vault?: CitizenIdVault): Promise<number> {
  let registered = 0;
  for (const p of org.people ?? []) {
    const { state } = await loadStream(store, personStreamName(p.id), personDecider);
    if (state.status === 'REGISTERED') continue;
    const now = new Date().toISOString();
    const command: Extract<PersonCommand, { type: 'RegisterPerson' }> = {
      type: 'RegisterPerson',
      personId: p.id,
      unitId: p.unitId,
      details: {
        fullName: p.fullName,
        ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
        ...(p.gender ? { gender: p.gender } : {}),
        ...(p.position ? { position: p.position } : {}),
        ...(p.directWorker !== undefined ? { directWorker: p.directWorker } : {}),
      },
      actor: SYSTEM_ACTOR,
      now,
    };
    if (p.citizenId && vault) {
      command.citizenId = vault.seal(p.citizenId);
      await claimCitizenId(store, command.citizenId.hash, p.id, SYSTEM_ACTOR, now);
    }
    await handlePersonCommand(store, command, 'register');
    if (p.movedTo) {
      const later = new Date(Date.parse(now) + 1).toISOString();
      await handlePersonCommand(
        store,
        {
          type: 'MovePerson',
          personId: p.id,
          toUnitId: p.movedTo.unitId,
          ...(p.movedTo.position ? { position: p.movedTo.position } : {}),
          actor: SYSTEM_ACTOR,
          now: later,
        },
        'seed-move',
      );
    }
    registered++;
  }
  return registered;
}

/**
 * Registers the organisation file's demo sub-units (`subUnits`), as the office would: a name already
 * registered in its unit registers nothing, so every start is idempotent. Returns how many are new.
 */
export async function seedDemoSubUnits(store: EventStore, org: Organisation): Promise<number> {
  let registered = 0;
  for (const u of org.subUnits ?? []) {
    const { position } = await registerSubUnit(store, {
      type: 'RegisterSubUnit',
      unitId: u.unitId,
      name: u.name,
      kind: u.kind,
      actor: SYSTEM_ACTOR,
      now: new Date().toISOString(),
    });
    if (position !== undefined) registered++;
  }
  return registered;
}
