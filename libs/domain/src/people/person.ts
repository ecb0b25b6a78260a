import { hasRole, type Actor, type ActingAs, actingAs } from '../shared/actor';
import { domainError, forbidden, invalid } from '../shared/errors';

/**
 * The person register: one stream per person (`person-<id>`), keyed by a stable system id that
 * never derives from a name or a unit, so a namesake is another person and moving units keeps the
 * person (and the award history, which is keyed by the same id). Pure: the citizen ID (CCCD)
 * arrives already sealed (keyed hash for look-up, AES-GCM for reading) — the keys are the edge's.
 */
export type Gender = 'male' | 'female';
export const GENDERS: Gender[] = ['male', 'female'];

export interface PersonDetails {
  fullName: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  gender?: Gender;
  position?: string;
  /** Người trực tiếp lao động, sản xuất, công tác (priority in awards, Law 06/2022). */
  directWorker?: boolean;
}

/** A citizen ID as stored: never in clear. */
export interface SealedCitizenId {
  /** Keyed hash (HMAC-SHA-256, hex) for look-up and uniqueness. */
  hash: string;
  /** AES-256-GCM ciphertext (base64url: iv.tag.data). */
  sealed: string;
}

export interface UnitSpell {
  unitId: string;
  from: string;
  to?: string;
  position?: string;
}

export type PersonCommand =
  | {
      type: 'RegisterPerson';
      personId: string;
      unitId: string;
      details: PersonDetails;
      citizenId?: SealedCitizenId;
      actor: Actor;
      now: string;
    }
  | { type: 'MovePerson'; personId: string; toUnitId: string; position?: string; actor: Actor; now: string };

export type PersonEvent =
  | {
      type: 'PersonRegistered';
      data: PersonDetails & {
        personId: string;
        unitId: string;
        citizenId?: SealedCitizenId;
        by: ActingAs;
        at: string;
      };
    }
  | {
      type: 'PersonMoved';
      data: { personId: string; fromUnitId: string; toUnitId: string; position?: string; by: ActingAs; at: string };
    };

export type PersonState =
  | { status: 'NONE' }
  | (PersonDetails & {
      status: 'REGISTERED';
      personId: string;
      unitId: string;
      units: UnitSpell[];
      citizenId?: SealedCitizenId;
      registeredAt: string;
    });
export type RegisteredPerson = Extract<PersonState, { status: 'REGISTERED' }>;

export const personStreamName = (personId: string) => `person-${personId}`;
export const PERSON_STREAM_PREFIX = 'person-';
export const initialPersonState = (): PersonState => ({ status: 'NONE' });

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered': {
      const { by: _by, at, ...rest } = event.data;
      return clean({
        ...rest,
        status: 'REGISTERED' as const,
        units: [clean({ unitId: rest.unitId, from: at, position: rest.position })],
        registeredAt: at,
      });
    }
    case 'PersonMoved': {
      if (state.status === 'NONE') return state;
      const { toUnitId, position, at } = event.data;
      const units = state.units.map((u, i) => (i === state.units.length - 1 ? { ...u, to: at } : u));
      return clean({
        ...state,
        unitId: toUnitId,
        position: position ?? state.position,
        units: [...units, clean({ unitId: toUnitId, from: at, position: position ?? state.position })],
      });
    }
  }
}

/** Unit staff of that unit, or the office (council secretary) for any unit; the system when seeding. */
function actingFor(actor: Actor, unitId: string, what: string): ActingAs {
  // The system seeds the register from the organisation file (demo people): no person acts.
  if (hasRole(actor, 'SYSTEM')) return actingAs(actor, 'SYSTEM');
  if (hasRole(actor, 'COUNCIL_SECRETARY')) return actingAs(actor, 'COUNCIL_SECRETARY');
  const role = hasRole(actor, 'UNIT_OFFICER') ? 'UNIT_OFFICER' : hasRole(actor, 'UNIT_HEAD') ? 'UNIT_HEAD' : undefined;
  if (!role) throw forbidden('ROLE_REQUIRED', `Chỉ cán bộ, thủ trưởng đơn vị hoặc Ban TĐKT được ${what}`);
  if (actor.unitId !== unitId) throw forbidden('OUT_OF_SCOPE', `Chỉ được ${what} của đơn vị mình`);
  return actingAs(actor, role);
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
const isDate = (d: string) => {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
};

/** Checks the details a person is registered with (also the import's and the draft's). */
export function checkPersonDetails(details: PersonDetails, now: string): PersonDetails {
  const fullName = details.fullName?.trim().replace(/\s+/g, ' ');
  if (!fullName) throw invalid('REQUIRED', 'Cần họ và tên', 'fullName');
  if (details.dateOfBirth !== undefined) {
    if (!isDate(details.dateOfBirth))
      throw invalid('DATE_OF_BIRTH', 'Ngày sinh phải viết YYYY-MM-DD và là ngày có thật', 'dateOfBirth');
    if (details.dateOfBirth > now.slice(0, 10))
      throw invalid('DATE_OF_BIRTH', 'Ngày sinh không được sau ngày hôm nay', 'dateOfBirth');
  }
  if (details.gender !== undefined && !GENDERS.includes(details.gender))
    throw invalid('GENDER', 'Giới tính phải là male (nam) hoặc female (nữ)', 'gender');
  const position = details.position?.trim() || undefined;
  return clean({ ...details, fullName, position });
}

export function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  if (command.type === 'RegisterPerson') {
    const by = actingFor(command.actor, command.unitId, 'đăng ký nhân sự');
    const details = checkPersonDetails(command.details, command.now);
    if (state.status !== 'NONE') {
      // A retry of the same registration writes nothing; another person under this id is a conflict.
      if (state.fullName === details.fullName && state.registeredAt && state.units[0]?.unitId === command.unitId)
        return [];
      throw domainError('PERSON_EXISTS');
    }
    return [
      {
        type: 'PersonRegistered',
        data: clean({
          ...details,
          personId: command.personId,
          unitId: command.unitId,
          citizenId: command.citizenId,
          by,
          at: command.now,
        }),
      },
    ];
  }
  if (state.status === 'NONE') throw domainError('PERSON_NOT_FOUND');
  const by = actingFor(command.actor, state.unitId, 'chuyển công tác nhân sự');
  if (!command.toUnitId?.trim()) throw invalid('REQUIRED', 'Cần đơn vị chuyển đến', 'toUnitId');
  if (command.toUnitId === state.unitId)
    throw invalid('SAME_UNIT', 'Người này đang công tác tại đơn vị đó', 'toUnitId');
  return [
    {
      type: 'PersonMoved',
      data: clean({
        personId: state.personId,
        fromUnitId: state.unitId,
        toUnitId: command.toUnitId,
        position: command.position?.trim() || undefined,
        by,
        at: command.now,
      }),
    },
  ];
}

export const personDecider = { decide: decidePerson, evolve: evolvePerson, initialState: initialPersonState };
