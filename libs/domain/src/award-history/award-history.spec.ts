import { checkEligibility } from '../eligibility/eligibility';
import * as f from '../testing/fixtures';
import { historyEntry, historyRecordId, planHistoryImport, type ImportRow } from './award-history';

const NOW = '2026-11-20T02:00:00.000Z';
const an = { nomineeId: 'p-an', kind: 'individual' as const, unitId: 'donvi1' };
const cstdCoSo = (year: number, row: number): ImportRow => ({
  row,
  nominee: an,
  entry: {
    awardCode: 'CSTD_CO_SO',
    year,
    decisionNumber: `${40 + row}/QĐ-SGDĐT`,
    decisionDate: `${year}-12-20`,
    authority: 'Giám đốc Sở Giáo dục và Đào tạo',
  },
});
const plan = (
  rows: ImportRow[],
  held: Map<string, never[]> | Map<string, ReturnType<typeof historyEntry>[]> = new Map(),
) => planHistoryImport(rows, held, f.thutruongDonvi1, f.catalog, NOW);

describe('Award history: entries the unit head records, and the all-or-nothing import of a list', () => {
  it('a provincial fighter (CSTD_TINH) is eligible from an imported history of three consecutive CSTĐ cơ sở years', () => {
    const p = plan([cstdCoSo(2023, 2), cstdCoSo(2024, 3), cstdCoSo(2025, 4)]);
    expect(p.errors).toEqual([]);
    const result = checkEligibility(
      f.CSTD_TINH,
      p.toRecord.map((r) => r.award),
      2026,
    );
    expect(result).toEqual({ eligible: true, reasons: ['Đạt: 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (2023–2025)'] });
  });

  it('with a year missing from the history, it is not eligible and the reason says how many years there are', () => {
    const p = plan([cstdCoSo(2023, 2), cstdCoSo(2025, 3)]);
    const result = checkEligibility(
      f.CSTD_TINH,
      p.toRecord.map((r) => r.award),
      2026,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(['Chưa đạt: 3 năm liên tục đạt Chiến sĩ thi đua cơ sở — mới có 1 năm liên tục']);
  });

  it('one bad row: nothing is planned, and the row is named with its reason in Vietnamese', () => {
    const bad = { ...cstdCoSo(2024, 3), entry: { ...cstdCoSo(2024, 3).entry, decisionDate: '2024-13-01' } };
    const p = plan([cstdCoSo(2023, 2), bad, cstdCoSo(2025, 4)]);
    expect(p.toRecord).toEqual([]);
    expect(p.errors).toEqual([
      { row: 3, field: 'decisionDate', reason: expect.stringContaining('Ngày quyết định phải viết YYYY-MM-DD') },
    ]);
  });

  it('every bad row is reported, not only the first', () => {
    const unknownPerson: ImportRow = { ...cstdCoSo(2023, 2), nominee: { error: 'Không tìm thấy người có mã p-x' } };
    const noDecision = { ...cstdCoSo(2024, 3), entry: { ...cstdCoSo(2024, 3).entry, decisionNumber: ' ' } };
    const future = cstdCoSo(2030, 4);
    expect(plan([unknownPerson, noDecision, future]).errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'nominee'],
      [3, 'decisionNumber'],
      [4, 'year'],
    ]);
  });

  it('the same list again adds nothing: each entry’s id is its award, year and decision', () => {
    const rows = [cstdCoSo(2023, 2), cstdCoSo(2024, 3)];
    const first = plan(rows);
    const held = new Map([['p-an', first.toRecord.map((r) => r.award)]]);
    const second = plan(rows, held);
    expect(second).toEqual({ errors: [], toRecord: [], alreadyRecorded: 2 });
    expect(first.toRecord[0].award.nominationId).toBe(
      historyRecordId({ awardCode: 'CSTD_CO_SO', year: 2023, decisionNumber: '42/QĐ-SGDĐT' }),
    );
  });

  it('a second award of the same kind for the same year is a bad row (one achievement, one award), in the file or in the history', () => {
    const twice = { ...cstdCoSo(2023, 3), entry: { ...cstdCoSo(2023, 3).entry, decisionNumber: '99/QĐ-SGDĐT' } };
    expect(plan([cstdCoSo(2023, 2), twice]).errors).toEqual([
      { row: 3, field: 'awardCode', reason: expect.stringContaining('một thành tích chỉ được khen một lần') },
    ]);
  });

  it('only the unit head of the nominee’s unit, or the office, records history', () => {
    const other = { ...cstdCoSo(2023, 2), nominee: { ...an, unitId: 'donvi3' } };
    expect(plan([other]).errors).toEqual([{ row: 2, reason: expect.stringContaining('Chỉ thủ trưởng đơn vị') }]);
    expect(planHistoryImport([other], new Map(), f.thuky, f.catalog, NOW).errors).toEqual([]);
    expect(planHistoryImport([cstdCoSo(2023, 2)], new Map(), f.canboDonvi1, f.catalog, NOW).errors).toHaveLength(1);
  });

  it('an award the catalog does not list (a ministry’s) needs its name; a title for individuals is refused for a collective', () => {
    const unit = { nomineeId: 'donvi1', kind: 'collective' as const, unitId: 'donvi1' };
    const entry = { ...cstdCoSo(2024, 2).entry, awardCode: 'BANG_KHEN_BO_GDDT', authority: 'Bộ trưởng Bộ GD&ĐT' };
    expect(() => historyEntry(entry, an, f.catalog, NOW)).toThrow('cần ghi tên hình thức khen thưởng');
    expect(historyEntry({ ...entry, awardName: 'Bằng khen của Bộ trưởng Bộ GD&ĐT' }, an, f.catalog, NOW)).toMatchObject(
      {
        awardCode: 'BANG_KHEN_BO_GDDT',
        awardName: 'Bằng khen của Bộ trưởng Bộ GD&ĐT',
        authority: 'Bộ trưởng Bộ GD&ĐT',
      },
    );
    expect(() => historyEntry(cstdCoSo(2024, 2).entry, unit, f.catalog, NOW)).toThrow('chỉ dành cho cá nhân');
  });
});
