import { catalogJson } from '../testing/fixtures';
import { CatalogError, findAward, parseAwardCatalog } from './award-catalog';

type Json = Record<string, any>;

/** The shipped catalog with one change applied. */
const broken = (change: (c: Json) => void): Json => {
  const c = catalogJson() as Json;
  change(c);
  return c;
};
const award = (c: Json, code: string): Json => c.awards.find((a: Json) => a.code === code);

describe('Award catalog: data loaded from config/award-catalog.json, defaults from DOMAIN.md', () => {
  const catalog = parseAwardCatalog(catalogJson());

  describe('the shipped file', () => {
    it('notes where its defaults come from: DOMAIN.md, section by section', () => {
      expect(catalog.source).toContain('DOMAIN.md');
      expect(catalog.source).toContain("'Award forms and titles'");
      expect(catalog.source).toContain("'The workflow of one nomination'");
      expect(catalog.stageTimeLimits.source).toContain('DOMAIN.md');
      for (const a of catalog.awards) expect(a.source).toMatch(/DOMAIN\.md/);
    });

    it('lists the awards of DOMAIN.md’s table with their recipient, awarding authority and cash multiple', () => {
      const rows = catalog.awards.map((a) => [a.code, a.recipient, a.awardedBy]);
      expect(rows).toEqual([
        ['LAO_DONG_TIEN_TIEN', 'individual', 'UNIT_HEAD'],
        ['CSTD_CO_SO', 'individual', 'UNIT_HEAD'],
        ['CSTD_TINH', 'individual', 'CHAIRMAN'],
        ['TAP_THE_LDXS', 'collective', 'CHAIRMAN'],
        ['CO_THI_DUA_TINH', 'collective', 'CHAIRMAN'],
        ['BANG_KHEN_TINH', 'both', 'CHAIRMAN'],
        ['CONG_DAN_DONG_KHOI', 'individual', 'CHAIRMAN'],
        ['CONG_DAN_DONG_KHOI_DANH_DU', 'individual', 'CHAIRMAN'],
        // Decided above the province: forwarded by the Chairman (DOMAIN.md § 'How the office works').
        ['BANG_KHEN_THU_TUONG', 'both', 'CENTRAL'],
        ['HUAN_CHUONG_LAO_DONG_HANG_BA', 'both', 'CENTRAL'],
        ['CSTD_TOAN_QUOC', 'individual', 'CENTRAL'],
        // Decided by unit heads: recorded in the award history (issue 12), never drafted here.
        ['GIAY_KHEN', 'both', 'UNIT_HEAD'],
      ]);
      // "0.3× LĐTT, 1× CSTĐ cơ sở, 3× CSTĐ tỉnh, 1.5× TTLĐXS"
      expect(
        [
          findAward(catalog, 'LAO_DONG_TIEN_TIEN'),
          findAward(catalog, 'CSTD_CO_SO'),
          findAward(catalog, 'CSTD_TINH'),
          findAward(catalog, 'TAP_THE_LDXS'),
        ].map((a) => a?.cashMultiple),
      ).toEqual([0.3, 1, 3, 1.5]);
    });

    it('the council threshold is 70% of all members by default, 90% by secret ballot for provincial fighters', () => {
      for (const a of catalog.awards.filter((x) => x.awardedBy === 'CHAIRMAN' && x.code !== 'CSTD_TINH'))
        expect(a.council.threshold).toBe(0.7);
      expect(findAward(catalog, 'CSTD_TINH')?.council).toMatchObject({ threshold: 0.9, secretBallot: true });
    });

    it('CSTD_TINH requires 3 consecutive CSTD_CO_SO years', () => {
      expect(findAward(catalog, 'CSTD_TINH')?.eligibility).toEqual([
        expect.objectContaining({ kind: 'consecutiveYears', awardCode: 'CSTD_CO_SO', years: 3 }),
      ]);
    });

    it('public holidays are Vietnam’s fixed solar ones (1/1, 30/4, 1/5, 2/9), the province adds lunar ones', () => {
      expect(catalog.stageTimeLimits.publicHolidays).toEqual(
        expect.arrayContaining(['2026-01-01', '2026-04-30', '2026-05-01', '2026-09-02']),
      );
    });

    it('the provincial fighter and every form forwarded to central level are made public first (Decree 98/2023 Art. 46)', () => {
      const noticed = catalog.awards.filter((a) => a.publicNotice).map((a) => a.code);
      expect(noticed).toEqual(['CSTD_TINH', 'BANG_KHEN_THU_TUONG', 'HUAN_CHUONG_LAO_DONG_HANG_BA', 'CSTD_TOAN_QUOC']);
      for (const a of catalog.awards.filter((x) => x.publicNotice))
        expect(a.publicNotice!.source).toMatch(/Decree 98\/2023\/NĐ-CP Art\. 46/);
    });

    it('the flag is proposed by the cluster, so it needs cluster review', () => {
      expect(findAward(catalog, 'CO_THI_DUA_TINH')?.clusterReviewRequired).toBe(true);
    });

    it('annual titles need the unit’s registration (with its legal source); the cluster proposes the flag', () => {
      expect(catalog.emulationRegistration?.requiredFor).toEqual(
        expect.arrayContaining(['CSTD_TINH', 'TAP_THE_LDXS', 'CO_THI_DUA_TINH']),
      );
      expect(catalog.emulationRegistration?.source).toContain('06/2022/QH15');
      expect(catalog.clusterProposal?.awardCodes).toEqual(['CO_THI_DUA_TINH']);
    });

    it('an unknown award code is not found', () => {
      expect(findAward(catalog, 'HUAN_CHUONG')).toBeUndefined();
    });
  });

  describe('an invalid file is refused with a clear message', () => {
    const cases: [string, (c: Json) => void, RegExp][] = [
      [
        'a central award without its authority',
        (c) => delete award(c, 'BANG_KHEN_THU_TUONG').centralAuthority,
        /BANG_KHEN_THU_TUONG: a CENTRAL award names its centralAuthority/,
      ],
      [
        'a public notice of no days',
        (c) => (award(c, 'CSTD_TINH').publicNotice.workingDays = 0),
        /CSTD_TINH: publicNotice needs a positive whole number of workingDays and its source/,
      ],
      ['no source note', (c) => delete c.source, /"source".*required/],
      ['no version', (c) => delete c.version, /"version" is required/],
      ['no awards', (c) => (c.awards = []), /"awards" must be a non-empty array/],
      ['an award that is not an object', (c) => c.awards.push('BANG_KHEN'), /awards\[\d+\] must be an object/],
      [
        'a one-award kind naming an unknown award',
        (c) => c.oneAchievementOneAward.kinds[0].awards.push('KHONG_CO'),
        /one-award kind .* refers to unknown award KHONG_CO/,
      ],
      [
        'one-award exceptions that are not true or false',
        (c) => (c.oneAchievementOneAward.exceptions.oneOff = 'yes'),
        /exceptions.oneOff and .thematic must be true or false/,
      ],
      [
        'a code that is not UPPER_SNAKE',
        (c) => (c.awards[0].code = 'lao-dong'),
        /award code "lao-dong" must be UPPER_SNAKE/,
      ],
      ['a code listed twice', (c) => c.awards.push({ ...c.awards[0] }), /LAO_DONG_TIEN_TIEN appears twice/],
      ['an award without a name', (c) => (award(c, 'CSTD_TINH').name = ''), /CSTD_TINH: name is required/],
      [
        'an unknown recipient',
        (c) => (award(c, 'CSTD_TINH').recipient = 'team'),
        /CSTD_TINH: recipient must be individual, collective or both/,
      ],
      [
        'an unknown authority',
        (c) => (award(c, 'CSTD_TINH').awardedBy = 'MAYOR'),
        /CSTD_TINH: awardedBy must be UNIT_HEAD, CHAIRMAN or CENTRAL/,
      ],
      [
        'cluster review not a boolean',
        (c) => (award(c, 'CSTD_TINH').clusterReviewRequired = 'yes'),
        /CSTD_TINH: clusterReviewRequired must be true or false/,
      ],
      [
        'a threshold above 1',
        (c) => (award(c, 'CSTD_TINH').council.threshold = 90),
        /CSTD_TINH: council quorum and threshold must be shares between 0 and 1/,
      ],
      [
        'a negative quorum',
        (c) => (award(c, 'CSTD_TINH').council.quorum = -0.1),
        /CSTD_TINH: council quorum and threshold/,
      ],
      ['no council policy', (c) => delete award(c, 'CSTD_TINH').council, /CSTD_TINH: council quorum and threshold/],
      [
        'secret ballot missing',
        (c) => delete award(c, 'CSTD_TINH').council.secretBallot,
        /CSTD_TINH: council.secretBallot must be true or false/,
      ],
      [
        'eligibility not a list',
        (c) => (award(c, 'CSTD_TINH').eligibility = null),
        /CSTD_TINH: eligibility must be an array/,
      ],
      [
        'a negative cash multiple',
        (c) => (award(c, 'CSTD_TINH').cashMultiple = -1),
        /CSTD_TINH: cashMultiple must be a non-negative number/,
      ],
      [
        'thematic not a boolean',
        (c) => (award(c, 'CSTD_TINH').thematic = 'no'),
        /CSTD_TINH: thematic must be true or false/,
      ],
      ['a source that is not text', (c) => (award(c, 'CSTD_TINH').source = 42), /CSTD_TINH: source must be text/],
      [
        'an unknown eligibility kind',
        (c) => (award(c, 'CSTD_TINH').eligibility[0].kind = 'everYear'),
        /CSTD_TINH: eligibility kind must be consecutiveYears or heldInYears/,
      ],
      [
        'eligibility on an unknown award',
        (c) => (award(c, 'CSTD_TINH').eligibility[0].awardCode = 'CSTD_XA'),
        /CSTD_TINH: eligibility refers to unknown award CSTD_XA/,
      ],
      [
        'eligibility over zero years',
        (c) => (award(c, 'CSTD_TINH').eligibility[0].years = 0),
        /CSTD_TINH: eligibility years must be a positive whole number/,
      ],
      [
        'a window shorter than the years it needs',
        (c) => (award(c, 'CSTD_CO_SO').eligibility[0].within = 0),
        /CSTD_CO_SO: eligibility "within"/,
      ],
      ['no stage time limits', (c) => delete c.stageTimeLimits, /"stageTimeLimits" is required/],
      [
        'a stage limit of zero',
        (c) => (c.stageTimeLimits.COUNCIL_VOTING = 0),
        /stageTimeLimits.COUNCIL_VOTING must be a positive number/,
      ],
      [
        'a holiday that is not a date',
        (c) => (c.stageTimeLimits.publicHolidays = ['2026-02-30']),
        /stageTimeLimits.publicHolidays must be a list of dates written YYYY-MM-DD/,
      ],
      [
        'holidays written another way',
        (c) => (c.stageTimeLimits.publicHolidays = ['30/04/2026']),
        /stageTimeLimits.publicHolidays must be a list of dates/,
      ],
      [
        'a reminder point past the limit',
        (c) => (c.stageTimeLimits.reminderAt = 1.5),
        /stageTimeLimits.reminderAt must be a share between 0 and 1/,
      ],
      [
        'a registration policy naming an unknown title',
        (c) => (c.emulationRegistration.requiredFor = ['HUAN_CHUONG']),
        /emulationRegistration needs requiredFor \(known award codes\) and its source/,
      ],
      [
        'a cluster proposal without its source',
        (c) => delete c.clusterProposal.source,
        /clusterProposal needs awardCodes .* and its source/,
      ],
      [
        'a cluster proposal of certificates of an unknown award',
        (c) => (c.clusterProposal.certificateAwardCodes = ['BANG_KHEN_XA']),
        /clusterProposal needs awardCodes \(and certificateAwardCodes, if any: known award codes\)/,
      ],
    ];

    it.each(cases)('%s', (_what, change, message) => {
      const parse = () => parseAwardCatalog(broken(change));
      expect(parse).toThrow(CatalogError);
      expect(parse).toThrow(message);
    });

    it('something that is not an object at all', () => {
      expect(() => parseAwardCatalog(null)).toThrow('award catalog: must be an object');
      expect(() => parseAwardCatalog('awards')).toThrow('award catalog: must be an object');
    });

    it('every message starts with "award catalog:" so the operator knows which file to fix', () => {
      expect(() => parseAwardCatalog(broken((c) => (c.awards = [])))).toThrow(/^award catalog: /);
    });
  });
});
