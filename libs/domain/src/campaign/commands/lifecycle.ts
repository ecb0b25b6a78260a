import { invalid, invalidState } from '../../shared/errors';
import type { CloseCampaign, LaunchCampaign, OpenCampaignNominations } from '../campaign.commands';
import type { CampaignClosed, CampaignLaunched, CampaignNominationsOpened } from '../campaign.events';
import type { CampaignState } from '../campaign.state';
import { CAMPAIGN_STATUS_LABELS } from '../campaign.labels';
import { actAs, CAMPAIGN_OFFICE, existing, isDate, text } from './shared';

const wrongStep = (status: string, step: string) =>
  invalidState(
    'CAMPAIGN_STATE',
    `Đợt thi đua đang ở bước "${CAMPAIGN_STATUS_LABELS[status as never] ?? status}": không thể ${step}`,
  );

/** Launching (phát động) with its document opens registration. */
export function launchCampaign(command: LaunchCampaign, state: CampaignState): CampaignLaunched[] {
  const by = actAs(command.actor, CAMPAIGN_OFFICE);
  const s = existing(state);
  if (s.status !== 'PLANNED') throw wrongStep(s.status, 'phát động');
  const number = text(command.document?.number, 'document.number', 'Cần số văn bản phát động');
  if (!isDate(command.document?.date))
    throw invalid('LAUNCH_DOCUMENT', 'Ngày văn bản phát động phải viết YYYY-MM-DD', 'document.date');
  return [
    {
      type: 'CampaignLaunched',
      data: { campaignId: command.campaignId, at: command.now, by, document: { number, date: command.document.date } },
    },
  ];
}

export function openNominations(command: OpenCampaignNominations, state: CampaignState): CampaignNominationsOpened[] {
  const by = actAs(command.actor, CAMPAIGN_OFFICE);
  const s = existing(state);
  if (s.status !== 'REGISTRATION_OPEN') throw wrongStep(s.status, 'mở nhận hồ sơ đề nghị');
  return [{ type: 'CampaignNominationsOpened', data: { campaignId: command.campaignId, at: command.now, by } }];
}

export function closeCampaign(command: CloseCampaign, state: CampaignState): CampaignClosed[] {
  const by = actAs(command.actor, CAMPAIGN_OFFICE);
  const s = existing(state);
  if (s.status === 'PLANNED' || s.status === 'CLOSED') throw wrongStep(s.status, 'kết thúc');
  return [{ type: 'CampaignClosed', data: { campaignId: command.campaignId, at: command.now, by } }];
}
