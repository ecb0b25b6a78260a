import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';

const spec = DeciderSpecification.for(nominationDecider);

describe('Drafting a nomination (unit proposal, step 1)', () => {
  it('an officer drafts a nomination of his unit: it starts in DRAFT, not on hold', () => {
    spec.given([]).when(f.draftNomination()).then([f.nominationDrafted()]);
    spec
      .given([])
      .when(f.draftNomination())
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'DRAFT',
          onHold: false,
          unitId: 'donvi1',
          clusterId: 'cum1',
          drafters: ['canbo.donvi1'],
        }),
      );
  });

  it('records the stage limits its workflow runs with, so readers show the stage clock from the events', () => {
    const stageLimits = {
      stageTimeLimits: { CLUSTER_REVIEW: 10, COUNCIL_VOTING: 7, AWAITING_SIGNATURE: 5, RETURNED: 10, reminderAt: 0.8 },
      stageTimeUnit: 'workingDays' as const,
    };
    const drafted = f.nominationDrafted();
    spec
      .given([])
      .when(f.draftNomination({ stageLimits }))
      .then([{ ...drafted, data: { ...drafted.data, stageLimits } }]);
    spec
      .given([])
      .when(f.draftNomination({ stageLimits }))
      .thenState((s) => expect(s).toMatchObject({ status: 'DRAFT', stageLimits }));
    // The catalog's note on where its limits come from is not copied into every draft.
    const noted = { ...stageLimits, stageTimeLimits: { ...stageLimits.stageTimeLimits, source: 'DOMAIN.md' } };
    spec
      .given([])
      .when(f.draftNomination({ stageLimits: noted }))
      .then([{ ...drafted, data: { ...drafted.data, stageLimits } }]);
  });

  it('records the documents', () => {
    spec
      .given([])
      .when(f.draftNomination({ documents: ['to-trinh.pdf', 'sang-kien.pdf'] }))
      .then([f.nominationDrafted({ documents: ['to-trinh.pdf', 'sang-kien.pdf'] })]);
  });

  it('the officer cannot mark a draft one-off: that is the unit head’s act at submission (ONE_OFF_NOT_ALLOWED)', () => {
    spec
      .given([])
      .when(f.draftNomination({ oneOff: true }))
      .thenThrows('FORBIDDEN', 'ONE_OFF_NOT_ALLOWED');
  });

  it('snapshots the award policy at drafting, so a later catalog change does not alter this nomination', () => {
    spec
      .given([])
      .when(f.draftNomination({ award: f.CSTD_TINH, priorAwards: f.anHistory }))
      .thenState((s) =>
        expect(s).toMatchObject({
          award: { code: 'CSTD_TINH', council: { quorum: 0.75, threshold: 0.9, secretBallot: true } },
        }),
      );
  });

  it('records why the nominee is eligible (3 consecutive CSTD_CO_SO years for CSTD_TINH)', () => {
    spec
      .given([])
      .when(f.draftNomination({ award: f.CSTD_TINH, priorAwards: f.anHistory }))
      .then([
        f.nominationDrafted({
          award: f.CSTD_TINH,
          eligibility: ['Đạt: 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (2023–2025)'],
        }),
      ]);
  });

  it('refuses a nominee who is not eligible, saying why (NOT_ELIGIBLE)', () => {
    const e = spec
      .given([])
      .when(f.draftNomination({ award: f.CSTD_TINH, priorAwards: f.cstdCoSoIn(2023, 2025) }))
      .thenThrows('INVALID_STATE', 'NOT_ELIGIBLE');
    expect(e.message).toContain('3 năm liên tục đạt Chiến sĩ thi đua cơ sở');
    expect(e.message).toContain('mới có 1 năm liên tục');
  });

  it('refuses an award the unit head decides himself: it never goes to the province (AWARD_NOT_PROVINCIAL)', () => {
    spec
      .given([])
      .when(f.draftNomination({ award: f.LAO_DONG_TIEN_TIEN }))
      .thenThrows('VALIDATION', 'AWARD_NOT_PROVINCIAL');
    spec
      .given([])
      .when(f.draftNomination({ award: f.CSTD_CO_SO }))
      .thenThrows('VALIDATION', 'AWARD_NOT_PROVINCIAL');
  });

  it('refuses an individual for a collective-only award, and accepts a collective (RECIPIENT_KIND)', () => {
    spec
      .given([])
      .when(f.draftNomination({ award: f.TAP_THE_LDXS }))
      .thenThrows('VALIDATION', 'RECIPIENT_KIND');
    spec
      .given([])
      .when(f.draftNomination({ award: f.TAP_THE_LDXS, nominee: f.collectiveDonvi1 }))
      .then([f.nominationDrafted({ award: f.TAP_THE_LDXS, nominee: f.collectiveDonvi1 })]);
  });

  it('accepts both an individual and a collective for an award open to both (Bằng khen)', () => {
    spec
      .given([])
      .when(f.draftNomination({ nominee: f.collectiveDonvi1 }))
      .then([f.nominationDrafted({ nominee: f.collectiveDonvi1 })]);
  });

  it.each([
    ['nominee.name', { nominee: { ...f.nomineeAn, name: '  ' } }],
    ['nominee.nomineeId', { nominee: { ...f.nomineeAn, nomineeId: '' } }],
    ['achievements', { achievements: '' }],
  ])('refuses a draft without %s (400 with the field)', (field, o) => {
    const e = spec.given([]).when(f.draftNomination(o)).thenThrows('VALIDATION', 'REQUIRED');
    expect(e.field).toBe(field);
  });
});
