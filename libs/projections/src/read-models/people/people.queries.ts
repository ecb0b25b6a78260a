import type { RegisteredPerson } from '@tdkt/domain';
import { placeholders, type ReadModelDb, type SqlParam } from '../../db/read-model-db';
import { normaliseForSearch } from '../../normalise';
import { paging, type Page } from '../paging';
import { PEOPLE_TABLE } from './people.schema';

export interface PersonRow {
  state: RegisteredPerson;
  position: number;
}

export interface ListPeopleQuery {
  /** Only people currently in these units; undefined: every unit. */
  unitIds?: string[];
  /** Words of the name, accents ignored. */
  q?: string;
  citizenIdHash?: string;
  page?: number;
  pageSize?: number;
}

/** People of the register, by name, within the units given (the reader's scope). */
export async function listPeople(db: ReadModelDb, query: ListPeopleQuery = {}): Promise<Page<PersonRow>> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (query.unitIds) {
    if (query.unitIds.length === 0) where.push('1 = 0');
    else {
      where.push(`unit_id IN (${placeholders(query.unitIds.length)})`);
      params.push(...query.unitIds);
    }
  }
  for (const word of normaliseForSearch(query.q).split(' ').filter(Boolean)) {
    where.push('name_key LIKE ?');
    params.push(`%${word}%`);
  }
  if (query.citizenIdHash) {
    where.push('citizen_id_hash = ?');
    params.push(query.citizenIdHash);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { page, pageSize, offset } = paging(query.page, query.pageSize);
  const total = Number((await db.get(`SELECT COUNT(*) AS n FROM ${PEOPLE_TABLE} ${clause}`, params))?.n ?? 0);
  const rows = await db.all(
    `SELECT state, position FROM ${PEOPLE_TABLE} ${clause} ORDER BY name_key, person_id LIMIT ? OFFSET ?`,
    [...params, pageSize, offset],
  );
  return {
    items: rows.map((r) => ({ state: JSON.parse(String(r.state)), position: Number(r.position) })),
    total,
    page,
    pageSize,
  };
}

/** People by id (those the register holds), for look-ups in bulk (an import). */
export async function peopleByIds(db: ReadModelDb, ids: readonly string[]): Promise<Map<string, RegisteredPerson>> {
  const out = new Map<string, RegisteredPerson>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.all(`SELECT state FROM ${PEOPLE_TABLE} WHERE person_id IN (${placeholders(chunk.length)})`, [
      ...chunk,
    ]);
    for (const r of rows) {
      const s = JSON.parse(String(r.state)) as RegisteredPerson;
      out.set(s.personId, s);
    }
  }
  return out;
}

/** People by the keyed hash of their citizen ID, for look-ups in bulk. */
export async function peopleByCitizenIdHash(
  db: ReadModelDb,
  hashes: readonly string[],
): Promise<Map<string, RegisteredPerson>> {
  const out = new Map<string, RegisteredPerson>();
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    const rows = await db.all(
      `SELECT state FROM ${PEOPLE_TABLE} WHERE citizen_id_hash IN (${placeholders(chunk.length)})`,
      [...chunk],
    );
    for (const r of rows) {
      const s = JSON.parse(String(r.state)) as RegisteredPerson;
      if (s.citizenId) out.set(s.citizenId.hash, s);
    }
  }
  return out;
}
