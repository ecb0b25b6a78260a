import { vietnamDateTime } from './vietnam-time';

/** A rendered mail: Vietnamese subject, plain text and a simple HTML alternative. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailItem {
  title: string;
  body: string;
  nominationId: string;
  at: string;
}

const SIGNATURE =
  'Hệ thống thi đua, khen thưởng (TĐKT) — thư gửi tự động, xin không trả lời thư này.\n' +
  'Anh/chị chọn loại thông báo nhận qua thư trong phần cài đặt thông báo của hệ thống.';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const paragraphs = (text: string) =>
  text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

const html = (subject: string, text: string) =>
  `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n` +
  `<body style="font-family: Arial, sans-serif; line-height: 1.5">\n${paragraphs(text)}\n</body></html>`;

/** One notification as one mail. */
export function notificationMail(displayName: string, item: MailItem): MailContent {
  const subject = `[TĐKT] ${item.title}`;
  const text =
    `Kính gửi ${displayName},\n\n${item.body}\n\n` +
    `Mã hồ sơ: ${item.nominationId}\nThời điểm: ${vietnamDateTime(item.at)} (giờ Việt Nam)\n\n-- \n${SIGNATURE}`;
  return { subject, text, html: html(subject, text) };
}

/** The day's overdue items as one mail (`day`: `YYYY-MM-DD`, Vietnam time). */
export function digestMail(displayName: string, day: string, items: readonly MailItem[]): MailContent {
  const [y, m, d] = day.split('-');
  const subject = `[TĐKT] Tổng hợp hạn xử lý ngày ${d}/${m}/${y}: ${items.length} thông báo`;
  const list = items
    .map((i, n) => `${n + 1}. ${i.title}\n${i.body}\nMã hồ sơ: ${i.nominationId} — ${vietnamDateTime(i.at)}`)
    .join('\n\n');
  const text =
    `Kính gửi ${displayName},\n\nCác hồ sơ sắp đến hạn hoặc đã quá hạn xử lý từ bản tổng hợp trước (${items.length}):\n\n` +
    `${list}\n\n-- \n${SIGNATURE}`;
  return { subject, text, html: html(subject, text) };
}
