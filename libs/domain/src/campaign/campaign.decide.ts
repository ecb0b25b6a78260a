import type { CampaignCommand } from './campaign.commands';
import type { CampaignEvent } from './campaign.events';
import type { CampaignState } from './campaign.state';
import { createCampaign } from './commands/create';
import { closeCampaign, launchCampaign, openNominations } from './commands/lifecycle';
import { registerForCampaign } from './commands/registration';

export function decideCampaign(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'CreateCampaign':
      return createCampaign(command, state);
    case 'LaunchCampaign':
      return launchCampaign(command, state);
    case 'OpenCampaignNominations':
      return openNominations(command, state);
    case 'CloseCampaign':
      return closeCampaign(command, state);
    case 'RegisterForCampaign':
      return registerForCampaign(command, state);
    default: {
      const never: never = command;
      throw new Error(`unknown campaign command ${(never as { type: string }).type}`);
    }
  }
}
