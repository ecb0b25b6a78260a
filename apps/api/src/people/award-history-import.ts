/**
 * The award-history import (POST /api/imports/award-history), all or nothing: read the .xlsx, look
 * each row's nominee up (person id, unit id for a collective, or citizen ID by its keyed hash), read
 * their histories, plan with the domain (`planHistoryImport`: every bad row with its reason), and
 * only when no row is bad record the entries, one append per nominee. Entry ids derive from award,
 * year and decision, so the same file twice adds nothing. A crash midway leaves some nominees
 * recorded and the rest not: sending the same file again completes it (the recorded ones are skipped).
 */
import { BadRequestException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { OrganisationDirectory } from '@tdkt/config';
import {
  domainError,
  mayReadPerson,
  planHistoryImport,
  type Actor,
  type AwardCatalog,
  type ImportRow,
  type PriorAward,
  type RegisteredPerson,
  parentUnitOf,
  type SubUnit,
} from '@tdkt/domain';
import type { EventStore } from '@tdkt/event-store';
import { normaliseForSearch, peopleByCitizenIdHash, peopleByIds, type ReadModelDb } from '@tdkt/projections';
import { edgeError } from '../http/errors';
import { isoDate, readHistoryRows, type HistoryRowCells } from './award-history-xlsx';
import type { CitizenIdVault } from './citizen-id-vault';
import { readNomineeHistory, recordHistory } from './people-writes';
import { subUnitsOf } from './sub-units';

export interface ImportDeps {
  store: EventStore;
  readDb: ReadModelDb;
  directory: OrganisationDirectory;
  catalog: AwardCatalog;
  vault?: CitizenIdVault;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  imported: number;
  alreadyRecorded: number;
  errors: { row: number; field?: string; reason: string }[];
  fileSha256: string;
}

export async function importAwardHistory(
  deps: ImportDeps,
  actor: Actor,
  file: Buffer | undefined,
  dryRun: boolean,
): Promise<ImportResult> {
  if (!file?.length)
    throw domainError('IMPORT_FILE', 'Cần tệp .xlsx trong trường "file" (multipart/form-data)', 'file');
  const fileSha256 = createHash('sha256').update(file).digest('hex');
  const cells = await readHistoryRows(file);
  const rows = await resolveRows(deps, actor, cells);
  const ids = [...new Set(rows.flatMap((r) => ('error' in r.nominee ? [] : [r.nominee.nomineeId])))];
  const histories = new Map<string, PriorAward[]>();
  for (const id of ids) histories.set(id, (await readNomineeHistory(deps.store, id)).record.awards);
  const now = new Date().toISOString();
  const plan = planHistoryImport(rows, histories, actor, deps.catalog, now);
  const result: ImportResult = {
    dryRun,
    rows: rows.length,
    imported: plan.toRecord.length,
    alreadyRecorded: plan.alreadyRecorded,
    errors: plan.errors,
    fileSha256,
  };
  if (plan.errors.length && !dryRun)
    throw new BadRequestException({
      ...edgeError('VALIDATION'),
      code: 'IMPORT_ROWS',
      message: `Không nhập dòng nào: ${plan.errors.length} dòng sai (${plan.errors
        .slice(0, 5)
        .map((e) => `dòng ${e.row}`)
        .join(', ')}${plan.errors.length > 5 ? ', …' : ''})`,
      errors: plan.errors.map((e) => ({
        field: `rows[${e.row}]${e.field ? `.${e.field}` : ''}`,
        reasons: [`Dòng ${e.row}: ${e.reason}`],
      })),
    });
  if (dryRun) return result;
  const byNominee = new Map<string, PriorAward[]>();
  for (const r of plan.toRecord) byNominee.set(r.nomineeId, [...(byNominee.get(r.nomineeId) ?? []), r.award]);
  let imported = 0;
  for (const [nomineeId, awards] of byNominee) {
    const { added } = await recordHistory(deps.store, {
      nomineeId,
      awards,
      source: 'IMPORTED',
      ...(deps.catalog.oneAchievementOneAward ? { oneAward: deps.catalog.oneAchievementOneAward } : {}),
      actor,
      now,
    });
    imported += added;
  }
  return { ...result, imported };
}

/** Each row's nominee, looked up in bulk: by person id, unit or sub-unit id (collective) or citizen ID (keyed hash). */
async function resolveRows(deps: ImportDeps, reader: Actor, cells: HistoryRowCells[]): Promise<ImportRow[]> {
  const { directory, vault } = deps;
  const placeOf = (unitId: string) => ({ unitId, clusterId: directory.unit(unitId)?.clusterId ?? null });
  // Sub-units: each parent unit's list read once.
  const subUnits = new Map<string, SubUnit>();
  const parents = new Set(cells.map((c) => (c.nomineeRef ? parentUnitOf(c.nomineeRef) : undefined)));
  for (const parent of parents)
    if (parent && directory.unit(parent))
      for (const s of (await subUnitsOf(deps.store, parent)).subUnits) subUnits.set(s.subUnitId, s);
  const personIds = cells.map((c) => c.nomineeRef).filter((r) => r && !directory.unit(r) && !subUnits.has(r));
  const people = await peopleByIds(deps.readDb, [...new Set(personIds)]);
  const hashes = new Map<number, string>();
  for (const c of cells)
    if (!c.nomineeRef && c.citizenId && vault && /^\d{12}$/.test(c.citizenId.replace(/[\s.]/g, '')))
      hashes.set(c.row, vault.hash(c.citizenId));
  const byHash = await peopleByCitizenIdHash(deps.readDb, [...new Set(hashes.values())]);
  return cells.map((c) => {
    const entry = {
      awardCode: c.awardCode,
      ...(c.awardName ? { awardName: c.awardName } : {}),
      year: /^\d{4}$/.test(c.year) ? Number(c.year) : Number.NaN,
      decisionNumber: c.decisionNumber,
      decisionDate: isoDate(c.decisionDate),
      authority: c.authority,
      oneOff: /^(x|có|co|yes|true|1)$/i.test(c.oneOff.trim()),
    };
    const fail = (error: string): ImportRow => ({ row: c.row, nominee: { error }, entry });
    const unit = c.nomineeRef ? directory.unit(c.nomineeRef) : undefined;
    if (unit) {
      if (c.name && normaliseForSearch(c.name) !== normaliseForSearch(unit.name))
        return fail(`Tên tập thể "${c.name}" không khớp với đơn vị ${unit.id} (${unit.name})`);
      return { row: c.row, nominee: { nomineeId: unit.id, kind: 'collective', unitId: unit.id }, entry };
    }
    const subUnit = c.nomineeRef ? subUnits.get(c.nomineeRef) : undefined;
    if (subUnit) {
      if (c.name && normaliseForSearch(c.name) !== normaliseForSearch(subUnit.name))
        return fail(`Tên tập thể "${c.name}" không khớp với bộ phận ${subUnit.subUnitId} (${subUnit.name})`);
      return {
        row: c.row,
        nominee: { nomineeId: subUnit.subUnitId, kind: 'collective', unitId: subUnit.unitId },
        entry,
      };
    }
    let person: RegisteredPerson | undefined;
    if (c.nomineeRef) person = people.get(c.nomineeRef);
    else if (c.citizenId) {
      if (!vault) return fail('Hệ thống chưa được cấu hình khóa bảo vệ số CCCD: dùng mã cá nhân');
      if (!hashes.has(c.row)) return fail('Số CCCD gồm đúng 12 chữ số');
      person = byHash.get(hashes.get(c.row)!);
    } else return fail('Cần mã cá nhân, mã đơn vị (tập thể) hoặc số CCCD');
    // Someone the reader may not see is answered as someone who does not exist.
    if (!person || !mayReadPerson(reader, placeOf(person.unitId)))
      return fail(
        c.nomineeRef
          ? `Không tìm thấy người có mã ${c.nomineeRef} trong danh sách nhân sự`
          : 'Không tìm thấy người có số CCCD này trong danh sách nhân sự',
      );
    if (c.name && normaliseForSearch(c.name) !== normaliseForSearch(person.fullName))
      return fail(`Họ tên "${c.name}" không khớp với người có mã ${person.personId} (${person.fullName})`);
    return { row: c.row, nominee: { nomineeId: person.personId, kind: 'individual', unitId: person.unitId }, entry };
  });
}
