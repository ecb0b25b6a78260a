import { forbidden, invalid, invalidState } from '../../shared/errors';
import type { RegisterForCampaign } from '../campaign.commands';
import type { UnitRegisteredForCampaign } from '../campaign.events';
import type { CampaignState } from '../campaign.state';
import { participates } from '../participation';
import { actAs, existing, text } from './shared';

/** Đăng ký thi đua: the unit head commits the unit and names the titles it aims for, while registration is open. */
export function registerForCampaign(command: RegisterForCampaign, state: CampaignState): UnitRegisteredForCampaign[] {
  const by = actAs(command.actor, 'UNIT_HEAD');
  const s = existing(state);
  const unitId = command.actor.unitId;
  if (!unitId) throw forbidden('OUT_OF_SCOPE', 'Tài khoản không thuộc đơn vị nào');
  if (s.status !== 'REGISTRATION_OPEN')
    throw invalidState(
      'REGISTRATION_CLOSED',
      s.status === 'PLANNED' ? 'Đợt thi đua chưa được phát động' : 'Đợt thi đua đã hết thời gian đăng ký thi đua',
    );
  if (!participates(s.definition, unitId, command.clusterId))
    throw forbidden('NOT_A_PARTICIPANT', `Đơn vị ${unitId} không thuộc đối tượng tham gia đợt thi đua này`);
  const commitment = text(command.commitment, 'commitment', 'Cần nội dung cam kết, chỉ tiêu thi đua của đơn vị');
  const targets = command.targetAwardCodes;
  if (!Array.isArray(targets) || targets.length === 0 || new Set(targets).size !== targets.length)
    throw invalid('AWARD_CODES', 'Cần các danh hiệu đơn vị phấn đấu đạt (không trùng)', 'targetAwardCodes');
  targets.forEach((c, i) => {
    if (!s.definition.awardCodes.includes(c))
      throw invalid('AWARD_NOT_IN_CAMPAIGN', `Đợt thi đua này không xét ${c}`, `targetAwardCodes[${i}]`);
  });
  return [
    {
      type: 'UnitRegisteredForCampaign',
      data: {
        campaignId: command.campaignId,
        at: command.now,
        by,
        registration: {
          unitId,
          clusterId: command.clusterId,
          commitment,
          targetAwardCodes: [...targets],
          registeredBy: command.actor.userId,
          at: command.now,
        },
      },
    },
  ];
}
