import { findAward, type AwardCatalog } from '../catalog/award-catalog';
import { duplicateAwardMessage, findDuplicateAward } from '../eligibility/one-award';
import type { PriorAward } from '../nomination/nomination.types';
import { hasRole, type Actor } from '../shared/actor';
import { domainError, invalid, DomainError } from '../shared/errors';

/**
 * Award history entries the unit head records: awards the unit decides itself (Lao động tiên tiến,
 * Chiến sĩ thi đua cơ sở, Giấy khen) and awards from elsewhere (ministries, central level), each with
 * its decision number, date and authority. One entry is one `NomineeAwardRecorded` on the nominee's
 * record; its id derives from what it says (award, year, decision), so recording it again — or
 * importing the same list twice — adds nothing.
 */
export interface HistoryEntryInput {
  awardCode: string;
  /** Required for an award the catalog does not list (e.g. a ministry's Bằng khen). */
  awardName?: string;
  year: number;
  decisionNumber: string;
  /** YYYY-MM-DD. */
  decisionDate: string;
  authority: string;
  oneOff?: boolean;
}

/** The nominee an entry is for, as the register knows them. */
export interface HistoryNominee {
  nomineeId: string;
  kind: 'individual' | 'collective';
  /** The unit the person works in now (a collective: itself, or its parent unit). */
  unitId: string;
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
const isDate = (d: string) => {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
};
const squash = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ');

/** The record id of an entry: the same award, year and decision is the same entry. */
export const historyRecordId = (e: Pick<HistoryEntryInput, 'awardCode' | 'year' | 'decisionNumber'>) =>
  `hist-${e.awardCode}-${e.year}-${squash(e.decisionNumber).toUpperCase().replace(/\s/g, '')}`;

/** Whether this actor records history for a nominee of this unit: its unit head, or the office. */
export function mayRecordHistory(actor: Actor, unitId: string): boolean {
  return hasRole(actor, 'COUNCIL_SECRETARY') || (hasRole(actor, 'UNIT_HEAD') && actor.unitId === unitId);
}

/** Checks one entry and turns it into the award the record holds (throws a VALIDATION error naming the field). */
export function historyEntry(
  input: HistoryEntryInput,
  nominee: HistoryNominee,
  catalog: AwardCatalog,
  now: string,
): PriorAward {
  const awardCode = squash(input.awardCode).toUpperCase();
  if (!/^[A-Z0-9_]+$/.test(awardCode))
    throw invalid('AWARD_RECORD', 'Mã hình thức khen thưởng viết hoa, ví dụ CSTD_CO_SO', 'awardCode');
  const award = findAward(catalog, awardCode);
  if (!award && !squash(input.awardName))
    throw invalid(
      'AWARD_RECORD',
      `Không có ${awardCode} trong danh mục: cần ghi tên hình thức khen thưởng`,
      'awardName',
    );
  if (award && award.recipient !== 'both' && award.recipient !== nominee.kind)
    throw invalid(
      'AWARD_RECORD',
      `${award.name} chỉ dành cho ${award.recipient === 'individual' ? 'cá nhân' : 'tập thể'}`,
      'awardCode',
    );
  const thisYear = Number(now.slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 1945 || input.year > thisYear)
    throw invalid('AWARD_RECORD', `Năm thành tích phải là số năm từ 1945 đến ${thisYear}`, 'year');
  const decisionNumber = squash(input.decisionNumber);
  if (!decisionNumber) throw invalid('AWARD_RECORD', 'Cần số quyết định khen thưởng', 'decisionNumber');
  if (!isDate(squash(input.decisionDate)))
    throw invalid(
      'AWARD_RECORD',
      'Ngày quyết định phải viết YYYY-MM-DD (hoặc là ô ngày) và là ngày có thật',
      'decisionDate',
    );
  const decisionDate = squash(input.decisionDate);
  if (decisionDate > now.slice(0, 10))
    throw invalid('AWARD_RECORD', 'Ngày quyết định không được sau ngày hôm nay', 'decisionDate');
  if (Number(decisionDate.slice(0, 4)) < input.year)
    throw invalid('AWARD_RECORD', 'Quyết định không thể ban hành trước năm của thành tích', 'decisionDate');
  const authority = squash(input.authority);
  if (!authority) throw invalid('AWARD_RECORD', 'Cần cơ quan/người ra quyết định', 'authority');
  return {
    awardCode,
    ...(award ? {} : { awardName: squash(input.awardName) }),
    campaignId: `history-${input.year}`,
    year: input.year,
    nominationId: historyRecordId({ awardCode, year: input.year, decisionNumber }),
    decisionNumber,
    decisionDate,
    authority,
    oneOff: input.oneOff === true,
    ...(award?.thematic ? { thematic: true } : {}),
  };
}

/** One row of an import, its nominee already looked up (or the reason it could not be). */
export interface ImportRow {
  /** The spreadsheet's row number (as the user sees it). */
  row: number;
  nominee: HistoryNominee | { error: string };
  entry: HistoryEntryInput;
}

export interface RowError {
  row: number;
  field?: string;
  reason: string;
}

export interface ImportPlan {
  /** Every bad row with its reason: when any, nothing is imported. */
  errors: RowError[];
  /** What to record, per nominee, in row order; entries already held are left out (idempotent). */
  toRecord: { row: number; nomineeId: string; award: PriorAward }[];
  /** Rows already in the history (same award, year and decision): nothing to add. */
  alreadyRecorded: number;
}

/**
 * Plans an import all or nothing: every row is checked (who may record it, its fields, "one
 * achievement, one award" against the history and against the file's other rows), every bad row
 * is reported, and only a list without a bad row is recorded.
 */
export function planHistoryImport(
  rows: readonly ImportRow[],
  histories: ReadonlyMap<string, readonly PriorAward[]>,
  actor: Actor,
  catalog: AwardCatalog,
  now: string,
): ImportPlan {
  const errors: RowError[] = [];
  const toRecord: ImportPlan['toRecord'] = [];
  const planned = new Map<string, PriorAward[]>();
  let alreadyRecorded = 0;
  for (const { row, nominee, entry } of rows) {
    try {
      if ('error' in nominee) throw invalid('AWARD_RECORD', nominee.error, 'nominee');
      if (!mayRecordHistory(actor, nominee.unitId)) throw domainError('AWARD_HISTORY_NOT_ALLOWED');
      const award = historyEntry(entry, nominee, catalog, now);
      const held = histories.get(nominee.nomineeId) ?? [];
      const fromFile = planned.get(nominee.nomineeId) ?? [];
      if (held.some((a) => a.nominationId === award.nominationId)) {
        alreadyRecorded++;
        continue;
      }
      if (fromFile.some((a) => a.nominationId === award.nominationId))
        throw invalid('AWARD_RECORD', 'Dòng này trùng một dòng khác của tệp', 'decisionNumber');
      const candidate = {
        awardCode: award.awardCode,
        year: award.year,
        oneOff: award.oneOff,
        recordId: award.nominationId,
      };
      const dup = findDuplicateAward([...held, ...fromFile], candidate, catalog.oneAchievementOneAward);
      if (dup)
        throw invalid(
          'AWARD_RECORD',
          duplicateAwardMessage(dup, candidate, catalog.oneAchievementOneAward),
          'awardCode',
        );
      planned.set(nominee.nomineeId, [...fromFile, award]);
      toRecord.push({ row, nomineeId: nominee.nomineeId, award });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      errors.push({ row, ...(e.field ? { field: e.field } : {}), reason: e.message });
    }
  }
  return { errors, toRecord: errors.length ? [] : toRecord, alreadyRecorded };
}
