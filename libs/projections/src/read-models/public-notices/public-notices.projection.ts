import { PUBLIC_NOTICE_STREAM_PREFIX, type PublicNoticeEvent } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, upsertClause } from '../../db/read-model-db';
import type { Projection } from '../../projection';
import { NOMINATION_STREAM_PREFIX } from '../nomination-events';
import { PUBLIC_NOTICE_COLUMNS as COLUMNS, PUBLIC_NOTICES_DDL, PUBLIC_NOTICES_TABLE } from './public-notices.schema';

const UPSERT = upsertClause(['notice_id'], COLUMNS);

/**
 * The public notice board: a row per published notice, its comment counts kept by each comment
 * and resolution (in log order, in the transaction that moves the checkpoint: counted once).
 */
export class PublicNoticesProjection implements Projection {
  readonly name = 'public-notices';
  readonly version = 1;
  /** Nomination streams too (nothing written for them): the checkpoint advances with the log, as for sessions. */
  readonly streamPrefixes = [PUBLIC_NOTICE_STREAM_PREFIX, NOMINATION_STREAM_PREFIX];
  readonly tables = [PUBLIC_NOTICES_TABLE];
  readonly ddl = PUBLIC_NOTICES_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    for (const e of events) {
      if (!e.stream.startsWith(PUBLIC_NOTICE_STREAM_PREFIX)) continue;
      const event = { type: e.type, data: e.data } as PublicNoticeEvent;
      switch (event.type) {
        case 'PublicNoticePublished': {
          const d = event.data;
          const row = [d.noticeId, d.title, d.at, d.startsAt, d.endsAt, d.workingDays, JSON.stringify(d.items), 0, 0];
          await insertMany(tx, PUBLIC_NOTICES_TABLE, COLUMNS, [[...row, e.position]], UPSERT);
          break;
        }
        case 'PublicCommentReceived':
          await tx.run(
            `UPDATE ${PUBLIC_NOTICES_TABLE} SET comments = comments + 1, open_comments = open_comments + 1, position = ? WHERE notice_id = ?`,
            [e.position, event.data.noticeId],
          );
          break;
        case 'PublicCommentResolved':
          await tx.run(
            `UPDATE ${PUBLIC_NOTICES_TABLE} SET open_comments = open_comments - 1, position = ? WHERE notice_id = ?`,
            [e.position, event.data.noticeId],
          );
          break;
      }
    }
  }
}
