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

/** Money is kept in fen (integers); staff read and type yuan. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Rounds to the fen, so 12.345 元 becomes 1235 fen and float noise (0.1 + 0.2) never reaches the API. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function formatYuan(fen: number): string {
  return `¥${fenToYuan(fen).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A fraction (0.1234) as a percentage with one decimal (12.3%). */
export function formatPercent(fraction: number): string {
  return `${toPercent(fraction).toFixed(1)}%`;
}

/** A fraction as a percentage number rounded to one decimal, for charts. */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** A fraction as a percentage with one decimal, or — when there is none (a rate of 0 out of 0). */
export function formatPercentOrEmpty(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? EMPTY : formatPercent(fraction);
}

/** Fen as yuan, or — when there is no amount (an average over nobody). */
export function formatYuanOrEmpty(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? EMPTY : formatYuan(fen);
}

/** A count with thousands separators: 12,345. */
export function formatCount(value: number): string {
  return value.toLocaleString('zh-CN');
}
