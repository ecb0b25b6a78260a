import { ERROR_CATALOGUE } from './error-catalogue';
import { DomainError, domainError, nominationNotFound } from './errors';

describe('The error catalogue', () => {
  it('builds a refusal by code: kind and fixed Vietnamese message from the catalogue', () => {
    expect(nominationNotFound()).toEqual(
      new DomainError('NOT_FOUND', 'NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ đề nghị'),
    );
    expect(domainError('ALREADY_EXISTS')).toMatchObject({
      kind: 'INVALID_STATE',
      code: 'ALREADY_EXISTS',
      message: 'Hồ sơ đề nghị này đã tồn tại',
    });
    expect(domainError('REQUIRED', 'Cần lý do', 'comment')).toMatchObject({
      kind: 'VALIDATION',
      message: 'Cần lý do',
      field: 'comment',
    });
  });

  it('says what every code means', () => {
    for (const [code, spec] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z][A-Z_]*$/);
      expect(spec.meaning.length).toBeGreaterThan(0);
    }
  });
});
