export interface LotBalance {
  id: string;
  remaining: number;
  expiresAt: Date;
  createdAt: Date;
}

/**
 * Which lots a spend of `points` comes out of: the soonest-expiring first, so members lose as few points to expiry
 * as possible; equal expiry goes to the older lot, then to the smaller id, so the plan is the same on every run.
 * Lots with nothing left are skipped, no lot gives more than it has, and the parts add up to `points`.
 * Null when the lots together cannot cover the spend. `points` must be a positive whole number.
 */
export function allocateSpend(lots: LotBalance[], points: number): { lotId: string; points: number }[] | null {
  if (!Number.isSafeInteger(points) || points <= 0) throw new RangeError(`points must be a positive whole number: ${points}`);
  const usable = lots
    .filter((lot) => lot.remaining > 0)
    .sort(
      (a, b) =>
        a.expiresAt.getTime() - b.expiresAt.getTime() ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const parts: { lotId: string; points: number }[] = [];
  let left = points;
  for (const lot of usable) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    parts.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return left === 0 ? parts : null;
}
