/**
 * What the decision and its certificates share: the renderer (documents/pdf: pdfmake with its
 * embedded Roboto, fixed metadata), the national header of Decree 30/2020/NĐ-CP, and Vietnam-time
 * dates. Deterministic: a document's dates come from its events, never from the clock.
 */
import { createHash } from 'node:crypto';

export { documentInfo, renderPdf } from '../documents/pdf';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const vietnam = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000);
const two = (n: number) => String(n).padStart(2, '0');

/** "Bến Tre, ngày 04 tháng 01 năm 2027" (Vietnam time); blank day and month before signing. */
export function placeAndDate(place: string, iso?: string): string {
  const prefix = place ? `${place}, ` : '';
  if (!iso) return `${prefix}ngày      tháng      năm`;
  const d = vietnam(iso);
  return `${prefix}ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

/** "04/01/2027" (Vietnam time). */
export const vietnamDay = (iso: string) => {
  const d = vietnam(iso);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
};

/** 2340000 → "2.340.000" (Vietnamese thousands separator). */
export const dong = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The two-column national header: the issuing body (left) and the national motto (right). */
export function nationalHeader(issuer: string[], numberLine?: string, dateLine?: string) {
  return {
    columns: [
      {
        width: '42%',
        stack: [
          ...issuer.map((line, i) => ({
            text: line,
            alignment: 'center',
            bold: i === issuer.length - 1,
            fontSize: 11,
          })),
          { canvas: [{ type: 'line', x1: 60, y1: 2, x2: 140, y2: 2, lineWidth: 0.5 }], margin: [0, 0, 0, 4] },
          ...(numberLine ? [{ text: numberLine, alignment: 'center', fontSize: 11 }] : []),
        ],
      },
      {
        width: '58%',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true, fontSize: 11 },
          { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true, fontSize: 12 },
          { canvas: [{ type: 'line', x1: 75, y1: 2, x2: 225, y2: 2, lineWidth: 0.5 }], margin: [0, 0, 0, 4] },
          ...(dateLine ? [{ text: dateLine, alignment: 'center', italics: true, fontSize: 11 }] : []),
        ],
      },
    ],
  };
}
