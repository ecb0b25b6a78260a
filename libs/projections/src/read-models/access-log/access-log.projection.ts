import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, upsertClause } from '../../db/read-model-db';
import type { Projection } from '../../projection';
import {
  ACCESS_LOG_COLUMNS as COLUMNS,
  ACCESS_LOG_DDL,
  ACCESS_LOG_STREAM,
  ACCESS_LOG_TABLE,
  PERSONAL_DATA_READ,
} from './access-log.schema';

/** What the API records when someone reads personal data (Decree 13/2023): the event's data. */
export interface PersonalDataReadData {
  /** The kind of record read: `nomination`, `audit-trail`, `registry`. */
  resource: string;
  nominationId?: string;
  /** The person of the register read (GET /api/people/:id). */
  personId?: string;
  /** The personal data shown: e.g. nominee.nomineeId, nominee.dateOfBirth, documents. */
  fields: string[];
  route: string;
  /** The client address as the API saw it (the proxy's X-Forwarded-For only from a trusted proxy). */
  address: string | null;
  actor: { userId: string; roles: string[]; unitId?: string };
  at: string;
}

const UPSERT = upsertClause(['position'], COLUMNS);

/** The access log the inspector lists: the `access-log` stream, one row per read. */
export class AccessLogProjection implements Projection {
  readonly name = 'access-log';
  readonly version = 1;
  readonly streamPrefixes = [ACCESS_LOG_STREAM];
  readonly tables = [ACCESS_LOG_TABLE];
  readonly ddl = ACCESS_LOG_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const rows: SqlParam[][] = [];
    for (const e of events) {
      if (e.stream !== ACCESS_LOG_STREAM || e.type !== PERSONAL_DATA_READ) continue;
      const d = e.data as PersonalDataReadData;
      rows.push([
        e.position,
        e.id,
        d.actor.userId,
        d.actor.roles.join(','),
        d.actor.unitId ?? null,
        d.at,
        d.address,
        d.route,
        d.resource,
        d.nominationId ?? null,
        JSON.stringify(d.fields),
      ]);
    }
    await insertMany(tx, ACCESS_LOG_TABLE, COLUMNS, rows, UPSERT);
  }
}
