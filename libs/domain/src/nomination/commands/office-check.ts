import { invalid } from '../../shared/errors';
import type { RecordOfficeCheck } from '../nomination.commands';
import type { OfficeCheckPassed, OfficeCheckReturned } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import type { Common } from './shared';

const MAX_MISSING = 50;

/**
 * The office's check (thẩm định) of a dossier: complete → the council; incomplete → back to the
 * unit with what is missing listed (at least one item), so the unit knows what to add before it
 * resubmits.
 */
export function recordOfficeCheck(
  command: RecordOfficeCheck,
  s: ExistingNomination,
  common: Common,
): (OfficeCheckPassed | OfficeCheckReturned)[] {
  switch (command.result) {
    case 'complete':
      return [{ type: 'OfficeCheckPassed', data: { ...common, round: s.round } }];
    case 'incomplete': {
      const raw = Array.isArray(command.missing) ? command.missing : [];
      const missing = [...new Set(raw.map((m) => (typeof m === 'string' ? m.trim() : '')).filter((m) => m))];
      if (missing.length === 0)
        throw invalid('REQUIRED', 'Hồ sơ chưa đầy đủ phải nêu các thành phần còn thiếu', 'missing');
      if (missing.length > MAX_MISSING || missing.some((m) => m.length > 500))
        throw invalid('MISSING_ITEMS', `Tối đa ${MAX_MISSING} thành phần, mỗi thành phần tối đa 500 ký tự`, 'missing');
      const reasons = `Hồ sơ chưa đầy đủ, cần bổ sung: ${missing.join('; ')}${common.comment ? `. ${common.comment}` : ''}`;
      return [{ type: 'OfficeCheckReturned', data: { ...common, round: s.round, missing, reasons } }];
    }
    default:
      throw invalid('OFFICE_CHECK_RESULT', 'result phải là complete hoặc incomplete', 'result');
  }
}
