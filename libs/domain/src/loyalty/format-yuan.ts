/**
 * Fen as the yuan amount a member reads, e.g. 1234500 → '¥12,345.00'. Integer arithmetic only, so no amount is
 * ever shown a fen off; a negative amount keeps its sign in front ('-¥8.00').
 */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Not a whole number of fen: ${fen}`);
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`;
}
