import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OrganisationDirectory, loadOrganisation, parseOrganisation } from './organisation';

const DEMO = resolve(__dirname, '../../../config/demo-organisation.json');
const demo = () => JSON.parse(readFileSync(DEMO, 'utf8'));
const broken = (change: (o: any) => void) => {
  const o = demo();
  change(o);
  return () => parseOrganisation(o, 'demo-organisation.json');
};

describe('The organisation directory (clusters, units, campaigns, users)', () => {
  const directory = new OrganisationDirectory(loadOrganisation(DEMO));

  it('the demo file loads with its decision authority', () => {
    expect(directory.org.decisionAuthority).toBe('UBND');
    expect(directory.org.units).toHaveLength(4);
  });

  it('the council is everyone holding COUNCIL_MEMBER, the chairman included, with their units', () => {
    expect(directory.councilMembers()).toEqual([
      { userId: 'hoidong1', unitId: 'donvi1' },
      { userId: 'hoidong2', unitId: 'donvi2' },
      { userId: 'hoidong3', unitId: 'donvi3' },
      { userId: 'hoidong4', unitId: 'donvi4' },
      { userId: 'hoidong5' },
      { userId: 'hoidong6', unitId: 'donvi2' },
      { userId: 'hoidong7', unitId: 'donvi4' },
      { userId: 'hoidong8' },
      { userId: 'hoidong9' },
      { userId: 'hoidong10' },
      { userId: 'chutich' },
    ]);
  });

  it('an actor carries the roles and scope of the directory, never of a request', () => {
    expect(directory.actorFor('canbo.donvi1')).toMatchObject({
      userId: 'canbo.donvi1',
      roles: ['UNIT_OFFICER'],
      unitId: 'donvi1',
      clusterId: 'cum1',
    });
    expect(directory.actorFor('chutich')).toMatchObject({ roles: ['CHAIRMAN', 'COUNCIL_MEMBER'] });
    expect(directory.actorFor('nobody')).toBeUndefined();
  });

  it('an awaitee key resolves to the persons it means (the inverse of the domain’s awaitingKeysFor)', () => {
    const names = (key: string) => directory.usersAwaited(key).map((u) => u.username);
    expect(names('UNIT_HEAD:donvi1')).toEqual(['thutruong.donvi1']);
    expect(names('UNIT_OFFICER:donvi3')).toEqual(['canbo.donvi3']);
    expect(names('CLUSTER_LEADER:cum2')).toEqual(['truongcum.cum2']);
    expect(names('COUNCIL_MEMBER:hoidong2')).toEqual(['hoidong2']);
    expect(names('COUNCIL_SECRETARY')).toEqual(['thuky']);
    expect(names('CHAIRMAN')).toEqual(['chutich']);
    expect(names('UNIT_HEAD:donvi9')).toEqual([]);
  });

  it('every demo user has an e-mail address for notifications', () => {
    expect(directory.org.users.every((u) => typeof u.email === 'string')).toBe(true);
    expect(directory.user('thutruong.donvi1')?.email).toBe('thutruong.donvi1@tdkt.example');
  });

  it('an actor carries the person identifier the file gives the user (to know a user named as nominee)', () => {
    expect(directory.actorFor('thutruong.donvi1')?.personId).toBe('cccd-083075000111');
    expect(directory.actorFor('canbo.donvi1')).not.toHaveProperty('personId');
  });

  it('a user with a unit but no cluster gets the unit’s cluster', () => {
    const o = demo();
    delete o.users[0].clusterId;
    expect(new OrganisationDirectory(parseOrganisation(o)).actorFor('canbo.donvi1')?.clusterId).toBe('cum1');
  });

  it('the default decision authority is UBND and the default history empty', () => {
    const o = demo();
    delete o.decisionAuthority;
    delete o.priorAwards;
    expect(parseOrganisation(o)).toMatchObject({ decisionAuthority: 'UBND', priorAwards: [] });
  });

  describe('an invalid file is refused, naming the file and the fault', () => {
    it.each([
      [
        'a unit in an unknown cluster',
        (o: any) => (o.units[0].clusterId = 'cum9'),
        'unit donvi1 names unknown cluster cum9',
      ],
      [
        'a user in an unknown unit',
        (o: any) => (o.users[0].unitId = 'donvi9'),
        'user canbo.donvi1 names unknown unit donvi9',
      ],
      [
        'a user in an unknown cluster',
        (o: any) => (o.users[4].clusterId = 'cum9'),
        'user truongcum.cum1 names unknown cluster cum9',
      ],
      ['an unknown role', (o: any) => (o.users[0].roles = ['MAYOR']), 'user canbo.donvi1 has unknown role MAYOR'],
      [
        'the workflow’s own SYSTEM role given to a person',
        (o: any) => (o.users[0].roles = ['SYSTEM']),
        'has unknown role SYSTEM',
      ],
      ['a user listed twice', (o: any) => o.users.push({ ...o.users[0] }), 'user canbo.donvi1 appears twice'],
      [
        'an e-mail that is not an address',
        (o: any) => (o.users[0].email = 'canbo at donvi1'),
        'user canbo.donvi1 has an invalid email "canbo at donvi1"',
      ],
      [
        'one e-mail for two users (single sign-on could not tell them apart)',
        (o: any) => ((o.users[0].email = 'a@tinh.gov.vn'), (o.users[1].email = 'A@tinh.gov.vn')),
        'email A@tinh.gov.vn belongs to another user too',
      ],
      [
        'a campaign without a readable deadline',
        (o: any) =>
          (o.campaigns = [
            {
              ...{
                id: 'dong-khoi-moi-2026',
                name: 'Đợt trong tệp',
                year: 2026,
                submissionDeadline: '2026-12-31T17:00:00+07:00',
                open: true,
              },
              submissionDeadline: '31/12/2026',
            },
          ]),
        'campaign dong-khoi-moi-2026: submissionDeadline must be an ISO date-time',
      ],
      [
        'a campaign year that is not a year',
        (o: any) =>
          (o.campaigns = [
            {
              ...{
                id: 'dong-khoi-moi-2026',
                name: 'Đợt trong tệp',
                year: 2026,
                submissionDeadline: '2026-12-31T17:00:00+07:00',
                open: true,
              },
              year: '2026',
            },
          ]),
        'campaign dong-khoi-moi-2026: year must be a whole number',
      ],
      [
        'a lower-case decision authority',
        (o: any) => (o.decisionAuthority = 'ubnd'),
        'decisionAuthority "ubnd" must be an upper-case symbol',
      ],
      [
        'an imported award without its year',
        (o: any) => delete o.priorAwards[0].year,
        'needs nomineeId, awardCode, campaignId, a whole year and nominationId',
      ],
      [
        'an e-mail address that is not one',
        (o: any) => (o.users[0].email = 'Mai <mai@x.vn>'),
        'user canbo.donvi1 has an invalid email',
      ],
      ['no users list', (o: any) => delete o.users, '"users" must be an array'],
      [
        'one person identifier for two users',
        (o: any) => (o.users[0].personId = o.users[1].personId),
        'personId cccd-083075000111 belongs to two users',
      ],
    ])('%s', (_what, change, message) => {
      expect(broken(change)).toThrow(`demo-organisation.json: `);
      expect(broken(change)).toThrow(message);
    });
  });
});
