import type { StatisticsFigures } from '@tdkt/projections';
import { comparisonRows } from './annual-report';

const share = (count: number, of: number) => ({ count, of, share: of ? count / of : null, unknown: 0 });
const stage = (averageDays: number | null) => ({ count: averageDays === null ? 0 : 1, averageDays });
function figures(awards: number, amount: number, days: number | null): StatisticsFigures {
  return {
    key: null,
    nominations: {
      total: awards + 2,
      draft: 0,
      inProgress: 0,
      awarded: awards,
      rejectedAtCluster: 1,
      notApprovedByCouncil: 1,
      declined: 0,
      withdrawn: 0,
      revoked: 0,
    },
    awards: { total: awards, individuals: awards, collectives: 0, revoked: 0 },
    directWorkers: share(awards / 2, awards),
    women: share(awards / 4, awards),
    grassroots: share(0, 0),
    amountPaidVnd: amount,
    timeliness: {
      submissionToDecision: stage(days),
      clusterReview: stage(null),
      councilVote: stage(null),
      signature: stage(null),
    },
  };
}

describe('the year-end report compares the year with the year before', () => {
  it('gives each figure of both years and the change, in Vietnamese number format', () => {
    const rows = comparisonRows(figures(200, 702_000_000, 30.5), figures(100, 351_000_000, 40));
    const row = (label: string) => rows.find((r) => r[0] === label);
    expect(row('Được khen thưởng')).toEqual(['Được khen thưởng', '100', '200', '+100 (+100%)']);
    expect(row('Tiền thưởng (đồng)')?.[2]).toBe('702.000.000');
    expect(row('Không được chấp thuận (cụm, Hội đồng, Chủ tịch)')?.slice(1)).toEqual(['2', '2', '+0 (+0%)']);
    expect(row('Thời gian trung bình từ trình đến quyết định')?.slice(1)).toEqual([
      '40 ngày',
      '30,5 ngày',
      '-9,5 ngày',
    ]);
    // No collective awarded either year: no share, no change.
    expect(row('Tỷ lệ tập thể cơ sở (trong tập thể được khen)')?.slice(1)).toEqual(['—', '—', '—']);
  });
});
