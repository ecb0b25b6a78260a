import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  decidePerson,
  domainError,
  readablePersonUnits,
  maskPersonalId,
  mayReadPerson,
  maySeePersonalData,
  personDecider,
  personStreamName,
  planHistoryImport,
  historyEntry,
  mayRecordHistory,
  type Actor,
  type HistoryNominee,
  type ImportRow,
  type PersonCommand,
  type PersonState,
  type PriorAward,
  type RegisteredPerson,
} from '@tdkt/domain';
import { deterministicEventId, loadStream } from '@tdkt/event-store';
import { listPeople, normaliseForSearch, peopleByCitizenIdHash, peopleByIds } from '@tdkt/projections';
import type { ApiRuntime } from '../api-runtime';
import { edgeError } from '../http/errors';
import { ReadYourWrites } from '../nominations/read-your-writes';
import { API_RUNTIME } from '../tokens';
import { readHistoryRows, isoDate, type HistoryRowCells } from './award-history-xlsx';
import { CitizenIdVault } from './citizen-id-vault';
import type { ListPeopleQueryDto, MovePersonDto, RecordAwardDto, RegisterPersonDto } from './people.dto';
import {
  citizenIdHolder,
  claimCitizenId,
  handlePersonCommand,
  readNomineeHistory,
  recordHistory,
} from './people-writes';

/** The person register and award history over the event store (writes) and the people read model (lists). */
@Injectable()
export class PeopleService {
  private readonly vault?: CitizenIdVault;

  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
  ) {
    this.vault = CitizenIdVault.load(runtime.config.personalDataKeyFile, {
      create: runtime.config.mode === 'embedded',
    });
  }

  private get directory() {
    return this.runtime.directory;
  }

  private requireVault(): CitizenIdVault {
    if (!this.vault)
      throw domainError('CITIZEN_ID', 'Hệ thống chưa được cấu hình khóa bảo vệ số CCCD (TDKT_PERSONAL_DATA_KEY_FILE)', 'citizenId');
    return this.vault;
  }

  private placeOf(unitId: string) {
    return { unitId, clusterId: this.directory.unit(unitId)?.clusterId ?? null };
  }

  /** The person as this reader may see them: personal data whole or masked, as the read policy says. */
  private summary(reader: Actor, s: RegisteredPerson) {
    const whole = maySeePersonalData(reader, { unitId: s.unitId });
    let citizenId: string | null = null;
    if (s.citizenId) {
      const clear = this.vault ? this.vault.open(s.citizenId) : undefined;
      citizenId = whole && clear ? clear : maskPersonalId(clear ?? '000000000000');
    }
    return {
      id: s.personId,
      kind: 'individual' as const,
      fullName: s.fullName,
      unitId: s.unitId,
      ...(this.directory.unit(s.unitId) ? { unitName: this.directory.unit(s.unitId)!.name } : {}),
      ...(s.position ? { position: s.position } : {}),
      ...(s.gender ? { gender: s.gender } : {}),
      ...(s.directWorker !== undefined ? { directWorker: s.directWorker } : {}),
      dateOfBirth: whole ? (s.dateOfBirth ?? null) : null,
      citizenId,
    };
  }

  async register(actor: Actor, body: RegisterPersonDto, idempotencyKey?: string) {
    const unitId = body.unitId ?? actor.unitId;
    if (!unitId || !this.directory.unit(unitId))
      throw domainError('UNKNOWN_UNIT', `Không có đơn vị ${unitId ?? '(chưa chọn)'}`, 'unitId');
    const personId = idempotencyKey
      ? `p-${deterministicEventId('person', actor.userId, idempotencyKey)}`
      : `p-${randomUUID()}`;
    const now = new Date().toISOString();
    const command: Extract<PersonCommand, { type: 'RegisterPerson' }> = {
      type: 'RegisterPerson',
      personId,
      unitId,
      details: {
        fullName: body.fullName,
        ...(body.dateOfBirth ? { dateOfBirth: body.dateOfBirth } : {}),
        ...(body.gender ? { gender: body.gender } : {}),
        ...(body.position ? { position: body.position } : {}),
        ...(body.directWorker !== undefined ? { directWorker: body.directWorker } : {}),
      },
      actor,
      now,
    };
    const { state } = await loadStream(this.runtime.store, personStreamName(personId), personDecider);
    if (body.citizenId !== undefined) {
      const vault = this.requireVault();
      const sealed = vault.seal(CitizenIdVault.normalise(body.citizenId));
      // A retry keeps the first sealing (same number, same hash): the decider sees the same registration.
      const current = state.status === 'REGISTERED' ? state.citizenId : undefined;
      command.citizenId = current?.hash === sealed.hash ? current : sealed;
      decidePerson(command, state); // refusals (scope, fields) before the number is claimed
      await claimCitizenId(this.runtime.store, sealed.hash, personId, actor, now);
    }
    const handled = await handlePersonCommand(this.runtime.store, command, 'register');
    await this.ryw.reach(handled.position);
    return { id: personId };
  }

  async move(actor: Actor, personId: string, body: MovePersonDto) {
    await this.readable(actor, personId);
    if (!this.directory.unit(body.toUnitId))
      throw domainError('UNKNOWN_UNIT', `Không có đơn vị ${body.toUnitId}`, 'toUnitId');
    const handled = await handlePersonCommand(
      this.runtime.store,
      {
        type: 'MovePerson',
        personId,
        toUnitId: body.toUnitId,
        ...(body.position ? { position: body.position } : {}),
        actor,
        now: new Date().toISOString(),
      },
      randomUUID(),
    );
    await this.ryw.reach(handled.position);
    return { id: personId };
  }

  /** The person from their stream (the store is the truth), or 404 when unknown or outside the reader's scope. */
  private async readable(reader: Actor, personId: string): Promise<RegisteredPerson> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(personId)) throw domainError('PERSON_NOT_FOUND');
    const { state } = await loadStream<never, PersonState>(
      this.runtime.store,
      personStreamName(personId),
      personDecider as never,
    );
    if (state.status !== 'REGISTERED' || !mayReadPerson(reader, this.placeOf(state.unitId)))
      throw domainError('PERSON_NOT_FOUND');
    return state;
  }

  async list(reader: Actor, q: ListPeopleQueryDto) {
    const units = readablePersonUnits(reader, this.directory.org.units);
    if (units !== 'all' && units.length === 0) throw domainError('PEOPLE_NOT_ALLOWED');
    const unitIds = q.unitId ? (units === 'all' || units.includes(q.unitId) ? [q.unitId] : []) : units === 'all' ? undefined : units;
    const page = await listPeople(this.runtime.readDb, {
      ...(unitIds ? { unitIds } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.page ? { page: q.page } : {}),
      ...(q.pageSize ? { pageSize: q.pageSize } : {}),
    });
    return { ...page, items: page.items.map((r) => this.summary(reader, r.state)) };
  }

  /** Who holds this citizen ID, if the reader may see them (by its keyed hash: the number is never searched in clear). */
  async lookup(reader: Actor, citizenId: string) {
    const hash = this.requireVault().hash(CitizenIdVault.normalise(citizenId));
    const holder = await citizenIdHolder(this.runtime.store, hash);
    if (!holder) return { items: [] };
    try {
      return { items: [this.summary(reader, await this.readable(reader, holder))] };
    } catch {
      return { items: [] };
    }
  }

  async get(reader: Actor, personId: string) {
    const s = await this.readable(reader, personId);
    const { record } = await readNomineeHistory(this.runtime.store, personId);
    return {
      ...this.summary(reader, s),
      units: s.units.map((u) => ({ ...u, ...(this.directory.unit(u.unitId) ? { unitName: this.directory.unit(u.unitId)!.name } : {}) })),
      awards: record.awards.map(historyView),
    };
  }

  /** The nominee a history entry is for: a person of the register, or a unit (a collective). */
  private async nomineeFor(reader: Actor, id: string): Promise<HistoryNominee> {
    const unit = this.directory.unit(id);
    if (unit) return { nomineeId: unit.id, kind: 'collective', unitId: unit.id };
    const person = await this.readable(reader, id);
    return { nomineeId: person.personId, kind: 'individual', unitId: person.unitId };
  }

  async recordAward(actor: Actor, id: string, body: RecordAwardDto) {
    const nominee = await this.nomineeFor(actor, id);
    if (!mayRecordHistory(actor, nominee.unitId)) throw domainError('AWARD_HISTORY_NOT_ALLOWED');
    const now = new Date().toISOString();
    const award = historyEntry(body, nominee, this.runtime.catalog, now);
    const { added } = await recordHistory(this.runtime.store, {
      nomineeId: nominee.nomineeId,
      awards: [award],
      source: 'RECORDED',
      ...(this.runtime.catalog.oneAchievementOneAward ? { oneAward: this.runtime.catalog.oneAchievementOneAward } : {}),
      actor,
      now,
    });
    return { recordId: award.nominationId, recorded: added > 0 };
  }

  /** An .xlsx list, all or nothing: every bad row reported, nothing written while any row is bad. */
  async importHistory(actor: Actor, file: Buffer | undefined, dryRun: boolean) {
    if (!file?.length) throw domainError('IMPORT_FILE', 'Cần tệp .xlsx trong trường "file" (multipart/form-data)', 'file');
    const fileSha256 = createHash('sha256').update(file).digest('hex');
    const cells = await readHistoryRows(file);
    const rows = await this.resolveRows(actor, cells);
    const ids = [...new Set(rows.flatMap((r) => ('error' in r.nominee ? [] : [r.nominee.nomineeId])))];
    const histories = new Map<string, PriorAward[]>();
    for (const id of ids) histories.set(id, (await readNomineeHistory(this.runtime.store, id)).record.awards);
    const now = new Date().toISOString();
    const plan = planHistoryImport(rows, histories, actor, this.runtime.catalog, now);
    const result = {
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
      const { added } = await recordHistory(this.runtime.store, {
        nomineeId,
        awards,
        source: 'IMPORTED',
        ...(this.runtime.catalog.oneAchievementOneAward ? { oneAward: this.runtime.catalog.oneAchievementOneAward } : {}),
        actor,
        now,
      });
      imported += added;
    }
    return { ...result, imported };
  }

  /** Each row's nominee, looked up in bulk: by person id, unit id (collective) or citizen ID. */
  private async resolveRows(reader: Actor, cells: HistoryRowCells[]): Promise<ImportRow[]> {
    const personIds = cells.map((c) => c.nomineeRef).filter((r) => r && !this.directory.unit(r));
    const people = await peopleByIds(this.runtime.readDb, [...new Set(personIds)]);
    const hashes = new Map<number, string>();
    for (const c of cells)
      if (!c.nomineeRef && c.citizenId && this.vault && /^\d{12}$/.test(c.citizenId.replace(/[\s.]/g, '')))
        hashes.set(c.row, this.vault.hash(c.citizenId));
    const byHash = await peopleByCitizenIdHash(this.runtime.readDb, [...new Set(hashes.values())]);
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
      const unit = c.nomineeRef ? this.directory.unit(c.nomineeRef) : undefined;
      if (unit) {
        if (c.name && normaliseForSearch(c.name) !== normaliseForSearch(unit.name))
          return fail(`Tên tập thể "${c.name}" không khớp với đơn vị ${unit.id} (${unit.name})`);
        return { row: c.row, nominee: { nomineeId: unit.id, kind: 'collective', unitId: unit.id }, entry };
      }
      let person: RegisteredPerson | undefined;
      if (c.nomineeRef) person = people.get(c.nomineeRef);
      else if (c.citizenId) {
        if (!hashes.has(c.row)) return fail('Số CCCD gồm đúng 12 chữ số');
        person = byHash.get(hashes.get(c.row)!);
      } else return fail('Cần mã cá nhân, mã đơn vị (tập thể) hoặc số CCCD');
      const ref = c.nomineeRef || 'có số CCCD này';
      if (!person || !mayReadPerson(reader, this.placeOf(person.unitId)))
        return fail(`Không tìm thấy người ${c.nomineeRef ? `có mã ${ref}` : ref} trong danh sách nhân sự`);
      if (c.name && normaliseForSearch(c.name) !== normaliseForSearch(person.fullName))
        return fail(`Họ tên "${c.name}" không khớp với người có mã ${person.personId} (${person.fullName})`);
      return { row: c.row, nominee: { nomineeId: person.personId, kind: 'individual', unitId: person.unitId }, entry };
    });
  }
}

export function historyView(a: PriorAward) {
  return {
    recordId: a.nominationId,
    awardCode: a.awardCode,
    ...(a.awardName ? { awardName: a.awardName } : {}),
    year: a.year,
    campaignId: a.campaignId,
    ...(a.decisionNumber ? { decisionNumber: a.decisionNumber } : {}),
    ...(a.decisionDate ? { decisionDate: a.decisionDate } : {}),
    ...(a.authority ? { authority: a.authority } : {}),
    oneOff: a.oneOff,
    revoked: a.revoked === true,
  };
}
