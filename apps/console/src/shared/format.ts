import dayjs from 'dayjs';

export const EMPTY = '—';

export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dayjs(instant).format('YYYY-MM-DD HH:mm') : EMPTY;
}

export function formatDate(instant: string | null | undefined): string {
  return instant ? dayjs(instant).format('YYYY-MM-DD') : EMPTY;
}

export function orEmpty(value: string | null | undefined): string {
  return value ? value : EMPTY;
}
