import { actingAs, hasRole, type ActingAs, type Actor, type Role } from '../shared/actor';
import { domainError, forbidden } from '../shared/errors';
import { roleLabel } from '../shared/labels';
import type { AwardDecisionCommandType } from './award-decision.commands';
import type { AwardDecisionState, ExistingDecision } from './award-decision.state';

const STATUS_LABEL: Record<ExistingDecision['status'], string> = {
  DRAFT: 'dự thảo',
  SIGNED: 'đã ký, chờ vào sổ',
  ISSUED: 'đã ban hành',
  APPLIED: 'đã ban hành',
  DECLINED: 'không ký',
};

function as(actor: Actor, ...roles: Role[]): ActingAs {
  const role = roles.find((r) => hasRole(actor, r));
  if (!role) throw forbidden('ROLE_REQUIRED', `Thao tác này cần vai trò ${roles.map(roleLabel).join(' hoặc ')}`);
  return actingAs(actor, role);
}

function draft(s: ExistingDecision) {
  if (s.status !== 'DRAFT')
    throw domainError(
      'DECISION_NOT_DRAFT',
      `Quyết định đang ở trạng thái "${STATUS_LABEL[s.status]}", không còn là dự thảo`,
    );
}

/**
 * Role and stage of each decision command, before any context is loaded (the workflow's Update
 * validators run it too). Separation of duties per recipient is the nomination's own rule
 * (`guard('SignAwardDecision', …)` on each listed nomination), asked by the signature's activity.
 */
export function guardDecision(type: AwardDecisionCommandType, actor: Actor, state: AwardDecisionState): ActingAs {
  if (type === 'DraftDecision') {
    // A revocation decision is drafted and signed by the Chairman in one step; award decisions by the office.
    const by = as(actor, 'COUNCIL_SECRETARY', 'CHAIRMAN');
    if (state.status !== 'NONE') throw domainError('AWARD_DECISION_EXISTS');
    return by;
  }
  if (type === 'IssueRevocation' || type === 'IssueSingleDecision') {
    // Revoking an award, or signing one nomination alone: the Chairman's decision, drafted and signed at once.
    const by = as(actor, 'CHAIRMAN');
    if (state.status !== 'NONE') throw domainError('AWARD_DECISION_EXISTS');
    return by;
  }
  if (state.status === 'NONE') throw domainError('AWARD_DECISION_NOT_FOUND');
  switch (type) {
    case 'RemoveRecipient': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      draft(state);
      return by;
    }
    case 'SignDecision':
    case 'DeclineDecision': {
      const by = as(actor, 'CHAIRMAN');
      draft(state);
      return by;
    }
    case 'RegisterDecisionNumber': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      if (state.status !== 'SIGNED')
        throw domainError(
          'DECISION_NOT_SIGNED',
          `Chỉ vào sổ quyết định đã ký mà chưa có số (trạng thái: ${STATUS_LABEL[state.status]})`,
        );
      return by;
    }
    case 'RecordDecisionApplied': {
      const by = as(actor, 'SYSTEM');
      if (state.status !== 'ISSUED' && state.status !== 'APPLIED')
        throw domainError('DECISION_NOT_SIGNED', 'Quyết định chưa được ban hành');
      return by;
    }
  }
}
