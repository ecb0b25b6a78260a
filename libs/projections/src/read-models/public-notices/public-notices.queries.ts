import type { NoticeItem } from '@tdkt/domain';
import type { ReadModelDb, Row } from '../../db/read-model-db';
import { PUBLIC_NOTICES_TABLE } from './public-notices.schema';

export interface PublicNoticeView {
  id: string;
  title: string;
  publishedAt: string;
  startsAt: string;
  /** Comments close and the council may vote (comments resolved) from then on. */
  endsAt: string;
  workingDays: number;
  items: NoticeItem[];
  comments: number;
  openComments: number;
}

const view = (r: Row): PublicNoticeView => ({
  id: String(r.notice_id),
  title: String(r.title),
  publishedAt: String(r.published_at),
  startsAt: String(r.starts_at),
  endsAt: String(r.ends_at),
  workingDays: Number(r.working_days),
  items: JSON.parse(String(r.items)) as NoticeItem[],
  comments: Number(r.comments),
  openComments: Number(r.open_comments),
});

/** Notices still taking comments at `now` (ISO, UTC): ending last first. */
export async function listOpenNotices(db: ReadModelDb, now: string): Promise<PublicNoticeView[]> {
  const rows = await db.all(
    `SELECT * FROM ${PUBLIC_NOTICES_TABLE} WHERE starts_at <= ? AND ends_at > ? ORDER BY ends_at DESC, notice_id ASC`,
    [now, now],
  );
  return rows.map(view);
}
