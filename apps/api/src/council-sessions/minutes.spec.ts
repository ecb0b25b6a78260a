import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minutesDocument, renderMinutes, vietnamTime } from './minutes';
import type { sessionView } from './session-view';

type View = ReturnType<typeof sessionView>;
const tally = { members: 6, approve: 5, reject: 0, abstain: 0, recused: 1, participation: 5 / 6, approval: 5 / 6 };
const view = {
  id: 'phien-12',
  title: 'Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh tháng 12/2026',
  scheduledAt: '2026-12-12T01:30:00.000Z',
  openedAt: '2026-12-12T01:40:00.000Z',
  closedAt: '2026-12-12T04:05:00.000Z',
  status: 'CLOSED',
  attendance: {
    members: [
      { userId: 'hoidong1', name: 'Ủy viên hội đồng 1 (Sở GD&ĐT)', present: false, ballot: 'IN_WRITING' },
      { userId: 'hoidong2', name: 'Nguyễn Thị Hương', present: true, ballot: 'IN_PERSON' },
    ],
    present: 1,
    total: 2,
    required: 1,
    quorum: 0.5,
    source: 'quy chế',
  },
  agenda: [
    {
      no: 1,
      nominationId: 'a',
      nominee: 'Trần Văn Đức',
      unitId: 'donvi1',
      awardCode: 'CSTD_TINH',
      awardName: 'Chiến sĩ thi đua cấp tỉnh',
      secretBallot: true,
      rule: { quorum: 0.75, threshold: 0.9, secretBallot: true },
      status: 'DECIDED',
      recused: ['hoidong1'],
      tally,
      outcome: 'THRESHOLD_NOT_MET',
      secret: { issued: 5, cast: 5, ballotsHash: 'ab'.repeat(32) },
    },
  ],
} as unknown as View;
const ctx = { province: 'Tỉnh Bến Tre', chairName: 'Chủ tịch', secretaryName: 'Đặng Thị Hoa' };

describe('the minutes of a council session (biên bản họp, PDF)', () => {
  it('are the same bytes for the same session', async () => {
    const a = await renderMinutes(view, ctx);
    const b = await renderMinutes(view, ctx);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
  });

  it('are A4 with the national header and the Vietnamese names, tallies and the ballots hash (pdftotext)', async () => {
    expect(minutesDocument(view, ctx).pageSize).toBe('A4');
    const dir = mkdtempSync(join(tmpdir(), 'minutes-'));
    try {
      writeFileSync(join(dir, 'm.pdf'), await renderMinutes(view, ctx));
      const text = execFileSync('pdftotext', ['-raw', join(dir, 'm.pdf'), '-'], { encoding: 'utf8' });
      const info = execFileSync('pdfinfo', [join(dir, 'm.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
      for (const s of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BIÊN BẢN HỌP',
        'Trần Văn Đức',
        'Chiến sĩ thi đua cấp tỉnh',
        'Nguyễn Thị Hương',
        'có phiếu gửi trước',
        '5 đồng ý / 0 không đồng ý',
        'Không thông qua (không đủ tỷ lệ đồng ý)',
        'SHA-256 phiếu công bố: abababab',
      ])
        expect(text.replace(/\s+/g, ' ')).toContain(s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('write times in Vietnam time', () => {
    expect(vietnamTime('2026-12-12T01:30:00.000Z')).toBe('08 giờ 30, ngày 12/12/2026');
  });
});
