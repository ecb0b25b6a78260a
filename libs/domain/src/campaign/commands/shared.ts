import { actingAs, hasRole, type Actor, type Role } from '../../shared/actor';
import { domainError, forbidden, invalid } from '../../shared/errors';
import type { CampaignState, ExistingCampaign } from '../campaign.state';

/** The campaign's office: the council's standing secretariat (Ban Thi đua – Khen thưởng). */
export const CAMPAIGN_OFFICE: Role = 'COUNCIL_SECRETARY';

export function actAs(actor: Actor, role: Role) {
  if (!hasRole(actor, role))
    throw forbidden(
      'ROLE_REQUIRED',
      role === CAMPAIGN_OFFICE ? 'Chỉ Ban Thi đua – Khen thưởng điều hành đợt thi đua' : `Cần vai trò ${role}`,
    );
  return actingAs(actor, role);
}

export function existing(state: CampaignState): ExistingCampaign {
  if (state.status === 'NONE') throw domainError('CAMPAIGN_NOT_FOUND');
  return state;
}

export function text(value: unknown, field: string, message: string): string {
  if (typeof value !== 'string' || !value.trim()) throw invalid('REQUIRED', message, field);
  return value.trim();
}

export const isDate = (d: unknown): d is string =>
  typeof d === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
