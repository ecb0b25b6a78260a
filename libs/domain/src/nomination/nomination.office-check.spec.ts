import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { awaiting } from './nomination.guard';
import { nominationDecider } from './nomination.decider';
import { noticesOf } from './notices';
import { evolve } from './nomination.evolve';

const spec = DeciderSpecification.for(nominationDecider);
const MISSING = ['BIEN_BAN_HOP_XET', 'Bản sao quyết định công nhận sáng kiến'];

describe('The office checks the dossier (thẩm định) between the cluster and the council', () => {
  it('an endorsement with the office check goes to OFFICE_CHECK, which waits for the secretary', () => {
    spec
      .given(f.story.inClusterReview())
      .when({ ...f.reviewAtCluster('endorse'), officeCheck: true })
      .then([f.clusterEndorsedToOffice()]);
    spec
      .given(f.officeStory.inOfficeCheck())
      .when(f.recordOfficeCheck('complete'))
      .thenState((s) => expect(s.status).toBe('COUNCIL_VOTING'));
    const state = f.officeStory.inOfficeCheck().reduce(evolve, nominationDecider.initialState());
    expect(state).toMatchObject({ status: 'OFFICE_CHECK', stageSince: f.T.reviewed });
    expect(awaiting(state)).toEqual(['COUNCIL_SECRETARY']);
  });

  it('an endorsement recorded before the office check existed (no nextStatus) still goes to the council', () => {
    spec.given(f.story.inClusterReview()).when(f.reviewAtCluster('endorse')).then([f.clusterEndorsed()]);
    spec
      .given(f.story.inCouncilVoting())
      .when(f.openCouncilVoting())
      .thenState((s) => expect(s.status).toBe('COUNCIL_VOTING'));
  });

  it('complete → the council', () => {
    spec.given(f.officeStory.inOfficeCheck()).when(f.recordOfficeCheck('complete')).then([f.officeCheckPassed()]);
  });

  it('incomplete → back to the unit with the missing items listed, and the unit is told', () => {
    spec
      .given(f.officeStory.inOfficeCheck())
      .when(f.recordOfficeCheck('incomplete', { missing: [...MISSING, ' BIEN_BAN_HOP_XET '] }))
      .then([f.officeCheckReturned(MISSING)]);
    const before = f.officeStory.inOfficeCheck().reduce(evolve, nominationDecider.initialState());
    const returned = f.officeCheckReturned(MISSING);
    const after = evolve(before, returned);
    expect(after.status).toBe('RETURNED');
    expect(noticesOf(before, returned, after).map((n) => n.reason)).toContain('RETURNED');
  });

  it('incomplete without a missing item is refused (400 on missing)', () => {
    const e = spec
      .given(f.officeStory.inOfficeCheck())
      .when(f.recordOfficeCheck('incomplete', { missing: ['  '] }))
      .thenThrows('VALIDATION', 'REQUIRED');
    expect(e.field).toBe('missing');
  });

  it('a result other than complete / incomplete is refused', () => {
    spec
      .given(f.officeStory.inOfficeCheck())
      .when({ ...f.recordOfficeCheck('complete'), result: 'ok' as never })
      .thenThrows('VALIDATION', 'OFFICE_CHECK_RESULT');
  });

  it('only the council secretary checks, never the drafter or proposer, and only in OFFICE_CHECK', () => {
    spec
      .given(f.officeStory.inOfficeCheck())
      .when(f.recordOfficeCheck('complete', { by: f.truongcumCum1 }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    const secretaryWhoDrafted = { ...f.thuky, roles: [...f.thuky.roles, 'UNIT_OFFICER' as const], unitId: 'donvi1' };
    spec
      .given([f.nominationDrafted({ by: secretaryWhoDrafted }), f.nominationSubmitted(), f.clusterEndorsedToOffice()])
      .when(f.recordOfficeCheck('complete'))
      .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    spec
      .given(f.story.inClusterReview())
      .when(f.recordOfficeCheck('complete'))
      .thenThrows('INVALID_STATE', 'WRONG_STAGE');
    spec
      .given([...f.officeStory.inOfficeCheck(), f.nominationPutOnHold('OFFICE_CHECK' as never)])
      .when(f.recordOfficeCheck('complete'))
      .thenThrows('INVALID_STATE', 'ON_HOLD');
  });

  it('without a cluster review the submission goes straight to the office, and so does a resubmission', () => {
    spec
      .given(f.story.inDraft({ award: f.CONG_DAN_DONG_KHOI }))
      .when({ ...f.submitNomination(), officeCheck: true })
      .thenState((s) => expect(s.status).toBe('OFFICE_CHECK'));
    const returnedByOffice = [
      f.nominationDrafted({ award: f.CONG_DAN_DONG_KHOI }),
      {
        ...f.nominationSubmitted({ toCouncil: true }),
        data: { ...f.nominationSubmitted({ toCouncil: true }).data, nextStatus: 'OFFICE_CHECK' as const },
      },
      f.officeCheckReturned(MISSING),
    ];
    spec
      .given(returnedByOffice)
      .when({ ...f.resubmitNomination(), officeCheck: true })
      .thenState((s) => expect(s.status).toBe('OFFICE_CHECK'));
    // With a cluster review, a resubmission goes through the cluster again.
    spec
      .given([...f.officeStory.inOfficeCheck(), f.officeCheckReturned(MISSING)])
      .when({ ...f.resubmitNomination(), officeCheck: true })
      .thenState((s) => expect(s.status).toBe('CLUSTER_REVIEW'));
  });

  it('a submission sent in a list records its number and date; a malformed one is refused', () => {
    spec
      .given(f.story.inDraft())
      .when({ ...f.submitNomination(), submission: { number: ' 12/TTr-SNV ', date: '2026-11-02' } })
      .thenState((s) => expect(s.status).toBe('CLUSTER_REVIEW'));
    const [e] = nominationDecider.decide(
      { ...f.submitNomination(), submission: { number: '12/TTr-SNV', date: '2026-11-02' } },
      f.story.inDraft().reduce(evolve, nominationDecider.initialState()),
    );
    expect(e!.data).toMatchObject({ submission: { number: '12/TTr-SNV', date: '2026-11-02' } });
    spec
      .given(f.story.inDraft())
      .when({ ...f.submitNomination(), submission: { number: '12', date: '2026-02-30' } })
      .thenThrows('VALIDATION', 'SUBMISSION_DATE');
    spec
      .given(f.story.inDraft())
      .when({ ...f.submitNomination(), submission: { number: ' ', date: '2026-11-02' } })
      .thenThrows('VALIDATION', 'SUBMISSION_NUMBER');
  });
});
