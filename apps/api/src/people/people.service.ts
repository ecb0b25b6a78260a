import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  decidePerson,
  domainError,
  readablePersonUnits,
  maskPersonalId,
  mayReadPerson,
  maySeePersonalData,
  personDecider,
  personStreamName,
  historyEntry,
  mayRecordHistory,
  type Actor,
  type HistoryNominee,
  type PersonCommand,
  type PersonState,
  type PriorAward,
  type RegisteredPerson,
} from '@tdkt/domain';
import { deterministicEventId, loadStream } from '@tdkt/event-store';
import { listPeople } from '@tdkt/projections';
import type { ApiRuntime } from '../api-runtime';
import { ReadYourWrites } from '../nominations/read-your-writes';
import { API_RUNTIME } from '../tokens';
import { importAwardHistory } from './award-history-import';
import { CitizenIdVault } from './citizen-id-vault';
import { findSubUnit } from './sub-units';
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
      throw domainError(
        'CITIZEN_ID',
        'Hệ thống chưa được cấu hình khóa bảo vệ số CCCD (TDKT_PERSONAL_DATA_KEY_FILE)',
        'citizenId',
      );
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
    const unitIds = q.unitId
      ? units === 'all' || units.includes(q.unitId)
        ? [q.unitId]
        : []
      : units === 'all'
        ? undefined
        : units;
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
      units: s.units.map((u) => ({
        ...u,
        ...(this.directory.unit(u.unitId) ? { unitName: this.directory.unit(u.unitId)!.name } : {}),
      })),
      awards: record.awards.map(historyView),
    };
  }

  /** The nominee a history entry is for: a person of the register, or a unit (a collective). */
  private async nomineeFor(reader: Actor, id: string): Promise<HistoryNominee> {
    const unit = this.directory.unit(id);
    if (unit) return { nomineeId: unit.id, kind: 'collective', unitId: unit.id };
    // A sub-unit (phòng, tổ, khoa…): a collective of its own, under its unit's head.
    const subUnit = await findSubUnit(this.runtime.store, id);
    if (subUnit) return { nomineeId: subUnit.subUnitId, kind: 'collective', unitId: subUnit.unitId };
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
    return importAwardHistory(
      {
        store: this.runtime.store,
        readDb: this.runtime.readDb,
        directory: this.directory,
        catalog: this.runtime.catalog,
        ...(this.vault ? { vault: this.vault } : {}),
      },
      actor,
      file,
      dryRun,
    );
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
