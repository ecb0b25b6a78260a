import { isTerminal, TERMINAL_STATUSES } from './nomination.state';
import { NOMINATION_STATUSES } from './nomination.types';

describe('Terminal statuses: where the approval process ends', () => {
  it('are AWARDED, REJECTED, WITHDRAWN and REVOKED', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['AWARDED', 'REJECTED', 'REVOKED', 'WITHDRAWN']);
  });

  it('every other status is still on its way; a nomination not yet drafted has not ended', () => {
    const running = NOMINATION_STATUSES.filter((s) => !isTerminal(s));
    expect(running).toEqual([
      'DRAFT',
      'CLUSTER_REVIEW',
      'RETURNED',
      'COUNCIL_VOTING',
      'AWAITING_SIGNATURE',
      'FORWARDED',
    ]);
    expect(isTerminal('NONE')).toBe(false);
  });
});
