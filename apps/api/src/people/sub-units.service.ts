import { Inject, Injectable } from '@nestjs/common';
import {
  domainError,
  mayReadPerson,
  readablePersonUnits,
  SUB_UNIT_KIND_LABELS,
  type Actor,
  type SubUnit,
} from '@tdkt/domain';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';
import { readNomineeHistory } from './people-writes';
import { historyView } from './people.service';
import { findSubUnit, registerSubUnit, subUnitsOf } from './sub-units';
import type { RegisterSubUnitDto } from './sub-units.dto';

/** Sub-units of a unit as collectives: registered by the unit (or the office), read like its people. */
@Injectable()
export class SubUnitsService {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  private unit(unitId: string, field?: string) {
    const unit = this.runtime.directory.unit(unitId);
    if (!unit) throw domainError('UNKNOWN_UNIT', `Không có đơn vị ${unitId}`, field);
    return unit;
  }

  private view(s: SubUnit) {
    return {
      id: s.subUnitId,
      kind: 'collective' as const,
      unitId: s.unitId,
      unitName: this.runtime.directory.unit(s.unitId)?.name ?? s.unitId,
      name: s.name,
      subUnitKind: s.kind,
      subUnitKindLabel: SUB_UNIT_KIND_LABELS[s.kind],
      registeredAt: s.registeredAt,
    };
  }

  async register(actor: Actor, unitId: string, body: RegisterSubUnitDto) {
    this.unit(unitId, 'unitId');
    const { subUnit } = await registerSubUnit(this.runtime.store, {
      type: 'RegisterSubUnit',
      unitId,
      name: body.name,
      kind: body.kind,
      actor,
      now: new Date().toISOString(),
    });
    return this.view(subUnit);
  }

  async list(reader: Actor, unitId: string) {
    const unit = this.unit(unitId, 'unitId');
    const readable = readablePersonUnits(reader, [unit]);
    if (readable !== 'all' && readable.length === 0) throw domainError('PEOPLE_NOT_ALLOWED');
    return { items: (await subUnitsOf(this.runtime.store, unitId)).subUnits.map((s) => this.view(s)) };
  }

  /** One sub-unit with its award history; unknown or outside the reader's scope: the same 404. */
  async get(reader: Actor, id: string) {
    const found = await findSubUnit(this.runtime.store, id);
    const clusterId = found ? (this.runtime.directory.unit(found.unitId)?.clusterId ?? null) : null;
    if (!found || !mayReadPerson(reader, { unitId: found.unitId, clusterId })) throw domainError('SUB_UNIT_NOT_FOUND');
    const { record } = await readNomineeHistory(this.runtime.store, found.subUnitId);
    return { ...this.view(found), awards: record.awards.map(historyView) };
  }
}
