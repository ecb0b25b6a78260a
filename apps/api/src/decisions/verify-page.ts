/** The public verification page: one small HTML document, readable on a phone, no script, no external resource. */
import type { DecisionsService } from './decisions.service';
import { vietnamDay } from './pdf-kit';

type Verification = Awaited<ReturnType<DecisionsService['verify']>>;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const GROUNDS: Record<string, string> = {
  DISHONEST_DECLARATION: 'Kê khai thành tích không trung thực',
  FALSE_INFORMATION_OR_FORGED_DOCUMENTS: 'Thông tin sai sự thật hoặc giả mạo hồ sơ',
  UNLAWFUL_REVIEW_OR_PROPOSAL: 'Xét, đề nghị khen thưởng trái pháp luật',
  CRITERIA_NOT_MET: 'Không đạt tiêu chuẩn khen thưởng',
};

export function verificationPage(v: Verification): string {
  const row = (label: string, value: string | null | undefined) =>
    value ? `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>` : '';
  const valid = v.status === 'VALID';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Tra cứu khen thưởng — ${escape(v.recipient)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:560px;margin:auto;line-height:1.4}
h1{font-size:1.2rem}.st{padding:10px;border-radius:6px;font-weight:bold;color:#fff;background:${valid ? '#1b7f3b' : '#a0201a'}}
table{border-collapse:collapse;width:100%;margin-top:12px}th,td{text-align:left;padding:6px 4px;border-bottom:1px solid #ddd;vertical-align:top}
th{width:38%;font-weight:600}code{word-break:break-all;font-size:.8rem}</style></head>
<body><h1>Tra cứu khen thưởng</h1>
<p class="st">${valid ? 'CÒN HIỆU LỰC' : 'ĐÃ BỊ HỦY BỎ'}</p>
<table>
${row('Người/tập thể được khen thưởng', v.recipient)}
${row('Hình thức khen thưởng', v.awardName)}
${row('Đơn vị', v.unitId)}
${row('Quyết định số', v.decisionNumber)}
${row('Ngày ký', v.signedAt ? vietnamDay(v.signedAt) : null)}
${row('Năm ký', v.year === null ? null : String(v.year))}
${row('Cơ quan ban hành', v.authorityName ?? v.authority)}
${row('Hủy bỏ theo quyết định số', v.revocationDecisionNumber)}
${row('Ngày hủy bỏ', v.revokedAt ? vietnamDay(v.revokedAt) : null)}
${row('Căn cứ hủy bỏ', v.revocationGround ? (GROUNDS[v.revocationGround] ?? v.revocationGround) : null)}
</table>
${v.documentSha256 ? `<p>SHA-256 của văn bản quyết định đã ký:<br><code>${escape(v.documentSha256)}</code></p>` : ''}
<p><small>Mã tra cứu: <code>${escape(v.code)}</code></small></p>
</body></html>
`;
}
