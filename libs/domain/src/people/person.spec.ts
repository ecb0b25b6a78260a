import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { personDecider, personStreamName, type PersonCommand, type PersonEvent } from './person';

const spec = DeciderSpecification.for(personDecider);
const NOW = '2026-03-02T02:00:00.000Z';
const LATER = '2026-09-01T02:00:00.000Z';

const register = (o: Partial<Extract<PersonCommand, { type: 'RegisterPerson' }>> = {}): PersonCommand => ({
  type: 'RegisterPerson',
  personId: 'p-an',
  unitId: 'donvi1',
  details: {
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1985-04-12',
    gender: 'male',
    position: 'Giáo viên',
    directWorker: true,
  },
  actor: f.canboDonvi1,
  now: NOW,
  ...o,
});
const registered: PersonEvent = {
  type: 'PersonRegistered',
  data: {
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1985-04-12',
    gender: 'male',
    position: 'Giáo viên',
    directWorker: true,
    personId: 'p-an',
    unitId: 'donvi1',
    by: { userId: 'canbo.donvi1', role: 'UNIT_OFFICER', unitId: 'donvi1', clusterId: 'cum1' },
    at: NOW,
  },
};
const move = (toUnitId = 'donvi3', actor = f.canboDonvi1): PersonCommand => ({
  type: 'MovePerson',
  personId: 'p-an',
  toUnitId,
  position: 'Phó phòng',
  actor,
  now: LATER,
});

describe('Person register: one stream per person, a stable id that is neither a name nor a unit', () => {
  it('lives in its own stream per person', () => {
    expect(personStreamName('p-an')).toBe('person-p-an');
  });

  it('a unit officer registers a person of their unit', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('the office (council secretary) registers a person of any unit', () => {
    spec
      .given([])
      .when(register({ actor: f.thuky, unitId: 'donvi4' }))
      .thenEvents(([e]) => expect(e.data).toMatchObject({ unitId: 'donvi4', by: { role: 'COUNCIL_SECRETARY' } }));
  });

  it('a unit officer may not register a person of another unit, nor a cluster leader at all', () => {
    spec
      .given([])
      .when(register({ unitId: 'donvi3' }))
      .thenThrows('FORBIDDEN', 'OUT_OF_SCOPE');
    spec
      .given([])
      .when(register({ actor: f.truongcumCum1, unitId: 'donvi2' }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('a name is required; a date of birth must be a real past date; gender male or female', () => {
    spec
      .given([])
      .when(register({ details: { fullName: '  ' } }))
      .thenThrows('VALIDATION', 'REQUIRED');
    spec
      .given([])
      .when(register({ details: { fullName: 'An', dateOfBirth: '1985-02-30' } }))
      .thenThrows('VALIDATION', 'DATE_OF_BIRTH');
    spec
      .given([])
      .when(register({ details: { fullName: 'An', dateOfBirth: '2030-01-01' } }))
      .thenThrows('VALIDATION', 'DATE_OF_BIRTH');
    spec
      .given([])
      .when(register({ details: { fullName: 'An', gender: 'x' as 'male' } }))
      .thenThrows('VALIDATION', 'GENDER');
  });

  it('registering the same person again (a retry) adds nothing; another person under the same id is refused', () => {
    spec.given([registered]).when(register()).thenNothing();
    spec
      .given([registered])
      .when(register({ details: { fullName: 'Trần Thị Bình' } }))
      .thenThrows('CONFLICT', 'PERSON_EXISTS');
  });

  it('a person who moves to another unit keeps their id and the unit they left, with the dates', () => {
    spec
      .given([registered])
      .when(move())
      .thenState((s) => {
        expect(s).toMatchObject({ status: 'REGISTERED', personId: 'p-an', unitId: 'donvi3', position: 'Phó phòng' });
        if (s.status !== 'REGISTERED') throw new Error('registered');
        expect(s.units).toEqual([
          { unitId: 'donvi1', from: NOW, to: LATER, position: 'Giáo viên' },
          { unitId: 'donvi3', from: LATER, position: 'Phó phòng' },
        ]);
      });
  });

  it('the unit the person leaves (or the office) moves them; another unit may not, nor to the same unit', () => {
    spec.given([registered]).when(move('donvi3', f.canboDonvi3)).thenThrows('FORBIDDEN', 'OUT_OF_SCOPE');
    spec.given([registered]).when(move('donvi1')).thenThrows('VALIDATION', 'SAME_UNIT');
    spec.given([]).when(move()).thenThrows('NOT_FOUND', 'PERSON_NOT_FOUND');
  });

  it('the citizen ID is stored only sealed (keyed hash and ciphertext), never in clear', () => {
    const citizenId = { hash: 'ab'.repeat(32), sealed: 'iv.tag.data' };
    spec
      .given([])
      .when(register({ citizenId }))
      .thenEvents(([e]) => {
        expect(e.data).toMatchObject({ citizenId });
        expect(JSON.stringify(e)).not.toMatch(/\d{12}/);
      });
  });
});
