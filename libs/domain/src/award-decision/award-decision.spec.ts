import { DeciderSpecification } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';
import { awardDecisionDecider } from './award-decision.decide';
import type { DraftDecision } from './award-decision.commands';
import type { AwardDecisionEvent } from './award-decision.events';
import type { DecisionRecipient } from './award-decision.types';
import { amountOf, baseSalaryOn, vietnamYear } from './decision-policy';
import { parseDecisionNumber } from './commands/signature';
import { numberClaimDecider, recipientLockDecider } from './decision-locks';

const spec = DeciderSpecification.for(awardDecisionDecider);
const secretary: Actor = { userId: 'thuky', roles: ['COUNCIL_SECRETARY'] };
const chairman: Actor = { userId: 'chutich', roles: ['CHAIRMAN', 'COUNCIL_MEMBER'] };
const system: Actor = { userId: 'system', roles: ['SYSTEM'] };
const base = {
  amount: 2_340_000,
  currency: 'VND' as const,
  effectiveFrom: '2024-07-01',
  source: 'Nghị định 73/2024/NĐ-CP',
};
const recipient = (n: string): DecisionRecipient => ({
  nominationId: n,
  nomineeName: `Người ${n}`,
  nomineeKind: 'individual',
  unitId: 'donvi1',
  unitName: 'Sở Giáo dục và Đào tạo',
  achievements: 'Hoàn thành xuất sắc nhiệm vụ',
  awardCode: 'BANG_KHEN_TINH',
  awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
  cashMultiple: 1,
  amount: 2_340_000,
  verificationCode: `code-${n}`,
});
const draftCommand = (numbering: 'register' | 'external' = 'register', ids = ['a', 'b']): DraftDecision => ({
  type: 'DraftDecision',
  decisionId: 'qd1',
  actor: secretary,
  now: '2026-12-20T03:00:00.000Z',
  kind: 'AWARD',
  authority: 'UBND',
  authorityName: 'ỦY BAN NHÂN DÂN TỈNH BẾN TRE',
  place: 'Bến Tre',
  numbering,
  title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
  bases: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
  awardCodes: [],
  recipients: ids.map(recipient),
  baseSalary: base,
});
const drafted = (numbering: 'register' | 'external' = 'register') =>
  awardDecisionDecider.decide(draftCommand(numbering), awardDecisionDecider.initialState());
const signedJanuary = (numbering: 'register' | 'external' = 'register'): AwardDecisionEvent[] => [
  ...drafted(numbering),
  ...awardDecisionDecider.decide(
    {
      type: 'SignDecision',
      decisionId: 'qd1',
      actor: chairman,
      now: '2027-01-04T02:00:00.000Z',
      signerName: 'Trần Ngọc Tam',
      signerTitle: 'CHỦ TỊCH',
      year: 2027,
      ...(numbering === 'register' ? { decisionNumber: '1/QĐ-UBND', sequence: 1 } : {}),
    },
    awardDecisionDecider.evolve(awardDecisionDecider.initialState(), drafted(numbering)[0]),
  ),
];

describe('award decision', () => {
  test('the office drafts a decision from the listed recipients, in its order, awards inferred', () => {
    spec
      .given([])
      .when(draftCommand('register', ['b', 'a']))
      .thenState((s) => {
        if (s.status !== 'DRAFT') throw new Error('not a draft');
        expect(s.recipients.map((r) => r.nominationId)).toEqual(['b', 'a']);
        expect(s.awardCodes).toEqual(['BANG_KHEN_TINH']);
      });
  });

  test('drafting is refused without a title, twice the same recipient, or by a unit officer', () => {
    spec
      .given([])
      .when({ ...draftCommand(), title: '  ' })
      .thenThrows('VALIDATION', 'REQUIRED');
    spec
      .given([])
      .when(draftCommand('register', ['a', 'a']))
      .thenThrows('VALIDATION', 'DUPLICATE_RECIPIENT');
    spec
      .given([])
      .when({ ...draftCommand(), actor: { userId: 'x', roles: ['UNIT_OFFICER'] } })
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    spec.given(drafted()).when(draftCommand()).thenThrows('INVALID_STATE', 'AWARD_DECISION_EXISTS');
  });

  test('a recipient taken off before signing needs a reason; after signing nothing is taken off', () => {
    const remove = {
      type: 'RemoveRecipient' as const,
      decisionId: 'qd1',
      actor: secretary,
      now: '2026-12-21T00:00:00Z',
    };
    spec
      .given(drafted())
      .when({ ...remove, nominationId: 'a', reason: '' })
      .thenThrows('VALIDATION', 'REQUIRED');
    spec
      .given(drafted())
      .when({ ...remove, nominationId: 'zz', reason: 'x' })
      .thenThrows('VALIDATION', 'NOT_A_RECIPIENT');
    spec
      .given(drafted())
      .when({ ...remove, nominationId: 'a', reason: 'Đang bị xem xét kỷ luật' })
      .thenState((s) => expect(s.status !== 'NONE' && s.recipients.map((r) => r.nominationId)).toEqual(['b']));
    spec
      .given(signedJanuary())
      .when({ ...remove, nominationId: 'a', reason: 'muộn' })
      .thenThrows('INVALID_STATE', 'DECISION_NOT_DRAFT');
  });

  test('register: the signature carries the allocated number and the SIGNING year, not the campaign year', () => {
    const state = signedJanuary().reduce(awardDecisionDecider.evolve, awardDecisionDecider.initialState());
    expect(state).toMatchObject({ status: 'ISSUED', decisionNumber: '1/QĐ-UBND', year: 2027 });
  });

  test('only the Chairman signs or declines, once; a decline needs a reason', () => {
    const sign = {
      type: 'SignDecision' as const,
      decisionId: 'qd1',
      now: '2027-01-04T02:00:00.000Z',
      signerName: 'x',
      signerTitle: 'CHỦ TỊCH',
      year: 2027,
      decisionNumber: '2/QĐ-UBND',
      sequence: 2,
    };
    spec
      .given(drafted())
      .when({ ...sign, actor: secretary })
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    spec
      .given(signedJanuary())
      .when({ ...sign, actor: chairman })
      .thenThrows('INVALID_STATE', 'DECISION_NOT_DRAFT');
    const decline = {
      type: 'DeclineDecision' as const,
      decisionId: 'qd1',
      actor: chairman,
      now: '2027-01-04T02:00:00Z',
    };
    spec
      .given(drafted())
      .when({ ...decline, reason: '' })
      .thenThrows('VALIDATION', 'REQUIRED');
    spec
      .given(drafted())
      .when({ ...decline, reason: 'Chưa đủ căn cứ' })
      .thenState((s) => expect(s.status).toBe('DECLINED'));
  });

  test('external: signed without a number, then the office registers one of this authority', () => {
    const register = {
      type: 'RegisterDecisionNumber' as const,
      decisionId: 'qd1',
      actor: secretary,
      now: '2027-01-05T00:00:00Z',
    };
    const signed = signedJanuary('external');
    expect(signed.reduce(awardDecisionDecider.evolve, awardDecisionDecider.initialState()).status).toBe('SIGNED');
    spec
      .given(signed)
      .when({ ...register, decisionNumber: '12/QĐ-SYT' })
      .thenThrows('VALIDATION', 'DECISION_NUMBER');
    spec
      .given(signed)
      .when({ ...register, decisionNumber: '12/QĐ-UBND' })
      .thenState((s) => expect(s).toMatchObject({ status: 'ISSUED', decisionNumber: '12/QĐ-UBND', year: 2027 }));
    spec
      .given(signedJanuary('register'))
      .when({ ...register, decisionNumber: '12/QĐ-UBND' })
      .thenThrows('INVALID_STATE', 'DECISION_NOT_SIGNED');
  });

  test('applied once: a second report writes nothing', () => {
    const applied = {
      type: 'RecordDecisionApplied' as const,
      decisionId: 'qd1',
      actor: system,
      now: '2027-01-04T02:00:01Z',
    };
    const events = [
      ...signedJanuary(),
      ...spec
        .given(signedJanuary())
        .when(applied)
        .thenEvents(() => undefined),
    ];
    spec.given(events).when(applied).thenNothing();
  });
});

describe('decision policy and locks', () => {
  test('the base salary in force on the date (the one schedule), and the amount as its multiple', () => {
    const schedule = [
      { from: '2023-07-01', amountVnd: 1_800_000, source: 'Nghị định 24/2023/NĐ-CP' },
      { from: '2024-07-01', amountVnd: 2_340_000, source: 'Nghị định 73/2024/NĐ-CP' },
    ];
    expect(baseSalaryOn(schedule, '2024-06-30T10:00:00Z')).toEqual({
      amount: 1_800_000,
      currency: 'VND',
      source: 'Nghị định 24/2023/NĐ-CP',
      effectiveFrom: '2023-07-01',
    });
    expect(baseSalaryOn(schedule, '2024-06-30T17:30:00Z').amount).toBe(2_340_000); // 1 July in Vietnam
    expect(amountOf(1.5, base)).toBe(3_510_000);
    expect(() => baseSalaryOn(schedule, '2020-01-01T00:00:00Z')).toThrow('lương cơ sở');
    expect(() => baseSalaryOn(undefined, '2025-01-01T00:00:00Z')).toThrow('lương cơ sở');
  });

  test('the signing year is Vietnam’s: 31 December 18:00 UTC is already January', () => {
    expect(vietnamYear('2026-12-31T16:59:59Z')).toBe(2026);
    expect(vietnamYear('2026-12-31T17:00:00Z')).toBe(2027);
  });

  test('decision numbers parse only for their authority', () => {
    expect(parseDecisionNumber('163/QĐ-UBND', 'UBND')).toBe(163);
    expect(parseDecisionNumber('163/QĐ-UBND', 'TTG')).toBeUndefined();
    expect(parseDecisionNumber('0163/QĐ-UBND', 'UBND')).toBeUndefined();
  });

  test('a nomination is on one unsigned decision at a time; a number is claimed once', () => {
    const lock = DeciderSpecification.for(recipientLockDecider);
    const held = [{ type: 'DecisionRecipientReserved' as const, data: { nominationId: 'a', decisionId: 'qd1' } }];
    lock
      .given(held)
      .when({ type: 'Reserve', nominationId: 'a', decisionId: 'qd2' })
      .thenThrows('CONFLICT', 'ON_ANOTHER_DECISION');
    lock.given(held).when({ type: 'Reserve', nominationId: 'a', decisionId: 'qd1' }).thenNothing();
    const claim = DeciderSpecification.for(numberClaimDecider);
    const claimed = [
      {
        type: 'DecisionNumberClaimed' as const,
        data: { authority: 'UBND', year: 2027, decisionNumber: '5/QĐ-UBND', decisionId: 'qd1' },
      },
    ];
    claim
      .given(claimed)
      .when({ type: 'Claim', authority: 'UBND', year: 2027, decisionNumber: '5/QĐ-UBND', decisionId: 'qd2' })
      .thenThrows('CONFLICT', 'DECISION_NUMBER_TAKEN');
  });
});
