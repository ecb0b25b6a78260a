import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Vietnam time, as offices read it. */
export const VN_TZ = 'Asia/Ho_Chi_Minh';

/** dd/MM/yyyy HH:mm in Vietnam time ("—" when absent). */
export const dateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz(VN_TZ).format('DD/MM/YYYY HH:mm') : '—';

/** dd/MM/yyyy in Vietnam time. */
export const date = (iso: string | null | undefined): string => (iso ? dayjs(iso).tz(VN_TZ).format('DD/MM/YYYY') : '—');

export const isOverdue = (dueAt: string | null | undefined, now = Date.now()): boolean =>
  !!dueAt && Date.parse(dueAt) < now;

export const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;
