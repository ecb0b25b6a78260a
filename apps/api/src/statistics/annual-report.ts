/**
 * The year-end summary report (báo cáo tổng kết công tác thi đua, khen thưởng) as a PDF: A4, the
 * national header of Decree 30/2020/NĐ-CP, the year's figures against the year before, by award form
 * and by cluster, with the definitions and their legal sources. pdfmake 0.3 with its embedded Roboto
 * (as the council's minutes). The same figures give the same bytes: the only date in the document
 * and its metadata is the last day of the year reported on.
 */
import { STATISTICS_DEFINITIONS, type BaseSalaryPeriod } from '@tdkt/domain';
import type { StatisticsFigures } from '@tdkt/projections';
import { documentInfo, renderPdf } from '../documents/pdf';

export interface AnnualReportInput {
  year: number;
  province: string;
  current: StatisticsFigures;
  previous: StatisticsFigures;
  byAward: (StatisticsFigures & { label?: string })[];
  byAwardBefore: (StatisticsFigures & { label?: string })[];
  byCluster: (StatisticsFigures & { label?: string })[];
  baseSalary: readonly BaseSalaryPeriod[];
}

const n = (x: number) => x.toLocaleString('vi-VN');
const pct = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`);
const days = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${x.toLocaleString('vi-VN')} ngày`;

function change(now: number | null, before: number | null, unit: 'count' | 'share' | 'days'): string {
  if (now === null || before === null) return '—';
  const d = now - before;
  if (unit === 'share') return `${d >= 0 ? '+' : ''}${(Math.round(d * 1000) / 10).toLocaleString('vi-VN')} điểm %`;
  if (unit === 'days') return `${d >= 0 ? '+' : ''}${(Math.round(d * 10) / 10).toLocaleString('vi-VN')} ngày`;
  const rel = before ? ` (${d >= 0 ? '+' : ''}${Math.round((d / before) * 1000) / 10}%)` : '';
  return `${d >= 0 ? '+' : ''}${n(d)}${rel}`;
}

const refused = (f: StatisticsFigures) =>
  f.nominations ? f.nominations.rejectedAtCluster + f.nominations.notApprovedByCouncil + f.nominations.declined : 0;

/** The rows of the comparison table: label, previous year, this year, change. */
export function comparisonRows(cur: StatisticsFigures, prev: StatisticsFigures): string[][] {
  const t = (f: StatisticsFigures) => f.timeliness;
  const count = (label: string, get: (f: StatisticsFigures) => number) => [
    label,
    n(get(prev)),
    n(get(cur)),
    change(get(cur), get(prev), 'count'),
  ];
  const share = (label: string, get: (f: StatisticsFigures) => number | null) => [
    label,
    pct(get(prev)),
    pct(get(cur)),
    change(get(cur), get(prev), 'share'),
  ];
  const stage = (label: string, get: (f: StatisticsFigures) => number | null | undefined) => [
    label,
    days(get(prev)),
    days(get(cur)),
    change(get(cur) ?? null, get(prev) ?? null, 'days'),
  ];
  return [
    count('Hồ sơ đề nghị khen thưởng', (f) => f.nominations?.total ?? 0),
    count('Được khen thưởng', (f) => f.awards.total),
    count('  — cá nhân', (f) => f.awards.individuals),
    count('  — tập thể', (f) => f.awards.collectives),
    share('Tỷ lệ người lao động trực tiếp (trong cá nhân được khen)', (f) => f.directWorkers.share),
    share('Tỷ lệ nữ (trong cá nhân được khen)', (f) => f.women.share),
    share('Tỷ lệ tập thể cơ sở (trong tập thể được khen)', (f) => f.grassroots.share),
    count('Không được chấp thuận (cụm, Hội đồng, Chủ tịch)', refused),
    count('Rút hồ sơ', (f) => f.nominations?.withdrawn ?? 0),
    count('Khen thưởng bị hủy bỏ', (f) => f.awards.revoked),
    count('Tiền thưởng (đồng)', (f) => f.amountPaidVnd),
    stage('Thời gian trung bình từ trình đến quyết định', (f) => t(f)?.submissionToDecision.averageDays),
    stage('  — cụm, khối xét', (f) => t(f)?.clusterReview.averageDays),
    stage('  — Hội đồng biểu quyết', (f) => t(f)?.councilVote.averageDays),
    stage('  — Chủ tịch ký', (f) => t(f)?.signature.averageDays),
  ];
}

const table = (widths: (string | number)[], header: string[], rows: string[][]) => ({
  table: {
    headerRows: 1,
    widths,
    body: [
      header.map((h) => ({ text: h, bold: true, fontSize: 9, alignment: 'center' })),
      ...rows.map((r) => r.map((c, i) => ({ text: c, fontSize: 9, alignment: i === 0 ? 'left' : 'right' }))),
    ],
  },
  layout: 'lightHorizontalLines',
  margin: [0, 2, 0, 8],
});

export function annualReportDocument(r: AnnualReportInput) {
  const stamp = new Date(`${r.year}-12-31T00:00:00.000Z`);
  const before = new Map(r.byAwardBefore.map((g) => [g.key, g]));
  const awardRows = r.byAward.map((g) => [
    g.label ?? String(g.key),
    n(before.get(g.key)?.awards.total ?? 0),
    n(g.awards.total),
    n(g.amountPaidVnd),
  ]);
  for (const g of r.byAwardBefore)
    if (!r.byAward.some((x) => x.key === g.key))
      awardRows.push([g.label ?? String(g.key), n(g.awards.total), '0', '0']);
  const clusterRows = r.byCluster.map((g) => [
    g.label ?? String(g.key),
    n(g.nominations?.total ?? 0),
    n(g.awards.total),
    pct(g.directWorkers.share),
    pct(g.grassroots.share),
  ]);
  const salary = r.baseSalary.filter((p) => p.from <= `${r.year}-12-31`).at(-1);
  const definitions = Object.values(STATISTICS_DEFINITIONS).map((d) => `${d.text} (${d.source})`);
  return {
    pageSize: 'A4',
    pageMargins: [56, 42, 42, 42],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    info: documentInfo(
      `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${r.year}`,
      'Báo cáo tổng kết',
      'Hội đồng Thi đua – Khen thưởng',
      stamp,
    ),
    content: [
      {
        columns: [
          {
            width: '45%',
            stack: [
              { text: r.province.toUpperCase(), alignment: 'center' },
              { text: 'HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG', alignment: 'center', bold: true },
            ],
          },
          {
            width: '55%',
            stack: [
              { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true },
              {
                text: 'Độc lập - Tự do - Hạnh phúc',
                alignment: 'center',
                bold: true,
                fontSize: 11,
                decoration: 'underline',
              },
              { text: `ngày 31 tháng 12 năm ${r.year}`, alignment: 'center', italics: true, margin: [0, 6, 0, 0] },
            ],
          },
        ],
      },
      { text: 'BÁO CÁO', alignment: 'center', bold: true, fontSize: 14, margin: [0, 22, 0, 2] },
      {
        text: `Tổng kết công tác thi đua, khen thưởng năm ${r.year}`,
        alignment: 'center',
        bold: true,
        margin: [0, 0, 0, 12],
      },
      { text: `I. KẾT QUẢ KHEN THƯỞNG NĂM ${r.year} SO VỚI NĂM ${r.year - 1}`, bold: true, margin: [0, 4, 0, 4] },
      table(
        ['*', 70, 70, 90],
        ['Chỉ tiêu', `Năm ${r.year - 1}`, `Năm ${r.year}`, 'Tăng (+), giảm (−)'],
        comparisonRows(r.current, r.previous),
      ),
      { text: 'II. THEO HÌNH THỨC KHEN THƯỞNG', bold: true, margin: [0, 4, 0, 4] },
      table(
        ['*', 70, 70, 100],
        ['Hình thức', `Năm ${r.year - 1}`, `Năm ${r.year}`, `Tiền thưởng năm ${r.year} (đồng)`],
        awardRows,
      ),
      { text: `III. THEO CỤM, KHỐI THI ĐUA NĂM ${r.year}`, bold: true, margin: [0, 4, 0, 4] },
      table(['*', 60, 60, 70, 70], ['Cụm, khối', 'Hồ sơ', 'Khen thưởng', 'LĐ trực tiếp', 'Tập thể cơ sở'], clusterRows),
      {
        text: salary
          ? `Tiền thưởng tính theo mức lương cơ sở có hiệu lực vào ngày ký quyết định; cuối năm ${r.year}: ${n(salary.amountVnd)} đồng (${salary.source}).`
          : 'Chưa có mức lương cơ sở cho năm này.',
        fontSize: 8,
        italics: true,
      },
      { text: 'Cách tính', bold: true, fontSize: 8, margin: [0, 8, 0, 2] },
      { ul: definitions, fontSize: 7 },
      {
        columns: [
          { text: '' },
          {
            stack: [
              { text: 'TM. HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG', bold: true },
              { text: '(Ký, ghi rõ họ tên)', italics: true, margin: [0, 2, 0, 48] },
            ],
            alignment: 'center',
          },
        ],
        margin: [0, 16, 0, 0],
      },
    ],
  };
}

export function annualReportPdf(r: AnnualReportInput): Promise<Buffer> {
  return renderPdf(annualReportDocument(r));
}
