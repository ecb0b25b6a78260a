import type { RecordedEvent } from '@tdkt/event-store';
import type { SqlExecutor, SqlParam } from '../../db/read-model-db';
import { AUDIT_COLUMNS } from './audit-trail.schema';
import { AuditTrailProjection } from './audit-trail.projection';

const event = (type: string, data: Record<string, unknown>, reason?: string): RecordedEvent => ({
  id: `e-${type}`,
  stream: 'nomination-n1',
  type,
  revision: 0,
  position: 1,
  recordedAt: '2026-11-12T02:00:00.000Z',
  data: {
    nominationId: 'n1',
    by: { userId: 'hoidong2', role: 'COUNCIL_MEMBER' },
    at: '2026-11-12T02:00:00.000Z',
    ...data,
  },
  metadata: {
    actorId: 'hoidong2',
    actorRole: 'COUNCIL_MEMBER',
    occurredAt: '2026-11-12T02:00:00.000Z',
    correlationId: 'n1',
    schemaVersion: 1,
    ...(reason ? { reason } : {}),
  },
});

async function rowOf(e: RecordedEvent): Promise<Record<string, SqlParam>> {
  const params: SqlParam[] = [];
  const tx = { run: async (_sql: string, p: SqlParam[] = []) => void params.push(...p) } as unknown as SqlExecutor;
  await new AuditTrailProjection().applyBatch(tx, [e]);
  return Object.fromEntries(AUDIT_COLUMNS.map((c, i) => [c, params[i]]));
}

describe('the audit trail does not repeat what a member wrote with a vote', () => {
  it('a vote shows its choice, not its comment (neither as comment, reason nor data)', async () => {
    const row = await rowOf(
      event('CouncilVoteCast', { choice: 'reject', inWriting: false, comment: 'Ý kiến riêng X' }, 'Ý kiến riêng X'),
    );
    expect(row.comment).toBeNull();
    expect(row.reason).toBeNull();
    expect(String(row.data)).not.toContain('Ý kiến riêng X');
    expect(String(row.data)).toContain('reject');
  });

  it('other steps keep their reason and comment', async () => {
    const row = await rowOf(
      event('ClusterEndorsed', { round: 1, comment: 'Thành tích tiêu biểu' }, 'Thành tích tiêu biểu'),
    );
    expect(row).toMatchObject({ comment: 'Thành tích tiêu biểu', reason: 'Thành tích tiêu biểu' });
  });
});
