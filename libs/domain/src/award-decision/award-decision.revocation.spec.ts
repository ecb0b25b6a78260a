import { DeciderSpecification } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';
import { awardDecisionDecider } from './award-decision.decide';
import type { IssueRevocation, RecordDecisionApplied } from './award-decision.commands';
import type { AwardDecisionEvent } from './award-decision.events';

const spec = DeciderSpecification.for(awardDecisionDecider);
const chairman: Actor = { userId: 'chutich', roles: ['CHAIRMAN', 'COUNCIL_MEMBER'], displayName: 'Trần Ngọc Tam' };
const secretary: Actor = { userId: 'thuky', roles: ['COUNCIL_SECRETARY'] };
const system: Actor = { userId: 'system', roles: ['SYSTEM'] };
const base = {
  amount: 2_340_000,
  currency: 'VND' as const,
  effectiveFrom: '2024-07-01',
  source: 'Nghị định 73/2024/NĐ-CP',
};

const revocation = (over: Partial<IssueRevocation> = {}): IssueRevocation => ({
  type: 'IssueRevocation',
  decisionId: 'qd-hb1',
  actor: chairman,
  now: '2027-03-02T02:00:00.000Z',
  authority: 'UBND',
  authorityName: 'ỦY BAN NHÂN DÂN TỈNH BẾN TRE',
  place: 'Bến Tre',
  numbering: 'register',
  bases: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
  recipient: {
    nominationId: 'a',
    nomineeName: 'Nguyễn Văn An',
    nomineeKind: 'individual',
    unitId: 'donvi1',
    unitName: 'Sở Giáo dục và Đào tạo',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ',
    awardCode: 'BANG_KHEN_TINH',
    awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
    cashMultiple: 1,
    amount: 2_340_000,
    verificationCode: 'code-a',
  },
  baseSalary: base,
  revokes: {
    decisionNumber: '163/QĐ-UBND',
    year: 2026,
    signedAt: '2026-12-31T18:00:00.000Z',
    ground: 'CRITERIA_NOT_MET',
    reason: 'Thanh tra kết luận không đủ tiêu chuẩn',
  },
  signerName: 'Trần Ngọc Tam',
  signerTitle: 'CHỦ TỊCH',
  year: 2027,
  decisionNumber: '12/QĐ-UBND',
  sequence: 12,
  ...over,
});

describe('revocation decision', () => {
  test('register: drafted and signed at once with its own number, naming the revoked decision and the ground', () => {
    spec
      .given([])
      .when(revocation())
      .thenState((s) => {
        expect(s).toMatchObject({
          status: 'ISSUED',
          kind: 'REVOCATION',
          decisionNumber: '12/QĐ-UBND',
          year: 2027,
          title: 'Về việc thu hồi Bằng khen của Chủ tịch UBND tỉnh đã tặng Nguyễn Văn An',
          revokes: { decisionNumber: '163/QĐ-UBND', year: 2026, ground: 'CRITERIA_NOT_MET' },
        });
        expect(s.status !== 'NONE' && s.recipients.map((r) => r.nominationId)).toEqual(['a']);
      });
  });

  test('external: without a number it is signed and waits for the office to register one', () => {
    const events = awardDecisionDecider.decide(
      revocation({ numbering: 'external', decisionNumber: undefined, sequence: undefined }),
      awardDecisionDecider.initialState(),
    );
    spec
      .given([])
      .when(revocation({ numbering: 'external', decisionNumber: undefined }))
      .thenState((s) => {
        expect(s).toMatchObject({ status: 'SIGNED', kind: 'REVOCATION' });
        expect(s.status !== 'NONE' && s.decisionNumber).toBeUndefined();
      });
    spec
      .given(events)
      .when({
        type: 'RegisterDecisionNumber',
        decisionId: 'qd-hb1',
        actor: secretary,
        now: '2027-03-02T03:00:00Z',
        decisionNumber: '171/QĐ-UBND',
      })
      .thenState((s) => expect(s).toMatchObject({ status: 'ISSUED', decisionNumber: '171/QĐ-UBND', year: 2027 }));
  });

  test('refused: not the Chairman, no legal ground among the four, no reason, a register number missing or malformed', () => {
    spec
      .given([])
      .when(revocation({ actor: secretary }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    spec
      .given([])
      .when(revocation({ revokes: { ...revocation().revokes, ground: 'DISLIKED' } }))
      .thenThrows('VALIDATION', 'GROUND');
    spec
      .given([])
      .when(revocation({ revokes: { ...revocation().revokes, reason: '  ' } }))
      .thenThrows('VALIDATION', 'REQUIRED');
    spec
      .given([])
      .when(revocation({ decisionNumber: undefined }))
      .thenThrows('VALIDATION', 'NUMBERING_MODE');
    spec
      .given([])
      .when(revocation({ decisionNumber: '12/QĐ-BNV' }))
      .thenThrows('VALIDATION', 'DECISION_NUMBER');
    const issued = awardDecisionDecider.decide(revocation(), awardDecisionDecider.initialState());
    spec.given(issued).when(revocation()).thenThrows('INVALID_STATE', 'AWARD_DECISION_EXISTS');
  });
});

describe('applying a signed decision', () => {
  test('a recipient held after the signature is recorded as not applied, with the reason', () => {
    const draft: AwardDecisionEvent[] = awardDecisionDecider.decide(revocation(), awardDecisionDecider.initialState());
    const applied: RecordDecisionApplied = {
      type: 'RecordDecisionApplied',
      decisionId: 'qd-hb1',
      actor: system,
      now: '2027-03-02T02:00:05Z',
      notApplied: [
        { nominationId: 'a', reason: 'Hồ sơ bị tạm dừng sau khi quyết định được ký' },
        { nominationId: 'not-listed', reason: 'x' },
      ],
    };
    spec
      .given(draft)
      .when(applied)
      .thenEvents((events) =>
        expect(events[0].data).toMatchObject({
          nominationIds: [],
          notApplied: [{ nominationId: 'a', reason: 'Hồ sơ bị tạm dừng sau khi quyết định được ký' }],
        }),
      );
    spec
      .given(draft)
      .when(applied)
      .thenState((s) => expect(s).toMatchObject({ status: 'APPLIED', notApplied: [{ nominationId: 'a' }] }));
  });
});
