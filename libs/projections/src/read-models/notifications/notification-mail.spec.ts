import { digestMail, notificationMail } from './notification-mail';
import { preferencesFrom, DEFAULT_PREFERENCES } from './notification-preferences';
import { vietnamDateTime, vietnamDay, vietnamInstant } from './vietnam-time';

describe('Vietnam time (UTC+7, no daylight saving)', () => {
  it('shows an instant as a Vietnamese date and time', () => {
    expect(vietnamDateTime('2026-11-17T02:00:00.000Z')).toBe('17/11/2026 09:00');
    expect(vietnamDateTime('2026-12-31T17:30:00.000Z')).toBe('01/01/2027 00:30');
  });

  it('gives the Vietnam day of an instant and the instant of a Vietnam time of day', () => {
    expect(vietnamDay(new Date('2026-11-19T16:59:59.000Z'))).toBe('2026-11-19');
    expect(vietnamDay(new Date('2026-11-19T17:00:00.000Z'))).toBe('2026-11-20');
    expect(vietnamInstant('2026-11-20', '07:30').toISOString()).toBe('2026-11-20T00:30:00.000Z');
  });
});

describe('Notification mail', () => {
  const item = {
    title: 'Trả lại để bổ sung: Nguyễn Văn <An>',
    body: 'Lý do: thiếu "minh chứng" & tài liệu',
    nominationId: 'nom-1',
    at: '2026-11-05T02:00:00.000Z',
  };

  it('has a Vietnamese subject, a greeting, the nomination and the time in Vietnam', () => {
    const mail = notificationMail('Trần Thị Mai', item);
    expect(mail.subject).toBe('[TĐKT] Trả lại để bổ sung: Nguyễn Văn <An>');
    expect(mail.text).toContain('Kính gửi Trần Thị Mai,');
    expect(mail.text).toContain('Mã hồ sơ: nom-1\nThời điểm: 05/11/2026 09:00 (giờ Việt Nam)');
  });

  it('escapes what it puts in HTML', () => {
    const { html } = notificationMail('Mai', item);
    expect(html).toContain('Lý do: thiếu &quot;minh chứng&quot; &amp; tài liệu');
    expect(html).toContain('Nguyễn Văn &lt;An&gt;');
    expect(html).not.toContain('<An>');
  });

  it('lists a day’s items in one digest, counted in the subject', () => {
    const mail = digestMail('Mai', '2026-11-20', [item, { ...item, nominationId: 'nom-2' }]);
    expect(mail.subject).toBe('[TĐKT] Tổng hợp hạn xử lý ngày 20/11/2026: 2 thông báo');
    expect(mail.text).toMatch(/1\. Trả lại[\s\S]*nom-1[\s\S]*2\. Trả lại[\s\S]*nom-2/);
  });
});

describe('Notification preferences', () => {
  it('default to everything on, one mail per item', () => {
    expect(preferencesFrom(undefined)).toEqual(DEFAULT_PREFERENCES);
  });

  it('take a stored choice, and the default for a field it lacks', () => {
    expect(preferencesFrom(JSON.stringify({ overdue: { dailyDigest: true }, outcome: { email: false } }))).toEqual({
      awaiting: { inApp: true, email: true },
      overdue: { inApp: true, email: true, dailyDigest: true },
      outcome: { inApp: true, email: false },
    });
  });
});
