import type { AwardType } from '../catalog/award-catalog';
import * as f from '../testing/fixtures';
import { checkEligibility, findDuplicateAward } from './eligibility';

const CSTD_TINH_RULE = '3 năm liên tục đạt Chiến sĩ thi đua cơ sở';

describe('Eligibility: pure functions over the nominee’s award history that say why', () => {
  describe('CSTD_TINH needs 3 consecutive CSTD_CO_SO years', () => {
    it('2023, 2024, 2025 before the 2026 campaign: eligible, naming the years', () => {
      expect(checkEligibility(f.CSTD_TINH, f.cstdCoSoIn(2023, 2024, 2025), 2026)).toEqual({
        eligible: true,
        reasons: [`Đạt: ${CSTD_TINH_RULE} (2023–2025)`],
      });
    });

    it('a run ending in the campaign year itself counts (2024–2026)', () => {
      expect(checkEligibility(f.CSTD_TINH, f.cstdCoSoIn(2024, 2025, 2026), 2026)).toEqual({
        eligible: true,
        reasons: [`Đạt: ${CSTD_TINH_RULE} (2024–2026)`],
      });
    });

    it('a gap year breaks the run: 2022, 2023, 2025 is not eligible, saying how long the run is', () => {
      expect(checkEligibility(f.CSTD_TINH, f.cstdCoSoIn(2022, 2023, 2025), 2026)).toEqual({
        eligible: false,
        reasons: [`Chưa đạt: ${CSTD_TINH_RULE} — mới có 1 năm liên tục`],
      });
    });

    it('two consecutive years are one short', () => {
      expect(checkEligibility(f.CSTD_TINH, f.cstdCoSoIn(2024, 2025), 2026)).toMatchObject({
        eligible: false,
        reasons: [`Chưa đạt: ${CSTD_TINH_RULE} — mới có 2 năm liên tục`],
      });
    });

    it('a run that ended years ago does not count for this campaign', () => {
      expect(checkEligibility(f.CSTD_TINH, f.cstdCoSoIn(2019, 2020, 2021), 2026).eligible).toBe(false);
    });

    it('no history at all is not eligible', () => {
      expect(checkEligibility(f.CSTD_TINH, [], 2026)).toMatchObject({
        eligible: false,
        reasons: [`Chưa đạt: ${CSTD_TINH_RULE} — mới có 0 năm liên tục`],
      });
    });

    it('a revoked year does not count', () => {
      const history = [
        f.priorAward({ year: 2023 }),
        f.priorAward({ year: 2024, revoked: true }),
        f.priorAward({ year: 2025 }),
      ];
      expect(checkEligibility(f.CSTD_TINH, history, 2026).eligible).toBe(false);
    });

    it('a one-off (đột xuất) award does not count as grounds for a higher award', () => {
      const history = [
        f.priorAward({ year: 2023 }),
        f.priorAward({ year: 2024, oneOff: true }),
        f.priorAward({ year: 2025 }),
      ];
      expect(checkEligibility(f.CSTD_TINH, history, 2026).eligible).toBe(false);
    });

    it('a thematic (chuyên đề) award does not count either', () => {
      const history = [
        f.priorAward({ year: 2023 }),
        f.priorAward({ year: 2024, thematic: true }),
        f.priorAward({ year: 2025 }),
      ];
      expect(checkEligibility(f.CSTD_TINH, history, 2026).eligible).toBe(false);
    });

    it('other awards in those years do not count', () => {
      const history = [...f.cstdCoSoIn(2023, 2025), f.priorAward({ year: 2024, awardCode: 'LAO_DONG_TIEN_TIEN' })];
      expect(checkEligibility(f.CSTD_TINH, history, 2026).eligible).toBe(false);
    });

    it('two awards in one year count as one year', () => {
      const history = [...f.cstdCoSoIn(2024, 2025), f.priorAward({ year: 2025, nominationId: 'import-2025-002' })];
      expect(checkEligibility(f.CSTD_TINH, history, 2026).eligible).toBe(false);
    });
  });

  describe('a rule held in some of the recent years (CSTD_CO_SO: LĐTT in the year)', () => {
    const lđtt = (year: number) => f.priorAward({ year, awardCode: 'LAO_DONG_TIEN_TIEN' });

    it('LĐTT in the campaign year: eligible', () => {
      expect(checkEligibility(f.CSTD_CO_SO, [lđtt(2026)], 2026)).toEqual({
        eligible: true,
        reasons: ['Đạt: Lao động tiên tiến trong năm xét (2026)'],
      });
    });

    it('LĐTT only the year before: not eligible, counting the years held', () => {
      expect(checkEligibility(f.CSTD_CO_SO, [lđtt(2025)], 2026)).toEqual({
        eligible: false,
        reasons: ['Chưa đạt: Lao động tiên tiến trong năm xét — có 0/1 năm trong 1 năm gần nhất'],
      });
    });

    it('2 of the last 3 years, listed in order', () => {
      const award: Pick<AwardType, 'eligibility'> = {
        eligibility: [{ kind: 'heldInYears', awardCode: 'LAO_DONG_TIEN_TIEN', years: 2, within: 3 }],
      };
      expect(checkEligibility(award, [lđtt(2026), lđtt(2024)], 2026)).toEqual({
        eligible: true,
        reasons: ['Đạt: LAO_DONG_TIEN_TIEN × 2 (2024, 2026)'],
      });
      expect(checkEligibility(award, [lđtt(2026), lđtt(2023)], 2026).eligible).toBe(false);
    });
  });

  it('an award without a history rule is open to anyone, and says so', () => {
    expect(checkEligibility(f.BANG_KHEN_TINH, [], 2026)).toEqual({
      eligible: true,
      reasons: ['Không có điều kiện về khen thưởng trước đó'],
    });
  });

  it('every rule must hold, and each is explained', () => {
    const award: Pick<AwardType, 'eligibility'> = {
      eligibility: [
        { kind: 'consecutiveYears', awardCode: 'CSTD_CO_SO', years: 2, description: 'CSTĐCS 2 năm' },
        { kind: 'heldInYears', awardCode: 'LAO_DONG_TIEN_TIEN', years: 1, within: 1, description: 'LĐTT năm xét' },
      ],
    };
    expect(checkEligibility(award, f.cstdCoSoIn(2025, 2026), 2026)).toEqual({
      eligible: false,
      reasons: ['Đạt: CSTĐCS 2 năm (2025–2026)', 'Chưa đạt: LĐTT năm xét — có 0/1 năm trong 1 năm gần nhất'],
    });
  });

  describe('finding a duplicate award (one achievement, one award)', () => {
    const held = f.priorAward({ year: 2026, awardCode: 'BANG_KHEN_TINH', campaignId: 'c-2026', nominationId: 'n-1' });
    const policy = f.catalog.oneAchievementOneAward;

    it('the same award for the same year is a duplicate, whatever the campaign', () => {
      expect(findDuplicateAward([held], { awardCode: 'BANG_KHEN_TINH', year: 2026 }, policy)).toBe(held);
      expect(
        findDuplicateAward([{ ...held, campaignId: 'other' }], { awardCode: 'BANG_KHEN_TINH', year: 2026 }),
      ).toEqual({
        ...held,
        campaignId: 'other',
      });
    });

    it('another year, another kind, a revoked award, a one-off or the record itself is not', () => {
      expect(findDuplicateAward([held], { awardCode: 'BANG_KHEN_TINH', year: 2025 }, policy)).toBeUndefined();
      expect(findDuplicateAward([held], { awardCode: 'CSTD_CO_SO', year: 2026 }, policy)).toBeUndefined();
      expect(
        findDuplicateAward([{ ...held, revoked: true }], { awardCode: 'BANG_KHEN_TINH', year: 2026 }),
      ).toBeUndefined();
      expect(findDuplicateAward([held], { awardCode: 'BANG_KHEN_TINH', year: 2026, oneOff: true })).toBeUndefined();
      expect(findDuplicateAward([held], { awardCode: 'BANG_KHEN_TINH', year: 2026, recordId: 'n-1' })).toBeUndefined();
    });
  });
});
