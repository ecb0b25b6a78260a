import { passwordProblem } from './password-policy';

describe('passwordProblem (the minimal strength rule of a new password)', () => {
  it('accepts ten characters or more mixing letters with digits or symbols', () => {
    expect(passwordProblem('Hoa-sen-2026', 'thuky')).toBeUndefined();
    expect(passwordProblem('mùa thu vàng!', 'thuky')).toBeUndefined();
  });

  it.each([
    ['too short', 'abc12345', 'ít nhất 10 ký tự'],
    ['letters only', 'abcdefghijkl', 'cả chữ cái và chữ số'],
    ['digits only', '123456789012', 'cả chữ cái và chữ số'],
    ['a well-known one', 'Matkhau123', 'quá phổ biến'],
    ['containing the username', 'THUKY-2026-x', 'không được chứa tên đăng nhập'],
  ])('refuses one %s', (_, password, reason) => {
    expect(passwordProblem(password, 'thuky')).toContain(reason);
  });

  it('refuses the current password as the new one', () => {
    expect(passwordProblem('Hoa-sen-2026', 'thuky', 'Hoa-sen-2026')).toContain('khác mật khẩu hiện tại');
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(passwordProblem('đường1ằ', 'thuky')).toContain('ít nhất 10 ký tự');
  });
});
