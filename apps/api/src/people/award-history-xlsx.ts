import ExcelJS from 'exceljs';
import { domainError, type AwardCatalog } from '@tdkt/domain';

/**
 * The award-history list as an .xlsx (exceljs): the template a unit downloads (Vietnamese headers,
 * an example row, the catalog's codes on a second sheet) and the reader of a filled-in list.
 */
export const HISTORY_COLUMNS = [
  { key: 'nomineeRef', header: 'Mã cá nhân / mã đơn vị, bộ phận (tập thể)', width: 38 },
  { key: 'citizenId', header: 'Số CCCD (nếu không có mã cá nhân)', width: 22 },
  { key: 'name', header: 'Họ và tên / tên tập thể', width: 28 },
  { key: 'awardCode', header: 'Mã hình thức khen thưởng', width: 24 },
  { key: 'awardName', header: 'Tên hình thức (nếu mã không có trong danh mục)', width: 34 },
  { key: 'year', header: 'Năm thành tích', width: 14 },
  { key: 'decisionNumber', header: 'Số quyết định', width: 18 },
  { key: 'decisionDate', header: 'Ngày quyết định (YYYY-MM-DD)', width: 22 },
  { key: 'authority', header: 'Cơ quan / người quyết định', width: 30 },
  { key: 'oneOff', header: 'Đột xuất (x)', width: 12 },
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number]['key'];
export type HistoryRowCells = Record<HistoryColumn, string> & { row: number };

/** At most this many rows in one list. */
export const MAX_IMPORT_ROWS = 20_000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function historyTemplate(catalog: AwardCatalog): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống TĐKT';
  const sheet = wb.addWorksheet('Quá trình khen thưởng');
  sheet.columns = HISTORY_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    nomineeRef: 'p-…',
    citizenId: '',
    name: 'Nguyễn Văn A',
    awardCode: 'CSTD_CO_SO',
    awardName: '',
    year: 2025,
    decisionNumber: '38/QĐ-SGDĐT',
    decisionDate: '2025-12-26',
    authority: 'Giám đốc Sở Giáo dục và Đào tạo',
    oneOff: '',
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const codes = wb.addWorksheet('Danh mục hình thức');
  codes.columns = [
    { header: 'Mã', key: 'code', width: 30 },
    { header: 'Tên hình thức / danh hiệu', key: 'name', width: 50 },
    { header: 'Đối tượng', key: 'recipient', width: 14 },
  ];
  codes.getRow(1).font = { bold: true };
  const recipient = { individual: 'cá nhân', collective: 'tập thể', both: 'cả hai' } as const;
  for (const a of catalog.awards) codes.addRow({ code: a.code, name: a.name, recipient: recipient[a.recipient] });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as YYYY-MM-DD, numbers as written, rich text and formulas by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? ''
      : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** dd/mm/yyyy (as people type it) → YYYY-MM-DD; anything else unchanged (the domain checks it). */
export function isoDate(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}` : text.trim();
}

/** Reads the first sheet of a filled-in template: one entry per non-empty row, with its row number. */
export async function readHistoryRows(file: Buffer): Promise<HistoryRowCells[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw domainError('IMPORT_FILE', 'Tệp không phải bảng tính .xlsx đọc được');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw domainError('IMPORT_FILE', 'Tệp không có trang tính nào');
  const header = HISTORY_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
  const wrong = HISTORY_COLUMNS.findIndex((c, i) => header[i] !== c.header);
  if (wrong >= 0)
    throw domainError(
      'IMPORT_FILE',
      `Tệp không theo mẫu: cột ${wrong + 1} phải là "${HISTORY_COLUMNS[wrong].header}" (tải mẫu tại /api/imports/award-history/template.xlsx)`,
    );
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS)
    throw domainError('IMPORT_FILE', `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng; tệp có ${sheet.rowCount - 1} dòng`);
  const rows: HistoryRowCells[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = Object.fromEntries(
      HISTORY_COLUMNS.map((c, i) => [c.key, cellText(row.getCell(i + 1).value)]),
    ) as Record<HistoryColumn, string>;
    if (Object.values(cells).every((v) => v === '')) return;
    rows.push({ ...cells, row: number });
  });
  if (rows.length === 0) throw domainError('IMPORT_FILE', 'Tệp không có dòng dữ liệu nào');
  return rows;
}
