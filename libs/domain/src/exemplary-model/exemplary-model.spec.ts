import { actingAs } from '../shared/actor';
import { DeciderSpecification } from '../testing/decider-spec';
import { canboDonvi1, thuky } from '../testing/fixtures/people';
import { exemplaryModelDecider } from './exemplary-model.decider';
import type { ExemplaryModelCommand, ExemplaryModelEvent, RelatedAward } from './exemplary-model.types';

const spec = DeciderSpecification.for(exemplaryModelDecider);
const AT = '2026-12-20T03:00:00.000Z';
const award: RelatedAward = {
  nominationId: 'n1',
  decisionNumber: '163/QĐ-UBND',
  awardCode: 'BANG_KHEN_TINH',
  awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
  nomineeName: 'Nguyễn Văn An',
  nomineeKind: 'individual',
  unitId: 'donvi1',
  year: 2026,
};
const common = { modelId: 'm1', by: actingAs(thuky, 'COUNCIL_SECRETARY'), at: AT };
const by = { actor: thuky, at: AT, modelId: 'm1' };
const content = { title: 'Người thầy của vùng sâu', text: 'Ba mươi năm đứng lớp ở xã An Hội…' };
const created: ExemplaryModelEvent = { type: 'ExemplaryModelCreated', data: { ...common, ...content, award } };
const consent = { givenBy: 'Nguyễn Văn An', givenOn: '2026-12-18', evidence: 'Phiếu đồng ý số 12/2026' };
const consented: ExemplaryModelEvent = { type: 'ExemplaryModelConsentRecorded', data: { ...common, consent } };
const published: ExemplaryModelEvent = { type: 'ExemplaryModelPublished', data: common };
const publish: ExemplaryModelCommand = { ...by, type: 'PublishExemplaryModel', awardRevoked: false };

describe('an exemplary model (gương điển hình tiên tiến)', () => {
  it('is written by the office about a signed award of the registry', () => {
    spec
      .given([])
      .when({ ...by, type: 'CreateExemplaryModel', content, award, awardRevoked: false })
      .then([created]);
    spec
      .given([])
      .when({ ...by, actor: canboDonvi1, type: 'CreateExemplaryModel', content, award, awardRevoked: false })
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    expect(
      spec
        .given([])
        .when({ ...by, type: 'CreateExemplaryModel', content, award: null, awardRevoked: false })
        .thenThrows('VALIDATION', 'AWARD_NOT_IN_REGISTRY').field,
    ).toBe('nominationId');
    spec
      .given([])
      .when({ ...by, type: 'CreateExemplaryModel', content, award, awardRevoked: true })
      .thenThrows('INVALID_STATE', 'AWARD_REVOKED_FOR_MODEL');
    expect(
      spec
        .given([])
        .when({ ...by, type: 'CreateExemplaryModel', content: { ...content, text: '  ' }, award, awardRevoked: false })
        .thenThrows('VALIDATION', 'EXEMPLARY_MODEL_FIELD').field,
    ).toBe('text');
  });

  it('is published only once the person’s consent is recorded', () => {
    spec.given([created]).when(publish).thenThrows('INVALID_STATE', 'CONSENT_REQUIRED');
    spec.given([created, consented]).when(publish).then([published]);
    spec.given([created, consented, published]).when(publish).thenNothing();
    spec
      .given([created, consented])
      .when({ ...publish, awardRevoked: true })
      .thenThrows('INVALID_STATE', 'AWARD_REVOKED_FOR_MODEL');
  });

  it('unpublishing keeps the story and its history; withdrawing consent takes it off the site', () => {
    spec
      .given([created, consented, published])
      .when({ ...by, type: 'UnpublishExemplaryModel', reason: 'Hết đợt tuyên truyền' })
      .thenState((s) => {
        expect(s).toMatchObject({ status: 'UNPUBLISHED', content, consent });
      });
    spec
      .given([created, consented, published])
      .when({ ...by, type: 'WithdrawConsent', reason: 'Gia đình đề nghị' })
      .then([
        { type: 'ExemplaryModelConsentWithdrawn', data: { ...common, reason: 'Gia đình đề nghị' } },
        { type: 'ExemplaryModelUnpublished', data: { ...common, reason: 'Rút đồng ý: Gia đình đề nghị' } },
      ]);
    spec
      .given([
        created,
        consented,
        published,
        { type: 'ExemplaryModelConsentWithdrawn', data: { ...common, reason: 'x' } },
        { type: 'ExemplaryModelUnpublished', data: { ...common, reason: 'x' } },
      ])
      .when(publish)
      .thenThrows('INVALID_STATE', 'CONSENT_REQUIRED');
    spec
      .given([created])
      .when({ ...by, type: 'UnpublishExemplaryModel', reason: 'x' })
      .thenNothing();
  });

  it('a revision records only what changed', () => {
    spec
      .given([created])
      .when({ ...by, type: 'ReviseExemplaryModel', changes: { title: content.title, text: 'Bản mới' } })
      .then([{ type: 'ExemplaryModelRevised', data: { ...common, changes: { text: 'Bản mới' } } }]);
    spec
      .given([created])
      .when({ ...by, type: 'ReviseExemplaryModel', changes: { title: content.title } })
      .thenNothing();
    spec
      .given([])
      .when({ ...by, type: 'RecordConsent', consent })
      .thenThrows('NOT_FOUND', 'EXEMPLARY_MODEL_NOT_FOUND');
  });
});
