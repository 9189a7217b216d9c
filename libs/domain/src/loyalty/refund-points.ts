/**
 * The points a refund takes back from an order that earned `earned`.
 *
 * The share is cumulative: after this refund the member has given back floor(earned × refunded so far / total),
 * and this refund takes the difference from what earlier refunds took. So any sequence of partial refunds adds
 * up to exactly what one refund of the same amount would take, and a refund that completes the order takes back
 * everything still held (earned minus what earlier refunds took), leaving no stray point behind.
 *
 * Throws when this refund is not positive, when the refunds would exceed the order total, or the total is not
 * positive.
 */
export function pointsToReverse(p: { earned: number; totalFen: number; refundedBeforeFen: number; refundNowFen: number }): number {
  for (const [what, n] of Object.entries(p)) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative whole number: ${n}`);
  }
  if (p.totalFen <= 0) throw new RangeError('the order total must be positive');
  if (p.refundNowFen <= 0) throw new RangeError('the refund must be positive');
  const after = p.refundedBeforeFen + p.refundNowFen;
  if (after > p.totalFen) throw new RangeError('refunds exceed the order total');

  const earned = BigInt(p.earned);
  const total = BigInt(p.totalFen);
  const takenBefore = (earned * BigInt(p.refundedBeforeFen)) / total;
  // A refund that completes the order needs no special case: floor(earned × total / total) is exactly earned.
  const takenAfter = (earned * BigInt(after)) / total;
  return Number(takenAfter - takenBefore);
}

export type LotState = 'pending' | 'active' | 'expired' | 'cancelled';

export interface ReversalPlan {
  cancelPending: number;
  clawActive: number;
  forgoExpired: number;
  debt: number;
}

/**
 * How `points` to reverse come out of the lot the order earned.
 *
 * Pending points are simply cancelled and active points clawed back from the balance, each up to what the lot
 * still holds. Points of an expired lot that expired unspent are forgone with no balance change: the member never
 * had the benefit of them, so there is nothing to take back. A cancelled lot gives nothing. Whatever the lot
 * cannot cover was already spent and becomes debt. The four parts add up to `points`.
 */
export function planReversal(points: number, lot: { status: LotState; remaining: number }): ReversalPlan {
  if (!Number.isSafeInteger(points) || points < 0) throw new RangeError(`points must be a non-negative whole number: ${points}`);
  const covered = lot.status === 'cancelled' ? 0 : Math.min(points, Math.max(0, lot.remaining));
  return {
    cancelPending: lot.status === 'pending' ? covered : 0,
    clawActive: lot.status === 'active' ? covered : 0,
    forgoExpired: lot.status === 'expired' ? covered : 0,
    debt: points - covered,
  };
}
