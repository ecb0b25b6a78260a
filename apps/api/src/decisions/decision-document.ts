/**
 * The award decision (quyết định khen thưởng) in the layout of Decree 30/2020/NĐ-CP (Appendix I):
 * national header, number, place and date, title (trích yếu), legal bases (căn cứ), articles, the
 * recipients (nơi nhận), the signer's title and name; then the appendix listing every recipient
 * (no., name, position, unit, achievement, amount). Before signing it is marked DỰ THẢO. A4.
 */
import type { ExistingDecision } from '@tdkt/domain';
import { REVOCATION_GROUND_LABELS } from '@tdkt/projections';
import { documentInfo, dong, nationalHeader, placeAndDate, vietnamDay } from './pdf-kit';

const numberLine = (s: ExistingDecision) => `Số: ${s.decisionNumber ?? `        /QĐ-${s.authority}`}`;

const signed = (s: ExistingDecision) => s.status !== 'DRAFT' && s.status !== 'DECLINED';

const article = (n: number, text: string) => ({
  text: [{ text: `Điều ${n}. `, bold: true }, text],
  margin: [20, 0, 0, 4],
});

function awardArticles(s: ExistingDecision, awards: string, total: number) {
  return [
    article(
      1,
      `Tặng ${awards} cho ${s.recipients.length} tập thể, cá nhân (có danh sách kèm theo) vì đã có thành tích xuất sắc.`,
    ),
    article(
      2,
      `Mức tiền thưởng theo quy định: tổng cộng ${dong(total)} đồng (lương cơ sở ${dong(s.baseSalary.amount)} đồng/tháng theo ${s.baseSalary.source}).`,
    ),
  ];
}

/** A revocation names the decision it revokes (number, date), the legal ground and the reason. */
function revocationArticles(s: ExistingDecision, total: number) {
  const r = s.revokes!;
  const of = `Quyết định số ${r.decisionNumber}${r.signedAt ? ` ngày ${vietnamDay(r.signedAt)}` : ` năm ${r.year}`}`;
  const awards = s.recipients.map((x) => `${x.awardName} đã tặng ${x.nomineeName} (${x.unitName})`).join('; ');
  return [
    article(
      1,
      `Hủy bỏ khen thưởng và thu hồi ${awards} tại ${of}, vì ${REVOCATION_GROUND_LABELS[r.ground] ?? r.ground}: ${r.reason}`,
    ),
    article(2, `Thu hồi hiện vật khen thưởng và số tiền thưởng đã nhận: ${dong(total)} đồng.`),
  ];
}

export function decisionDocument(s: ExistingDecision) {
  const awards = [...new Set(s.recipients.map((r) => r.awardName))].join(', ');
  const total = s.recipients.reduce((sum, r) => sum + r.amount, 0);
  const issuerShort = s.authorityName.replace(/^ỦY BAN NHÂN DÂN\b/, 'ỦY BAN NHÂN DÂN');
  const draft = !signed(s);
  const appendixRows = s.recipients.map((r, i) => [
    { text: String(i + 1), alignment: 'center' },
    { text: r.nomineeName, bold: true },
    r.position ?? '',
    r.unitName,
    { text: r.achievements, fontSize: 8 },
    { text: dong(r.amount), alignment: 'right' },
  ]);
  return {
    pageSize: 'A4',
    pageMargins: [70, 50, 50, 50],
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.2 },
    info: documentInfo(
      `Quyết định ${s.decisionNumber ?? '(dự thảo)'}`,
      s.title,
      s.authorityName,
      s.signedAt ?? s.draftedAt,
    ),
    ...(draft ? { watermark: { text: 'DỰ THẢO', opacity: 0.12, bold: true } } : {}),
    content: [
      nationalHeader([s.authorityName], numberLine(s), placeAndDate(s.place, signed(s) ? s.signedAt : undefined)),
      ...(draft ? [{ text: 'DỰ THẢO', alignment: 'right', bold: true, color: '#b00', margin: [0, 6, 0, 0] }] : []),
      { text: 'QUYẾT ĐỊNH', alignment: 'center', bold: true, fontSize: 14, margin: [0, 18, 0, 2] },
      { text: s.title, alignment: 'center', bold: true, margin: [0, 0, 0, 12] },
      {
        text: `${s.signer?.title ?? 'CHỦ TỊCH'} ${issuerShort}`,
        alignment: 'center',
        bold: true,
        margin: [0, 0, 0, 10],
      },
      ...s.bases.map((b) => ({ text: b, italics: true, margin: [20, 0, 0, 2] })),
      { text: 'QUYẾT ĐỊNH:', alignment: 'center', bold: true, margin: [0, 10, 0, 6] },
      ...(s.kind === 'REVOCATION' ? revocationArticles(s, total) : awardArticles(s, awards, total)),
      {
        text: [
          { text: 'Điều 3. ', bold: true },
          'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Giám đốc Sở Nội vụ, thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
        ],
        margin: [20, 0, 0, 16],
      },
      {
        columns: [
          {
            width: '50%',
            stack: [
              { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 11 },
              { text: '- Như Điều 3;', fontSize: 10 },
              { text: '- Ban Thi đua - Khen thưởng (Sở Nội vụ);', fontSize: 10 },
              { text: '- Lưu: VT.', fontSize: 10 },
            ],
          },
          {
            width: '50%',
            stack: [
              { text: `TM. ${issuerShort}`, alignment: 'center', bold: true, fontSize: 11 },
              { text: s.signer?.title ?? 'CHỦ TỊCH', alignment: 'center', bold: true },
              { text: signed(s) ? '(đã ký)' : '', alignment: 'center', italics: true, margin: [0, 30, 0, 30] },
              { text: s.signer?.name ?? '', alignment: 'center', bold: true },
            ],
          },
        ],
      },
      {
        pageBreak: 'before',
        text: 'DANH SÁCH',
        alignment: 'center',
        bold: true,
        fontSize: 13,
      },
      {
        text: `${awards}\n(Kèm theo Quyết định ${s.decisionNumber ? `số ${s.decisionNumber}` : 'số      '}${s.signedAt && signed(s) ? ` ngày ${vietnamDay(s.signedAt)}` : ''} của ${s.signer?.title ?? 'Chủ tịch'} ${issuerShort})`,
        alignment: 'center',
        italics: true,
        fontSize: 11,
        margin: [0, 2, 0, 8],
      },
      {
        table: {
          headerRows: 1,
          widths: [24, 90, 60, 80, '*', 62],
          body: [
            ['STT', 'Họ và tên / tập thể', 'Chức vụ', 'Đơn vị', 'Thành tích', 'Số tiền (đồng)'].map((h) => ({
              text: h,
              bold: true,
              fontSize: 9,
              alignment: 'center',
            })),
            ...appendixRows,
            [
              { text: '', border: [true, true, false, true] },
              { text: `Tổng cộng: ${s.recipients.length}`, bold: true, colSpan: 4 },
              '',
              '',
              '',
              { text: dong(total), bold: true, alignment: 'right' },
            ],
          ],
        },
        fontSize: 9,
      },
    ],
  };
}
