import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';
import { awaiting } from './nomination.guard';

const spec = DeciderSpecification.for(nominationDecider);

describe('Forwarding an award decided above the province to central level', () => {
  it('the catalog lists the central forms with their authority, a public notice, and awardedBy CENTRAL', () => {
    for (const code of ['BANG_KHEN_THU_TUONG', 'HUAN_CHUONG_LAO_DONG_HANG_BA', 'CSTD_TOAN_QUOC']) {
      const a = f.award(code);
      expect(a).toMatchObject({ awardedBy: 'CENTRAL', publicNotice: { workingDays: 10 } });
      expect(a.centralAuthority).toBeTruthy();
      expect(a.source).toMatch(/Law 06\/2022/);
    }
  });

  it('a central award is drafted like a provincial one', () => {
    spec
      .given([])
      .when(f.draftNomination({ award: f.BANG_KHEN_THU_TUONG }))
      .thenState((s) => expect(s).toMatchObject({ status: 'DRAFT', award: { awardedBy: 'CENTRAL' } }));
  });

  it('after the council approves, the Chairman signs the submission: FORWARDED, waiting for the office', () => {
    spec.given(f.centralStory.awaitingSignature()).when(f.forwardToCentral()).then([f.nominationForwarded()]);
    spec
      .given(f.centralStory.forwarded())
      .when(f.recordCentralDecision())
      .thenState(() => undefined); // reachable
    const s = f.centralStory.forwarded().reduce(nominationDecider.evolve, nominationDecider.initialState());
    expect(s.status).toBe('FORWARDED');
    expect(awaiting(s)).toEqual(['COUNCIL_SECRETARY']);
  });

  it('the Chairman does not sign a central award as a provincial decision (CENTRAL_AWARD), but may decline it', () => {
    spec
      .given(f.centralStory.awaitingSignature())
      .when(f.signAwardDecision())
      .thenThrows('INVALID_STATE', 'CENTRAL_AWARD');
    spec
      .given(f.centralStory.awaitingSignature())
      .when(f.declineSignature())
      .thenState((s) => expect(s.status).toBe('REJECTED'));
  });

  it('a provincial award is not forwarded (NOT_CENTRAL_AWARD)', () => {
    spec.given(f.story.awaitingSignature()).when(f.forwardToCentral()).thenThrows('INVALID_STATE', 'NOT_CENTRAL_AWARD');
  });

  it('a submission needs its number and a date not after today', () => {
    const noNumber = spec
      .given(f.centralStory.awaitingSignature())
      .when(f.forwardToCentral({ submissionNumber: ' ' }))
      .thenThrows('VALIDATION', 'REQUIRED');
    expect(noNumber.field).toBe('submissionNumber');
    const future = spec
      .given(f.centralStory.awaitingSignature())
      .when(f.forwardToCentral({ submissionDate: '2099-01-01' }))
      .thenThrows('VALIDATION', 'DATE');
    expect(future.field).toBe('submissionDate');
    spec
      .given(f.centralStory.awaitingSignature())
      .when(f.forwardToCentral({ submissionDate: '2026-02-30' }))
      .thenThrows('VALIDATION', 'DATE');
  });

  it('the office records the central decision: AWARDED with its number, under the deciding authority', () => {
    spec.given(f.centralStory.forwarded()).when(f.recordCentralDecision()).then([f.centralAwardDecided()]);
    spec
      .given(f.centralStory.forwarded())
      .when(f.recordCentralDecision())
      .thenState((s) => expect(s).toMatchObject({ status: 'AWARDED', decisionNumber: f.CENTRAL.decisionNumber }));
  });

  it('an approval names the decision number, its date and the authority', () => {
    for (const field of ['decisionNumber', 'decisionDate', 'authority'] as const) {
      const e = spec
        .given(f.centralStory.forwarded())
        .when(f.recordCentralDecision({ [field]: '' }))
        .thenThrows('VALIDATION');
      expect(e.field).toBe(field);
    }
  });

  it('not approved: REJECTED with the reason (required)', () => {
    spec
      .given(f.centralStory.forwarded())
      .when(f.recordCentralDecision({ approved: false, reason: 'Chưa đủ tiêu chuẩn theo Điều 74' }))
      .thenEvents(([e], s) => {
        expect(e).toMatchObject({ type: 'CentralAwardRefused', data: { reason: 'Chưa đủ tiêu chuẩn theo Điều 74' } });
        expect(s.status).toBe('REJECTED');
      });
    spec
      .given(f.centralStory.forwarded())
      .when(f.recordCentralDecision({ approved: false }))
      .thenThrows('VALIDATION', 'REQUIRED');
  });

  it('the central decision is recorded only for a forwarded nomination (WRONG_STAGE)', () => {
    spec
      .given(f.centralStory.awaitingSignature())
      .when(f.recordCentralDecision())
      .thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  it('one achievement, one award holds for a central award too', () => {
    spec
      .given(f.centralStory.forwarded())
      .when(
        f.recordCentralDecision({
          priorAwards: [
            f.priorAward({
              awardCode: 'BANG_KHEN_THU_TUONG',
              year: 2026,
              campaignId: 'dong-khoi-moi-2026',
              nominationId: 'other',
            }),
          ],
        }),
      )
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
  });

  it('the Chairman who proposed it does not forward it, and the nominee takes no step (separation of duties)', () => {
    spec
      .given(f.centralStory.awaitingSignature())
      .when(f.forwardToCentral({ by: f.canboDonvi1 }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
