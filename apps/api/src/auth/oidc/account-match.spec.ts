import { OrganisationDirectory, loadOrganisation } from '@tdkt/config';
import { join } from 'node:path';
import { matchAccount } from './account-match';

const org = loadOrganisation(join(__dirname, '../../../../../config/demo-organisation.json'));
const directory = new OrganisationDirectory({
  ...org,
  users: org.users.map((u) => (u.username === 'thuky' ? { ...u, email: 'Thu.Ky@tinh.gov.vn' } : u)),
});

describe('matching a signed-in identity to a user of the organisation file', () => {
  it('by the configured claim, equal to the username (case folded when unambiguous)', () => {
    expect(matchAccount(directory, { preferred_username: 'chutich' }, 'preferred_username')).toEqual({
      ok: true,
      username: 'chutich',
    });
    expect(matchAccount(directory, { upn: 'ChuTich' }, 'upn')).toEqual({ ok: true, username: 'chutich' });
  });

  it('by a verified e-mail address when the claim is email', () => {
    expect(matchAccount(directory, { email: 'thu.ky@tinh.gov.vn', email_verified: true }, 'email')).toEqual({
      ok: true,
      username: 'thuky',
    });
    expect(matchAccount(directory, { email: 'thu.ky@tinh.gov.vn' }, 'email')).toMatchObject({
      ok: false,
      code: 'OIDC_CLAIM_MISSING',
    });
    expect(matchAccount(directory, { email: 'thu.ky@tinh.gov.vn', email_verified: false }, 'email').ok).toBe(false);
  });

  it('refuses someone the organisation file does not list, saying so in Vietnamese', () => {
    const m = matchAccount(directory, { preferred_username: 'nguoi.la' }, 'preferred_username');
    expect(m).toMatchObject({ ok: false, code: 'OIDC_UNKNOWN_USER' });
    expect(!m.ok && m.message).toContain('không có trong danh bạ tổ chức');
  });

  it('refuses when the claim is absent, empty or not a string', () => {
    for (const claims of [{}, { preferred_username: '' }, { preferred_username: ['chutich'] }])
      expect(matchAccount(directory, claims, 'preferred_username')).toMatchObject({
        ok: false,
        code: 'OIDC_CLAIM_MISSING',
      });
  });
});
