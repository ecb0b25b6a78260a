import { normaliseForSearch, searchTerms } from './normalise';

describe('normaliseForSearch', () => {
  it('drops Vietnamese tones and vowel marks and lower-cases', () => {
    expect(normaliseForSearch('Nguyễn Văn An')).toBe('nguyen van an');
    expect(normaliseForSearch('Trần Thị Ánh Tuyết')).toBe('tran thi anh tuyet');
    expect(normaliseForSearch('Phường Ưu Điềm')).toBe('phuong uu diem');
  });

  it('maps đ and Đ to d', () => {
    expect(normaliseForSearch('Đồng Khởi')).toBe('dong khoi');
    expect(normaliseForSearch('Võ Thị Đào đạt')).toBe('vo thi dao dat');
    expect(normaliseForSearch('163/QĐ-UBND')).toBe('163/qd-ubnd');
  });

  it('gives the same result for composed and decomposed input', () => {
    const composed = 'Nguyễn Văn Ấn'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(normaliseForSearch(decomposed)).toBe(normaliseForSearch(composed));
  });

  it('collapses whitespace and treats empty input as empty', () => {
    expect(normaliseForSearch('  Lê \t Văn\n Bình ')).toBe('le van binh');
    expect(normaliseForSearch('')).toBe('');
    expect(normaliseForSearch(null)).toBe('');
    expect(normaliseForSearch(undefined)).toBe('');
  });
});

describe('searchTerms', () => {
  it('splits a query into normalised words', () => {
    expect(searchTerms(' NGUYỄN  văn an ')).toEqual(['nguyen', 'van', 'an']);
    expect(searchTerms('   ')).toEqual([]);
  });
});
