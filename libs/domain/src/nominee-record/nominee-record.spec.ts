import { checkEligibility } from '../eligibility/eligibility';
import type { Decider } from '../shared/decider';
import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import {
  AwardRecordSource,
  NomineeRecord,
  NomineeRecordCommand,
  NomineeRecordEvent,
  decideNomineeRecord,
  evolveNomineeRecord,
  initialNomineeRecord,
  nomineeStreamName,
} from './nominee-record';

const recordDecider: Decider<NomineeRecordCommand, NomineeRecordEvent, NomineeRecord> = {
  decide: decideNomineeRecord,
  evolve: evolveNomineeRecord,
  initialState: initialNomineeRecord,
};
const spec = DeciderSpecification.for(recordDecider);

const NOMINEE = f.nomineeAn.nomineeId;
const NOW = '2026-11-25T02:00:00.000Z';
const bangKhen = f.priorAward({
  awardCode: 'BANG_KHEN_TINH',
  campaignId: f.campaign2026.id,
  year: 2026,
  nominationId: 'nom-1',
  decisionNumber: '163/QĐ-UBND',
});

const record = (award = bangKhen, source: AwardRecordSource = 'SIGNED'): NomineeRecordCommand => ({
  type: 'RecordAward',
  nomineeId: NOMINEE,
  award,
  now: NOW,
  source,
});
const recorded = (award = bangKhen, source: AwardRecordSource = 'SIGNED'): NomineeRecordEvent => ({
  type: 'NomineeAwardRecorded',
  data: { nomineeId: NOMINEE, award, source, at: NOW },
});
const revoke = (nominationId = 'nom-1'): NomineeRecordCommand => ({
  type: 'RecordRevocation',
  nomineeId: NOMINEE,
  nominationId,
  ground: 'DISHONEST_DECLARATION',
  now: NOW,
});
const revoked = (nominationId = 'nom-1'): NomineeRecordEvent => ({
  type: 'NomineeAwardRevoked',
  data: { nomineeId: NOMINEE, nominationId, ground: 'DISHONEST_DECLARATION', at: NOW },
});

describe('Nominee record: one stream per nominee, the award history eligibility reads', () => {
  it('lives in its own stream per nominee', () => {
    expect(nomineeStreamName('cccd-1')).toBe('nominee-cccd-1');
  });

  it('a signed award is recorded', () => {
    spec.given([]).when(record()).then([recorded()]);
  });

  it('an award imported from the paper registry is recorded as imported', () => {
    const imported = f.priorAward({ year: 2024 });
    spec
      .given([])
      .when(record(imported, 'IMPORTED'))
      .then([recorded(imported, 'IMPORTED')]);
  });

  it('recording the same nomination again (a retried activity) adds nothing', () => {
    spec.given([recorded()]).when(record()).thenNothing();
  });

  it('a second award of the same type in the same campaign, from another nomination, is refused (ONE_ACHIEVEMENT_ONE_AWARD)', () => {
    const e = spec
      .given([recorded()])
      .when(record({ ...bangKhen, nominationId: 'nom-2' }))
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
    expect(e.message).toContain('163/QĐ-UBND');
  });

  it('the same award for the same year, recorded under another campaign or none, is refused: the achievement is the year’s', () => {
    const fromElsewhere = {
      ...bangKhen,
      nominationId: 'hist-1',
      campaignId: 'history-2026',
      decisionNumber: undefined,
    };
    spec
      .given([recorded()])
      .when(record(fromElsewhere, 'RECORDED'))
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
  });

  it('an award the unit head records (a unit’s own, or one from a ministry) keeps its decision number, date and authority', () => {
    const giayKhen = f.priorAward({
      awardCode: 'GIAY_KHEN',
      campaignId: 'history-2025',
      year: 2025,
      nominationId: 'hist-abc',
      decisionNumber: '88/QĐ-SGDĐT',
      decisionDate: '2025-12-20',
      authority: 'Sở Giáo dục và Đào tạo',
    });
    spec
      .given([])
      .when(record(giayKhen, 'RECORDED'))
      .then([recorded(giayKhen, 'RECORDED')]);
  });

  it('the same award in another campaign is recorded', () => {
    const next = { ...bangKhen, nominationId: 'nom-2', campaignId: 'dong-khoi-moi-2027', year: 2027 };
    spec
      .given([recorded()])
      .when(record(next))
      .then([recorded(next)]);
  });

  it('a revocation marks the award revoked', () => {
    spec.given([recorded()]).when(revoke()).then([revoked()]);
    spec
      .given([recorded()])
      .when(revoke())
      .thenState((s) => expect(s.awards).toEqual([{ ...bangKhen, revoked: true }]));
  });

  it('revoking twice, or an award the record does not hold, adds nothing', () => {
    spec.given([recorded(), revoked()]).when(revoke()).thenNothing();
    spec.given([recorded()]).when(revoke('nom-unknown')).thenNothing();
  });

  it('after revocation the same award may be given again', () => {
    const again = { ...bangKhen, nominationId: 'nom-2', decisionNumber: '170/QĐ-UBND' };
    spec
      .given([recorded(), revoked()])
      .when(record(again))
      .then([recorded(again)]);
  });

  it('a revoked year no longer counts towards eligibility', () => {
    const years = f.cstdCoSoIn(2023, 2024, 2025);
    const history = [...years.map((a) => recorded(a, 'IMPORTED')), { ...revoked(years[1].nominationId) }];
    const state = history.reduce(evolveNomineeRecord, initialNomineeRecord());
    expect(checkEligibility(f.CSTD_TINH, state.awards, 2026).eligible).toBe(false);
    const before = history.slice(0, 3).reduce(evolveNomineeRecord, initialNomineeRecord());
    expect(checkEligibility(f.CSTD_TINH, before.awards, 2026).eligible).toBe(true);
  });
});

describe('Nominee record: the nominations drafted for the nominee', () => {
  const drafted = f.priorAward({
    awardCode: 'BANG_KHEN_TINH',
    campaignId: f.campaign2026.id,
    year: 2026,
    nominationId: 'nom-9',
  });
  const command: NomineeRecordCommand = { type: 'RecordNomination', nomineeId: NOMINEE, nomination: drafted, now: NOW };
  const event: NomineeRecordEvent = {
    type: 'NomineeNominated',
    data: { nomineeId: NOMINEE, nomination: drafted, at: NOW },
  };

  it('a drafted nomination is recorded once, beside the awards (never as one)', () => {
    spec
      .given([recorded()])
      .when(command)
      .thenEvents((_, s) => expect(s).toEqual({ awards: [bangKhen], nominations: [drafted] }));
    spec.given([event]).when(command).thenNothing();
  });
});
