import { forbidden, invalid } from '../../shared/errors';
import type { DraftNomination, EditNomination } from '../nomination.commands';
import type { NominationDrafted, NominationEdited } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import type { StageLimitsConfig } from '../../sla/stage-limits';
import { domainError } from '../../shared/errors';
import { isNominee } from '../nomination.guard';
import { refuseDraftInCampaign } from '../../campaign/nomination-rules';
import { Common, refuseDuplicate, refuseIneligible, required } from './shared';

export function draftNomination(command: DraftNomination, common: Common): NominationDrafted[] {
  const { award, nominee, campaign } = command;
  if (command.actor.unitId !== command.unitId)
    throw forbidden('OUT_OF_SCOPE', 'Chỉ được lập hồ sơ cho đơn vị của mình');
  if (command.campaignRules) refuseDraftInCampaign(command.campaignRules, command, award, nominee?.nomineeId);
  if (award.awardedBy === 'UNIT_HEAD')
    throw invalid(
      'AWARD_NOT_PROVINCIAL',
      `${award.name} do thủ trưởng đơn vị quyết định, không trình cấp tỉnh`,
      'awardCode',
    );
  if (award.recipient !== 'both' && award.recipient !== nominee.kind)
    throw invalid(
      'RECIPIENT_KIND',
      `${award.name} chỉ dành cho ${award.recipient === 'individual' ? 'cá nhân' : 'tập thể'}`,
      'nominee.kind',
    );
  if (command.oneOff)
    throw forbidden(
      'ONE_OFF_NOT_ALLOWED',
      'Khen thưởng đột xuất do thủ trưởng đơn vị xác định khi trình hồ sơ, không phải khi lập hồ sơ',
    );
  if (isNominee(command.actor, nominee)) throw domainError('OWN_NOMINATION');
  refuseOtherUnitsPerson(command.personUnitId, command.unitId);
  required(nominee.name, 'nominee.name', 'Cần tên người/tập thể được đề nghị');
  // The nominee's identity keys the award history: without it "one achievement, one award" cannot hold.
  required(nominee.nomineeId, 'nominee.nomineeId', 'Cần mã định danh người/tập thể được đề nghị');
  required(command.achievements, 'achievements', 'Cần tóm tắt thành tích');
  refuseDuplicate(
    command.priorAwards,
    { award, campaign },
    command.nominationId,
    command.oneAward,
    command.pendingNominations,
  );
  const eligibility = refuseIneligible({ award }, command.priorAwards, campaign.year);
  return [
    {
      type: 'NominationDrafted',
      data: {
        ...common,
        unitId: command.unitId,
        clusterId: command.clusterId,
        campaign,
        award: {
          code: award.code,
          name: award.name,
          awardedBy: award.awardedBy,
          clusterReviewRequired: award.clusterReviewRequired,
          council: award.council,
          eligibility: award.eligibility,
          cashMultiple: award.cashMultiple,
          ...(award.thematic ? { thematic: true } : {}),
          ...(award.oneOffAllowed ? { oneOffAllowed: true } : {}),
        },
        nominee,
        achievements: command.achievements,
        documents: command.documents ?? [],
        oneOff: false,
        eligibility: eligibility.reasons,
        ...(command.stageLimits ? { stageLimits: withoutSource(command.stageLimits) } : {}),
      },
    },
  ];
}

/** The limits as the clock reads them: the catalog's `source` note is not copied into every draft. */
function withoutSource({ stageTimeLimits, stageTimeUnit }: StageLimitsConfig): StageLimitsConfig {
  const { source: _source, ...limits } = stageTimeLimits;
  return { stageTimeLimits: limits, stageTimeUnit };
}

export function editNomination(command: EditNomination, s: ExistingNomination, common: Common): NominationEdited[] {
  const { changes } = command;
  if (changes.nominee === undefined && changes.achievements === undefined && changes.documents === undefined)
    throw invalid('NOTHING_TO_CHANGE', 'Không có nội dung nào được sửa', 'changes');
  if (changes.achievements !== undefined)
    required(changes.achievements, 'achievements', 'Tóm tắt thành tích không được để trống');
  if (changes.nominee) {
    if (changes.nominee.kind !== s.nominee.kind)
      throw invalid('RECIPIENT_KIND', 'Không được đổi loại đối tượng (cá nhân/tập thể)', 'nominee.kind');
    required(changes.nominee.name, 'nominee.name', 'Cần tên người/tập thể được đề nghị');
    required(changes.nominee.nomineeId, 'nominee.nomineeId', 'Cần mã định danh người/tập thể được đề nghị');
    if (isNominee(command.actor, changes.nominee)) throw domainError('OWN_NOMINATION');
    refuseOtherUnitsPerson(command.personUnitId, s.unitId);
  }
  return [{ type: 'NominationEdited', data: { ...common, changes } }];
}

/** A unit proposes its own people: a person of the register who works elsewhere now is another unit's to propose. */
function refuseOtherUnitsPerson(personUnitId: string | undefined, unitId: string) {
  if (personUnitId !== undefined && personUnitId !== unitId)
    throw forbidden('OUT_OF_SCOPE', 'Người này đang công tác ở đơn vị khác: chỉ đơn vị nơi họ công tác được đề nghị');
}
