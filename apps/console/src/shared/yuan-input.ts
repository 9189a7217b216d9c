/** The largest amount the API takes for one order or refund: ¥1,000,000.00. */
export const MAX_ORDER_FEN = 100_000_000;

export type YuanParse = { ok: true; fen: number } | { ok: false; problem: string };

/** Yuan as typed: digits with at most two decimals, optionally with a ¥ sign, thousands separators and spaces. */
const YUAN_TEXT = /^(\d{1,9})(?:\.(\d{0,2}))?$/;

/**
 * An amount typed in yuan as integer fen, read from the text itself (never through a float), so ¥0.29 is 29 fen and
 * ¥1,280.5 is 128050 fen. Refuses what a till should not guess at: negative amounts, more than two decimals, and
 * amounts outside `min`–`max` fen.
 */
export function parseYuan(raw: string | null | undefined, limits: { min?: number; max?: number } = {}): YuanParse {
  const { min = 0, max = MAX_ORDER_FEN } = limits;
  const text = (raw ?? '').replace(/[\s,，¥￥]/g, '');
  if (text === '') return { ok: false, problem: '请输入金额' };
  const match = YUAN_TEXT.exec(text);
  if (!match) return { ok: false, problem: '请输入正确的金额，最多两位小数' };
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (fen < min) return { ok: false, problem: min <= 1 ? '金额须大于 0' : `金额不能低于 ${fenToYuanText(min)} 元` };
  if (fen > max) return { ok: false, problem: `金额不能超过 ${fenToYuanText(max)} 元` };
  return { ok: true, fen };
}

/** Fen as the plain yuan text an input shows (no sign or separators): 128050 → '1280.50'. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
