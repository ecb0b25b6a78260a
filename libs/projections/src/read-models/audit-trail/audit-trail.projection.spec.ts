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

describe('a dossier upload is in the nomination’s audit trail', () => {
  const upload = (replaces?: string): RecordedEvent => ({
    id: 'e-upload',
    stream: 'dossier-n1',
    type: 'DossierDocumentAdded',
    revision: 0,
    position: 7,
    recordedAt: '2026-11-12T03:00:00.000Z',
    data: {
      nominationId: 'n1',
      documentType: 'TO_TRINH',
      hash: 'ab'.repeat(32),
      size: 1234,
      mediaType: 'application/pdf',
      fileName: 'to-trinh-2026.pdf',
      ...(replaces ? { replaces } : {}),
      by: { userId: 'canbo.donvi1', role: 'UNIT_OFFICER', unitId: 'donvi1' },
      at: '2026-11-12T03:00:00.000Z',
    },
    metadata: {
      actorId: 'canbo.donvi1',
      actorRole: 'UNIT_OFFICER',
      occurredAt: '2026-11-12T03:00:00.000Z',
      correlationId: 'n1',
      schemaVersion: 1,
    },
  });

  it('names who, in which role and unit, when, which document type and file, and its hash', async () => {
    const row = await rowOf(upload());
    expect(row).toMatchObject({
      stream: 'dossier-n1',
      nomination_id: 'n1',
      revision: 0,
      event_type: 'DossierDocumentAdded',
      actor_id: 'canbo.donvi1',
      actor_role: 'UNIT_OFFICER',
      actor_unit_id: 'donvi1',
      occurred_at: '2026-11-12T03:00:00.000Z',
    });
    expect(row.summary).toBe(
      'Cán bộ thi đua đơn vị nộp tài liệu «Tờ trình đề nghị khen thưởng của đơn vị» (to-trinh-2026.pdf)',
    );
    expect(JSON.parse(String(row.data))).toMatchObject({ hash: 'ab'.repeat(32), size: 1234 });
  });

  it('a replacement says so', async () => {
    expect((await rowOf(upload('cd'.repeat(32)))).summary).toContain('nộp tài liệu thay thế');
  });

  it('the trail reads the dossier’s stream beside the nomination’s', () => {
    expect(new AuditTrailProjection().streamPrefixes).toEqual(['nomination-', 'dossier-']);
  });
});
