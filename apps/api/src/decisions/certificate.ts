/**
 * The certificate of one recipient (Bằng khen; Giấy chứng nhận for other awards): landscape A4,
 * the national header, the award, the recipient, the achievement, the decision's number and date,
 * and a QR code to the award's public verification page. pdfmake draws the QR itself (vector).
 */
import type { DecisionRecipient, ExistingDecision } from '@tdkt/domain';
import { documentInfo, placeAndDate, vietnamDay } from './pdf-kit';

/** "Bằng khen" for the Chairman's certificates of merit; the title's name otherwise. */
const headline = (r: DecisionRecipient) => (/bằng khen/i.test(r.awardName) ? 'BẰNG KHEN' : 'GIẤY CHỨNG NHẬN');

export function certificateDocument(s: ExistingDecision, r: DecisionRecipient, verifyUrl: string) {
  const at = s.signedAt ?? s.draftedAt;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [60, 40, 60, 40],
    defaultStyle: { font: 'Roboto', fontSize: 14, lineHeight: 1.2 },
    info: documentInfo(`${headline(r)} — ${r.nomineeName}`, r.awardName, s.authorityName, at),
    background: () => ({
      canvas: [{ type: 'rect', x: 24, y: 24, w: 793.89, h: 547.28, lineWidth: 3, lineColor: '#a0201a' }],
    }),
    content: [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true, fontSize: 13 },
      { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true, fontSize: 13, margin: [0, 0, 0, 14] },
      { text: `${s.signer?.title ?? 'CHỦ TỊCH'} ${s.authorityName}`, alignment: 'center', bold: true, fontSize: 15 },
      { text: 'TẶNG', alignment: 'center', bold: true, fontSize: 16, margin: [0, 8, 0, 4] },
      { text: headline(r), alignment: 'center', bold: true, fontSize: 34, color: '#a0201a', margin: [0, 0, 0, 8] },
      { text: r.nomineeName, alignment: 'center', bold: true, fontSize: 22 },
      {
        text: [r.position, r.unitName].filter(Boolean).join(' — '),
        alignment: 'center',
        italics: true,
        margin: [0, 2, 0, 8],
      },
      { text: `Đã có thành tích: ${r.achievements}`, alignment: 'center', margin: [40, 0, 40, 14] },
      {
        columns: [
          {
            width: 150,
            stack: [
              { qr: verifyUrl, fit: 110, eccLevel: 'M' },
              { text: 'Tra cứu khen thưởng', fontSize: 8, margin: [0, 2, 0, 0] },
            ],
          },
          {
            width: '*',
            stack: [
              {
                text: `Quyết định số ${s.decisionNumber ?? '…'}${s.signedAt ? ` ngày ${vietnamDay(s.signedAt)}` : ''}`,
                fontSize: 11,
              },
              { text: `Số tiền thưởng: theo Quyết định`, fontSize: 11 },
            ],
          },
          {
            width: 260,
            stack: [
              { text: placeAndDate(s.place, s.signedAt), alignment: 'center', italics: true, fontSize: 12 },
              { text: s.signer?.title ?? 'CHỦ TỊCH', alignment: 'center', bold: true, margin: [0, 4, 0, 28] },
              { text: s.signer?.name ?? '', alignment: 'center', bold: true },
            ],
          },
        ],
      },
    ],
  };
}
