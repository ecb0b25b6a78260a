/**
 * The minutes of a council session (biên bản họp) as a PDF: A4, the national header of Decree
 * 30/2020/NĐ-CP documents, the attendance, each item with its tally, rule and result, and for secret
 * items the counts and the hash of the published ballots. pdfmake 0.3 with its Roboto font (which has
 * the Vietnamese diacritics), embedded. The same session gives the same bytes: every date in the
 * document and its metadata comes from the session's events.
 */
import type { ItemResult } from '@tdkt/domain';
import { documentInfo, renderPdf } from '../documents/pdf';
import type { sessionView } from './session-view';

type View = ReturnType<typeof sessionView>;

const OUTCOME: Record<ItemResult['outcome'], string> = {
  APPROVED: 'Thông qua',
  QUORUM_NOT_MET: 'Không thông qua (không đủ tỷ lệ tham gia)',
  THRESHOLD_NOT_MET: 'Không thông qua (không đủ tỷ lệ đồng ý)',
};
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** "08 giờ 30, ngày 12/12/2026" in Vietnam time (UTC+7, no daylight saving). */
export function vietnamTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())} giờ ${p(d.getUTCMinutes())}, ngày ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export interface MinutesContext {
  province: string;
  chairName: string;
  secretaryName: string;
}

export function minutesDocument(v: View, ctx: MinutesContext) {
  const members = v.attendance.members;
  const stamp = new Date(v.closedAt ?? v.scheduledAt);
  const itemRows = v.agenda.map((it) => {
    const t = it.tally;
    const votes = t
      ? `${t.approve} đồng ý / ${t.reject} không đồng ý / ${t.abstain} không biểu quyết; ${t.recused} rút`
      : '—';
    const secret =
      it.secretBallot && it.secret
        ? `\nPhiếu kín: cấp ${it.secret.issued} chữ ký, ${it.secret.cast} phiếu bỏ\nSHA-256 phiếu công bố: ${it.secret.ballotsHash}`
        : '';
    return [
      { text: String(it.no), alignment: 'center' },
      { text: [{ text: it.nominee, bold: true }, `\n${it.awardName}`] },
      { text: it.secretBallot ? 'Bỏ phiếu kín' : 'Biểu quyết công khai' },
      { text: `${votes}${secret}`, fontSize: 8 },
      { text: `Tham gia ≥ ${pct(it.rule.quorum)}, đồng ý ≥ ${pct(it.rule.threshold)} tổng số thành viên`, fontSize: 8 },
      { text: it.outcome ? OUTCOME[it.outcome] : 'Chưa biểu quyết', bold: true },
    ];
  });
  return {
    pageSize: 'A4',
    pageMargins: [56, 42, 42, 42],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    info: documentInfo(`Biên bản ${v.title}`, 'Biên bản họp', 'Hội đồng Thi đua – Khen thưởng', stamp),
    content: [
      {
        columns: [
          {
            width: '45%',
            stack: [
              { text: ctx.province.toUpperCase(), alignment: 'center', fontSize: 10 },
              { text: 'HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG', alignment: 'center', bold: true, fontSize: 10 },
            ],
          },
          {
            width: '55%',
            stack: [
              { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true, fontSize: 10 },
              {
                text: 'Độc lập - Tự do - Hạnh phúc',
                alignment: 'center',
                bold: true,
                fontSize: 11,
                decoration: 'underline',
              },
            ],
          },
        ],
      },
      { text: 'BIÊN BẢN HỌP', alignment: 'center', bold: true, fontSize: 14, margin: [0, 24, 0, 2] },
      { text: v.title, alignment: 'center', bold: true, margin: [0, 0, 0, 12] },
      `Thời gian: ${vietnamTime(v.scheduledAt)}${v.openedAt ? ` (khai mạc ${vietnamTime(v.openedAt)})` : ''}${v.closedAt ? `; bế mạc ${vietnamTime(v.closedAt)}` : ''}.`,
      {
        text: `Thành phần: ${v.attendance.total} thành viên Hội đồng; có mặt ${v.attendance.present}, cần ít nhất ${v.attendance.required} (${pct(v.attendance.quorum)} tổng số thành viên — ${v.attendance.source}).`,
        margin: [0, 4, 0, 4],
      },
      {
        ul: members.map(
          (m) =>
            `${m.name}: ${m.present ? 'có mặt' : 'vắng mặt'}${m.ballot === 'IN_WRITING' ? ' (có phiếu gửi trước)' : ''}`,
        ),
        margin: [0, 0, 0, 8],
      },
      { text: 'Kết quả biểu quyết', bold: true, margin: [0, 6, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: [20, '*', 55, 120, 70, 65],
          body: [
            [
              'STT',
              'Người/tập thể được đề nghị, hình thức',
              'Cách biểu quyết',
              'Kết quả kiểm phiếu',
              'Quy tắc',
              'Kết luận',
            ].map((h) => ({ text: h, bold: true, fontSize: 8 })),
            ...itemRows,
          ],
        },
        layout: 'lightHorizontalLines',
      },
      {
        text: 'Tỷ lệ tham gia và tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng. Với nội dung bỏ phiếu kín, ai cũng có thể kiểm lại: danh sách phiếu (mã băm của mã phiếu, lựa chọn) được công bố sau khi bế mạc, mã băm SHA-256 của danh sách in ở trên.',
        italics: true,
        fontSize: 8,
        margin: [0, 8, 0, 16],
      },
      {
        columns: [
          {
            stack: [
              { text: 'THƯ KÝ', bold: true },
              { text: ctx.secretaryName, margin: [0, 48, 0, 0] },
            ],
            alignment: 'center',
          },
          {
            stack: [
              { text: 'CHỦ TỌA', bold: true },
              { text: ctx.chairName, margin: [0, 48, 0, 0] },
            ],
            alignment: 'center',
          },
        ],
      },
    ],
  };
}

export function renderMinutes(v: View, ctx: MinutesContext): Promise<Buffer> {
  return renderPdf(minutesDocument(v, ctx));
}
