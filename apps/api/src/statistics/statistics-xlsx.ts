/**
 * Statistics and the registry as .xlsx (exceljs), for the office to paste into its reports: Vietnamese
 * headers, column widths, number formats, a totals row, A4 landscape fitted to the page width with the
 * header rows repeated on every printed page.
 */
import ExcelJS from 'exceljs';
import type { AwardView, StatisticsFigures } from '@tdkt/projections';

export interface LabelledStatistics {
  groupBy: string;
  coverage: string;
  groups: (StatisticsFigures & { label?: string })[];
  total: StatisticsFigures;
}

interface Column {
  header: string;
  width: number;
  /** Number format; '0.0%' for shares. */
  format?: string;
  value(f: StatisticsFigures & { label?: string }): number | string | null;
  /** Only for officials (the public view has no nominations nor timeliness). */
  official?: boolean;
}

const GROUP_HEADER: Record<string, string> = {
  none: 'Toàn bộ',
  award: 'Hình thức khen thưởng',
  unit: 'Đơn vị',
  cluster: 'Cụm, khối thi đua',
  campaign: 'Đợt thi đua',
  year: 'Năm',
};

const COUNT = '#,##0';
const SHARE = '0.0%';
const DAYS = '0.0';

const COLUMNS: Column[] = [
  {
    header: 'Hồ sơ đề nghị',
    width: 11,
    format: COUNT,
    official: true,
    value: (f) => f.nominations?.total ?? 0,
  },
  {
    header: 'Đang xét',
    width: 10,
    format: COUNT,
    official: true,
    value: (f) => f.nominations?.inProgress ?? 0,
  },
  { header: 'Được khen thưởng', width: 12, format: COUNT, value: (f) => f.awards.total },
  { header: 'Cá nhân', width: 10, format: COUNT, value: (f) => f.awards.individuals },
  { header: 'Tập thể', width: 10, format: COUNT, value: (f) => f.awards.collectives },
  {
    header: 'Không được chấp thuận',
    width: 13,
    format: COUNT,
    official: true,
    value: (f) =>
      f.nominations ? f.nominations.rejectedAtCluster + f.nominations.notApprovedByCouncil + f.nominations.declined : 0,
  },
  {
    header: 'Rút hồ sơ',
    width: 9,
    format: COUNT,
    official: true,
    value: (f) => f.nominations?.withdrawn ?? 0,
  },
  { header: 'Bị hủy bỏ', width: 9, format: COUNT, value: (f) => f.awards.revoked },
  { header: 'Người lao động trực tiếp', width: 13, format: COUNT, value: (f) => f.directWorkers.count },
  { header: 'Tỷ lệ lao động trực tiếp', width: 12, format: SHARE, value: (f) => f.directWorkers.share },
  { header: 'Nữ', width: 8, format: COUNT, value: (f) => f.women.count },
  { header: 'Tỷ lệ nữ', width: 9, format: SHARE, value: (f) => f.women.share },
  { header: 'Tập thể cơ sở', width: 11, format: COUNT, value: (f) => f.grassroots.count },
  { header: 'Tỷ lệ tập thể cơ sở', width: 12, format: SHARE, value: (f) => f.grassroots.share },
  { header: 'Tiền thưởng (đồng)', width: 18, format: COUNT, value: (f) => f.amountPaidVnd },
  {
    header: 'Số ngày TB từ trình đến quyết định',
    width: 15,
    format: DAYS,
    official: true,
    value: (f) => f.timeliness?.submissionToDecision.averageDays ?? null,
  },
];

function printable(ws: ExcelJS.Worksheet, headerRows: number) {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${headerRows}`,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
  };
  ws.headerFooter = { oddFooter: 'Trang &P / &N' };
}

function headerStyle(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });
}

const fixedDates = (wb: ExcelJS.Workbook) => {
  // The same figures give the same file.
  wb.creator = 'TĐKT';
  wb.created = new Date(0);
  wb.modified = new Date(0);
};

/** One statistics view (its grouping and filters) as a workbook with one sheet. */
export async function statisticsWorkbook(stats: LabelledStatistics, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fixedDates(wb);
  const ws = wb.addWorksheet('Thống kê');
  const columns = COLUMNS.filter((c) => !c.official || stats.coverage !== 'public');
  const width = columns.length + 2;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  header.values = ['STT', GROUP_HEADER[stats.groupBy] ?? 'Nhóm', ...columns.map((c) => c.header)];
  header.height = 45;
  headerStyle(header);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 34;
  columns.forEach((c, i) => {
    ws.getColumn(i + 3).width = c.width;
    ws.getColumn(i + 3).numFmt = c.format ?? COUNT;
  });
  const body = stats.groupBy === 'none' ? [] : stats.groups;
  body.forEach((g, i) => {
    ws.addRow([i + 1, g.label ?? String(g.key ?? ''), ...columns.map((c) => c.value(g))]);
  });
  // The totals are the API's own (shares and averages are not sums of the rows above).
  const totals = ws.addRow(['', 'Tổng cộng', ...columns.map((c) => c.value(stats.total))]);
  totals.font = { bold: true };
  totals.eachCell((c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];
  printable(ws, 3);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const vietnamDate = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/') : '';

/** The registry (sổ khen thưởng) as a workbook: one row per award, a totals row with the count and the amount. */
export async function registryWorkbook(
  awards: readonly (AwardView & { amountVnd: number; unitName: string })[],
  title: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fixedDates(wb);
  const ws = wb.addWorksheet('Sổ khen thưởng');
  const headers: [string, number][] = [
    ['STT', 6],
    ['Cá nhân, tập thể được khen thưởng', 32],
    ['Đối tượng', 10],
    ['Hình thức khen thưởng', 30],
    ['Đơn vị', 26],
    ['Năm', 7],
    ['Số quyết định', 15],
    ['Ngày ký', 11],
    ['Hệ số tiền thưởng', 10],
    ['Tiền thưởng (đồng)', 15],
    ['Tình trạng', 22],
  ];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  header.values = headers.map(([h]) => h);
  header.height = 32;
  headerStyle(header);
  headers.forEach(([, w], i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(9).numFmt = '0.0#';
  ws.getColumn(10).numFmt = COUNT;
  awards.forEach((a, i) => {
    const row = ws.addRow([
      i + 1,
      a.nomineeName,
      a.nomineeKind === 'collective' ? 'Tập thể' : 'Cá nhân',
      a.awardName,
      a.unitName,
      a.year,
      a.decisionNumber,
      vietnamDate(a.signedAt),
      a.cashMultiple,
      a.amountVnd,
      a.revoked ? `Đã hủy bỏ ${vietnamDate(a.revokedAt)}` : 'Còn hiệu lực',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  const valid = awards.filter((a) => !a.revoked);
  const totals = ws.addRow([
    '',
    `Tổng cộng: ${awards.length} khen thưởng (${valid.length} còn hiệu lực)`,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    valid.reduce((s, a) => s + a.amountVnd, 0),
    '',
  ]);
  totals.font = { bold: true };
  totals.eachCell((c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  printable(ws, 3);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
