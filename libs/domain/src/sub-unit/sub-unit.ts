/**
 * Sub-units (phòng, tổ, khoa, ban …) of an organisation unit, as collectives of their own: a
 * sub-unit may be nominated as a collective (tập thể), and its award history is kept under its own
 * id like a person's. One stream per parent unit (`sub-units-<unitId>`) lists its sub-units, so a
 * name is registered once per unit (appended with the expected revision) and each id is numbered in
 * its unit: `tt-<unitId>-<n>`, stable, never derived from the name. Pure.
 */
import { hasRole, type Actor, type ActingAs, actingAs } from '../shared/actor';
import { domainError, forbidden, invalid } from '../shared/errors';

export const SUB_UNIT_KINDS = ['PHONG', 'TO', 'KHOA', 'BAN', 'KHAC'] as const;
export type SubUnitKind = (typeof SUB_UNIT_KINDS)[number];
export const SUB_UNIT_KIND_LABELS: Record<SubUnitKind, string> = {
  PHONG: 'Phòng',
  TO: 'Tổ',
  KHOA: 'Khoa',
  BAN: 'Ban',
  KHAC: 'Bộ phận khác',
};

export interface SubUnit {
  subUnitId: string;
  unitId: string;
  name: string;
  kind: SubUnitKind;
  registeredAt: string;
}

export interface RegisterSubUnit {
  type: 'RegisterSubUnit';
  unitId: string;
  name: string;
  kind: string;
  actor: Actor;
  now: string;
}

export type SubUnitRegistered = {
  type: 'SubUnitRegistered';
  data: { unitId: string; subUnitId: string; name: string; kind: SubUnitKind; by: ActingAs; at: string };
};

export interface SubUnitsState {
  subUnits: SubUnit[];
}

export const subUnitsStreamName = (unitId: string) => `sub-units-${unitId}`;
export const SUB_UNITS_STREAM_PREFIX = 'sub-units-';
const ID = /^tt-(.+)-(\d+)$/;
export const subUnitIdOf = (unitId: string, n: number) => `tt-${unitId}-${n}`;
/** The parent unit named in a sub-unit's id, or undefined when the id is not a sub-unit's. */
export const parentUnitOf = (id: string): string | undefined => ID.exec(id)?.[1];

const squash = (s: string | undefined) => (typeof s === 'string' ? s : '').trim().replace(/\s+/g, ' ');
const sameName = (a: string, b: string) => a.localeCompare(b, 'vi', { sensitivity: 'accent' }) === 0;

/**
 * The unit head or officer registers the unit's own sub-units; the office (Ban TĐKT) any unit's; the
 * system those the organisation file declares.
 */
export function mayRegisterSubUnit(actor: Actor, unitId: string): boolean {
  return (
    hasRole(actor, 'SYSTEM') ||
    hasRole(actor, 'COUNCIL_SECRETARY') ||
    ((hasRole(actor, 'UNIT_HEAD') || hasRole(actor, 'UNIT_OFFICER')) && actor.unitId === unitId)
  );
}

export const initialSubUnitsState = (): SubUnitsState => ({ subUnits: [] });

export function evolveSubUnits(state: SubUnitsState, event: SubUnitRegistered): SubUnitsState {
  const { subUnitId, unitId, name, kind, at } = event.data;
  return { subUnits: [...state.subUnits, { subUnitId, unitId, name, kind, registeredAt: at }] };
}

export function decideSubUnits(command: RegisterSubUnit, state: SubUnitsState): SubUnitRegistered[] {
  if (!mayRegisterSubUnit(command.actor, command.unitId))
    throw forbidden(
      'SUB_UNIT_NOT_ALLOWED',
      'Chỉ thủ trưởng, cán bộ thi đua của đơn vị hoặc Ban TĐKT được khai báo bộ phận trực thuộc',
    );
  const name = squash(command.name);
  if (!name) throw invalid('REQUIRED', 'Cần tên bộ phận (phòng, tổ, khoa…)', 'name');
  if (name.length > 300) throw invalid('REQUIRED', 'Tên bộ phận tối đa 300 ký tự', 'name');
  if (!SUB_UNIT_KINDS.includes(command.kind as SubUnitKind))
    throw invalid('SUB_UNIT_KIND', `Loại bộ phận là một trong ${SUB_UNIT_KINDS.join(', ')}`, 'kind');
  const kind = command.kind as SubUnitKind;
  const same = state.subUnits.find((s) => sameName(s.name, name));
  if (same) {
    if (same.kind === kind) return []; // sent again: already registered
    throw domainError('SUB_UNIT_EXISTS', `Đơn vị đã có bộ phận "${same.name}" (${same.subUnitId})`, 'name');
  }
  const own = command.actor.unitId === command.unitId;
  const role =
    own && hasRole(command.actor, 'UNIT_HEAD')
      ? 'UNIT_HEAD'
      : own && hasRole(command.actor, 'UNIT_OFFICER')
        ? 'UNIT_OFFICER'
        : hasRole(command.actor, 'SYSTEM')
          ? 'SYSTEM'
          : 'COUNCIL_SECRETARY';
  return [
    {
      type: 'SubUnitRegistered',
      data: {
        unitId: command.unitId,
        subUnitId: subUnitIdOf(command.unitId, state.subUnits.length + 1),
        name,
        kind,
        by: actingAs(command.actor, role),
        at: command.now,
      },
    },
  ];
}

export const subUnitsDecider = {
  initialState: initialSubUnitsState,
  evolve: evolveSubUnits,
  decide: decideSubUnits,
};

/**
 * A sub-unit named as a nominee: it must be registered, and be the drafting unit's own — a unit
 * proposes its own sub-units (the collective's history is read under the sub-unit's id).
 */
export function nominableSubUnit(state: SubUnitsState, subUnitId: string, draftingUnitId: string): SubUnit {
  const found = state.subUnits.find((s) => s.subUnitId === subUnitId);
  if (!found) throw domainError('SUB_UNIT_NOT_FOUND');
  if (found.unitId !== draftingUnitId)
    throw forbidden(
      'SUB_UNIT_NOT_ALLOWED',
      `Bộ phận ${found.name} thuộc đơn vị khác: chỉ đơn vị của bộ phận được đề nghị khen thưởng cho bộ phận đó`,
    );
  return found;
}
