/** Passwords too common to allow whatever their length (Vietnamese and English favourites). */
const COMMON = new Set([
  'matkhau123',
  'matkhau1234',
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'abc1234567',
  'admin12345',
  'tdkt123456',
]);

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Why a new password is refused (Vietnamese, for the person choosing it), or undefined when it is
 * acceptable: at least 10 characters with a letter and a digit or symbol, not a well-known one, not
 * containing the username, not the current password.
 */
export function passwordProblem(password: string, username: string, current?: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Mật khẩu mới phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (!/\p{L}/u.test(password) || !/[^\p{L}]/u.test(password))
    return 'Mật khẩu mới phải có cả chữ cái và chữ số (hoặc ký tự đặc biệt)';
  if (COMMON.has(password.toLowerCase())) return 'Mật khẩu mới quá phổ biến, dễ bị đoán';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'Mật khẩu mới không được chứa tên đăng nhập';
  if (current !== undefined && password === current) return 'Mật khẩu mới phải khác mật khẩu hiện tại';
  return undefined;
}
