/**
 * Sub-units (phòng, tổ, khoa…) of a unit over the event store: each unit's list is one stream, the
 * truth for registering, reading and looking a sub-unit up by its id (the id names its unit).
 */
import {
  parentUnitOf,
  subUnitsDecider,
  subUnitsStreamName,
  type RegisterSubUnit,
  type SubUnit,
  type SubUnitsState,
} from '@tdkt/domain';
import { deterministicEventId, handleCommand, loadStream, type EventStore } from '@tdkt/event-store';
import { metadataOf } from './people-writes';

export async function subUnitsOf(store: EventStore, unitId: string): Promise<SubUnitsState> {
  return (await loadStream(store, subUnitsStreamName(unitId), subUnitsDecider)).state;
}

/** The sub-unit with this id, or undefined (not a sub-unit id, or not registered). */
export async function findSubUnit(store: EventStore, id: string): Promise<SubUnit | undefined> {
  const parent = parentUnitOf(id);
  if (!parent) return undefined;
  return (await subUnitsOf(store, parent)).subUnits.find((s) => s.subUnitId === id);
}

/** Registers a sub-unit (the same name sent again registers nothing); returns it and the position written. */
export async function registerSubUnit(
  store: EventStore,
  command: RegisterSubUnit,
): Promise<{ subUnit: SubUnit; position?: number }> {
  const stream = subUnitsStreamName(command.unitId);
  const handled = await handleCommand(store, stream, subUnitsDecider, command, {
    // Named by the sub-unit's id: two racing registrations of the next number cannot both be stored.
    envelope: (event) => ({
      id: deterministicEventId(stream, event.data.subUnitId, 'registered'),
      metadata: metadataOf(command.actor, event.data.by.role, command.now, event.data.subUnitId),
    }),
    maxAttempts: 20,
  });
  const state = handled.events.reduce(subUnitsDecider.evolve, handled.state);
  // Sent again: the decider wrote nothing, and the one registered under this name is the answer.
  const name = command.name.trim().replace(/\s+/g, ' ');
  const subUnit = state.subUnits.find((s) => s.name.localeCompare(name, 'vi', { sensitivity: 'accent' }) === 0)!;
  return { subUnit, ...(handled.position !== undefined ? { position: handled.position } : {}) };
}
