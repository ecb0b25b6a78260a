import * as f from '../testing/fixtures';
import { mayReadPublicComments, maySeeCommenterContact } from '../read-access/read-access';

describe('Who reads the comments on a public notice', () => {
  it('those who read every nomination read the comments (a notice spans every unit); unit staff, clusters and the public do not', () => {
    for (const a of [f.thanhtra, f.thuky, f.chutich, f.hoidong2]) expect(mayReadPublicComments(a)).toBe(true);
    for (const a of [f.canboDonvi1, f.thutruongDonvi1, f.truongcumCum1, null])
      expect(mayReadPublicComments(a)).toBe(false);
  });

  it('the commenter’s contact: the office, which answers, and the inspector only', () => {
    expect(maySeeCommenterContact(f.thuky)).toBe(true);
    expect(maySeeCommenterContact(f.thanhtra)).toBe(true);
    for (const a of [f.chutich, f.hoidong2, f.canboDonvi1, f.truongcumCum1, null])
      expect(maySeeCommenterContact(a)).toBe(false);
  });
});
