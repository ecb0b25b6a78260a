import { defaultNomineeId } from './handlers';

describe('defaultNomineeId', () => {
  it('identifies a nominee without an explicit id by unit and accent-free name', () => {
    expect(defaultNomineeId('donvi1', 'Nguyễn Văn An')).toBe('donvi1:nguyen-van-an');
    expect(defaultNomineeId('donvi1', '  NGUYỄN  văn   Ân ')).toBe('donvi1:nguyen-van-an');
    expect(defaultNomineeId('donvi3', 'Trường THCS Phú Hưng')).toBe('donvi3:truong-thcs-phu-hung');
  });

  it('keeps different people and units apart', () => {
    expect(defaultNomineeId('donvi1', 'Nguyễn Văn An')).not.toBe(defaultNomineeId('donvi2', 'Nguyễn Văn An'));
    expect(defaultNomineeId('donvi1', 'Nguyễn Văn An')).not.toBe(defaultNomineeId('donvi1', 'Nguyễn Văn Ấn Độ'));
  });
});
