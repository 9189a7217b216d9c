/**
 * Splits an order discount across its lines in proportion to their gross amounts, in integer fen, by largest
 * remainder: the parts add up to exactly `discountFen`, no line pays less than zero, and ties go to earlier lines.
 * Answers what each line pays after the discount.
 */
export function splitDiscount(grossFen: number[], discountFen: number): number[] {
  if (grossFen.some((g) => !Number.isInteger(g) || g < 0)) throw new Error('line amounts must be non-negative integers');
  const total = grossFen.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(discountFen) || discountFen < 0 || discountFen > total) throw new Error('discount must be an integer between 0 and the total');
  if (discountFen === 0 || total === 0) return [...grossFen];
  const exact = grossFen.map((g) => (BigInt(g) * BigInt(discountFen)) as bigint);
  const parts = exact.map((e) => Number(e / BigInt(total)));
  let left = discountFen - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rest: Number(e % BigInt(total)) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (parts[i] < grossFen[i]) {
      parts[i]++;
      left--;
    }
  }
  return grossFen.map((g, i) => g - parts[i]);
}
