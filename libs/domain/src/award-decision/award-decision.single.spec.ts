import { DeciderSpecification } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';
import { awardDecisionDecider } from './award-decision.decide';
import type { IssueSingleDecision } from './award-decision.commands';

const spec = DeciderSpecification.for(awardDecisionDecider);
const chairman: Actor = { userId: 'chutich', roles: ['CHAIRMAN', 'COUNCIL_MEMBER'], displayName: 'Trần Ngọc Tam' };
const secretary: Actor = { userId: 'thuky', roles: ['COUNCIL_SECRETARY'] };

const single = (over: Partial<IssueSingleDecision> = {}): IssueSingleDecision => ({
  type: 'IssueSingleDecision',
  decisionId: 'qd-1',
  actor: chairman,
  now: '2027-01-05T02:00:00.000Z',
  authority: 'UBND',
  authorityName: 'ỦY BAN NHÂN DÂN TỈNH BẾN TRE',
  place: 'Bến Tre',
  numbering: 'external',
  title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
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
  baseSalary: { amount: 2_340_000, currency: 'VND', effectiveFrom: '2024-07-01', source: 'Nghị định 73/2024/NĐ-CP' },
  signerName: 'Trần Ngọc Tam',
  signerTitle: 'CHỦ TỊCH',
  year: 2027,
  ...over,
});

describe('one nomination signed alone where the office numbers (external)', () => {
  test('with the office’s number: drafted and signed at once, ISSUED under that number', () => {
    spec
      .given([])
      .when(single({ decisionNumber: '7/QĐ-UBND', sequence: 7 }))
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'ISSUED',
          kind: 'AWARD',
          numbering: 'external',
          decisionNumber: '7/QĐ-UBND',
        }),
      );
  });

  test('without a number: SIGNED, and the office registers it later', () => {
    const events = awardDecisionDecider.decide(single(), awardDecisionDecider.initialState());
    expect(events.map((e) => e.type)).toEqual(['AwardDecisionDrafted', 'DecisionSigned']);
    spec
      .given(events)
      .when({
        type: 'RegisterDecisionNumber',
        decisionId: 'qd-1',
        actor: secretary,
        now: '2027-01-06T02:00:00.000Z',
        decisionNumber: '9/QĐ-UBND',
      })
      .thenState((s) => expect(s).toMatchObject({ status: 'ISSUED', decisionNumber: '9/QĐ-UBND', year: 2027 }));
  });

  test('refused: not the Chairman, the register’s authority (the nomination’s own signature numbers it), a malformed number', () => {
    spec
      .given([])
      .when(single({ actor: secretary }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    spec
      .given([])
      .when(single({ numbering: 'register' }))
      .thenThrows('VALIDATION', 'NUMBERING_MODE');
    spec
      .given([])
      .when(single({ decisionNumber: '7/QĐ-BNV', sequence: 7 }))
      .thenThrows('VALIDATION', 'DECISION_NUMBER');
  });
});
