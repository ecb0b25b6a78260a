import type { OrganisationDirectory } from '@tdkt/config';

export type AccountMatch =
  { ok: true; username: string } | { ok: false; code: 'OIDC_CLAIM_MISSING' | 'OIDC_UNKNOWN_USER'; message: string };

/**
 * The user of the organisation file an identity provider's claims name. Only the account is taken
 * from the provider: roles, unit and cluster stay those of the organisation file. With the `email`
 * claim the provider must vouch for the address (`email_verified`), as users can often edit it.
 * No account is ever created for someone the file does not list.
 */
export function matchAccount(
  directory: OrganisationDirectory,
  claims: Record<string, unknown>,
  claimName: string,
): AccountMatch {
  const value = claims[claimName];
  if (typeof value !== 'string' || !value.trim())
    return {
      ok: false,
      code: 'OIDC_CLAIM_MISSING',
      message: `Nhà cung cấp đăng nhập không gửi thông tin "${claimName}" dùng để nhận ra tài khoản; hãy liên hệ quản trị hệ thống`,
    };
  if (claimName === 'email' && claims.email_verified !== true)
    return {
      ok: false,
      code: 'OIDC_CLAIM_MISSING',
      message: 'Địa chỉ e-mail chưa được nhà cung cấp đăng nhập xác minh nên không dùng để nhận ra tài khoản được',
    };
  const user = claimName === 'email' ? directory.userByEmail(value) : byUsername(directory, value.trim());
  if (user) return { ok: true, username: user.username };
  return {
    ok: false,
    code: 'OIDC_UNKNOWN_USER',
    message: `Tài khoản "${value}" đã đăng nhập ở hệ thống đăng nhập một lần nhưng không có trong danh bạ tổ chức của hệ thống thi đua, khen thưởng; hãy liên hệ quản trị hệ thống để được thêm vào`,
  };
}

/** Exactly, or else ignoring case when that names one user only (providers often fold case). */
function byUsername(directory: OrganisationDirectory, name: string) {
  const exact = directory.user(name);
  if (exact) return exact;
  const folded = directory.org.users.filter((u) => u.username.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}
