import { invalidState } from '../../shared/errors';
import type { EscalateStage, IssueStageReminder } from '../nomination.commands';
import type { StageEscalated, StageReminderIssued } from '../nomination.events';
import { awaiting } from '../nomination.guard';
import type { ExistingNomination } from '../nomination.state';
import { Common, instant } from './shared';

/** Checks shared by reminder and escalation: the stage is the current one, and not yet escalated in this visit. */
function stageNotice(command: IssueStageReminder | EscalateStage, s: ExistingNomination, common: Common) {
  if (s.status !== command.stage || s.onHold)
    throw invalidState('STAGE_PASSED', `Hồ sơ không còn ở bước ${command.stage}`);
  instant(command.dueAt, 'dueAt');
  // Once per visit of a stage: a second reminder, or a reminder after escalation, is noise.
  if (s.sla?.escalated) throw invalidState('ALREADY_ESCALATED', `Bước ${command.stage} đã được báo cáo cấp trên`);
  return { ...common, stage: command.stage, dueAt: command.dueAt, awaiting: awaiting(s) };
}

export function issueStageReminder(
  command: IssueStageReminder,
  s: ExistingNomination,
  common: Common,
): StageReminderIssued[] {
  const data = stageNotice(command, s, common);
  if (s.sla?.reminded) throw invalidState('ALREADY_REMINDED', `Bước ${command.stage} đã được nhắc hạn`);
  return [{ type: 'StageReminderIssued', data }];
}

export function escalateStage(command: EscalateStage, s: ExistingNomination, common: Common): StageEscalated[] {
  const data = stageNotice(command, s, common);
  if (instant(command.now, 'now') < instant(command.dueAt, 'dueAt'))
    throw invalidState('NOT_OVERDUE', `Bước ${command.stage} chưa quá hạn (${command.dueAt})`);
  const escalatedTo =
    command.stage === 'COUNCIL_VOTING' || command.stage === 'AWAITING_SIGNATURE' || command.stage === 'OFFICE_CHECK'
      ? 'CHAIRMAN'
      : 'COUNCIL_SECRETARY';
  return [{ type: 'StageEscalated', data: { ...data, escalatedTo } }];
}
