import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { DomainError } from '../shared/errors';
import { SYSTEM_ACTOR } from '../shared/actor';
import {
  nominableSubUnit,
  parentUnitOf,
  subUnitsDecider,
  type RegisterSubUnit,
  type SubUnitRegistered,
  type SubUnitsState,
} from './sub-unit';

const spec = DeciderSpecification.for(subUnitsDecider);
const AT = '2026-11-02T02:00:00.000Z';
const register = (name: string, o: Partial<RegisterSubUnit> = {}): RegisterSubUnit => ({
  type: 'RegisterSubUnit',
  unitId: 'donvi1',
  name,
  kind: 'TO',
  actor: f.thutruongDonvi1,
  now: AT,
  ...o,
});
const registered = (n: number, name: string, o: Partial<SubUnitRegistered['data']> = {}): SubUnitRegistered => ({
  type: 'SubUnitRegistered',
  data: {
    unitId: 'donvi1',
    subUnitId: `tt-donvi1-${n}`,
    name,
    kind: 'TO',
    by: { userId: 'thutruong.donvi1', role: 'UNIT_HEAD', unitId: 'donvi1', clusterId: 'cum1' },
    at: AT,
    ...o,
  },
});

describe('sub-units (phòng, tổ, khoa…) of a unit as collectives of their own', () => {
  it('the unit head registers a sub-unit; it gets a stable id numbered in its unit', () => {
    spec
      .given([])
      .when(register('Tổ Toán – Tin'))
      .then([registered(1, 'Tổ Toán – Tin')]);
    spec
      .given([registered(1, 'Tổ Toán – Tin')])
      .when(register('  Tổ   Ngữ văn '))
      .then([registered(2, 'Tổ Ngữ văn')]);
  });

  it('the office registers one for any unit; the unit officer for their own', () => {
    spec
      .given([])
      .when(register('Khoa Nội', { actor: f.thuky, kind: 'KHOA' }))
      .thenEvents(([e]) => expect(e.data).toMatchObject({ kind: 'KHOA', by: { role: 'COUNCIL_SECRETARY' } }));
    spec
      .given([])
      .when(register('Phòng Hành chính', { actor: f.canboDonvi1, kind: 'PHONG' }))
      .thenEvents(([e]) => expect(e.data.by.role).toBe('UNIT_OFFICER'));
  });

  it('the system registers those the organisation file declares, as itself', () => {
    spec
      .given([])
      .when(register('Khoa Hồi sức cấp cứu', { actor: SYSTEM_ACTOR, unitId: 'donvi2', kind: 'KHOA' }))
      .thenEvents(([e]) => expect(e.data).toMatchObject({ subUnitId: 'tt-donvi2-1', by: { role: 'SYSTEM' } }));
  });

  it('another unit’s head or officer, or a cluster leader, may not', () => {
    for (const actor of [f.thutruongDonvi3, f.canboDonvi3, f.truongcumCum1])
      spec.given([]).when(register('Tổ Toán', { actor })).thenThrows('FORBIDDEN', 'SUB_UNIT_NOT_ALLOWED');
  });

  it('the same name sent again registers nothing; the same name as another kind is refused', () => {
    spec
      .given([registered(1, 'Tổ Toán')])
      .when(register('tổ toán'))
      .thenNothing();
    expect(
      spec
        .given([registered(1, 'Tổ Toán')])
        .when(register('Tổ Toán', { kind: 'BAN' }))
        .thenThrows('CONFLICT', 'SUB_UNIT_EXISTS').field,
    ).toBe('name');
  });

  it('a blank name or an unknown kind is refused by field', () => {
    expect(spec.given([]).when(register('  ')).thenThrows('VALIDATION', 'REQUIRED').field).toBe('name');
    expect(
      spec
        .given([])
        .when(register('Tổ A', { kind: 'XYZ' }))
        .thenThrows('VALIDATION', 'SUB_UNIT_KIND').field,
    ).toBe('kind');
  });

  it('its id names its parent unit, even when the unit id has hyphens', () => {
    expect(parentUnitOf('tt-donvi1-3')).toBe('donvi1');
    expect(parentUnitOf('tt-so-gd-dt-12')).toBe('so-gd-dt');
    expect(parentUnitOf('p-123')).toBeUndefined();
  });

  describe('nominated as a collective', () => {
    const state: SubUnitsState = [registered(1, 'Tổ Toán')].reduce(
      subUnitsDecider.evolve,
      subUnitsDecider.initialState(),
    );
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('expected a refusal');
    };
    it('by its own unit', () => {
      expect(nominableSubUnit(state, 'tt-donvi1-1', 'donvi1')).toMatchObject({ name: 'Tổ Toán', unitId: 'donvi1' });
    });
    it('not by another unit, and not when unknown', () => {
      expect(refusal(() => nominableSubUnit(state, 'tt-donvi1-1', 'donvi3')).code).toBe('SUB_UNIT_NOT_ALLOWED');
      expect(refusal(() => nominableSubUnit(state, 'tt-donvi1-9', 'donvi1')).code).toBe('SUB_UNIT_NOT_FOUND');
    });
  });
});
