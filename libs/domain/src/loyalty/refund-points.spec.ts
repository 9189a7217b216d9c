import { type LotState, planReversal, pointsToReverse, type ReversalPlan } from './refund-points';
import { seededRandom } from './testing/seeded-random';

describe(pointsToReverse.name, () => {
  it.each([
    ['a full refund at once takes everything', 123, 12345, 0, 12345, 123],
    ['half of an order that earned 101: floor(50.5)', 101, 10000, 0, 5000, 50],
    ['the other half takes the rest, so nothing is left', 101, 10000, 5000, 5000, 51],
    ['the first of three equal thirds', 100, 300, 0, 100, 33],
    ['the second third', 100, 300, 100, 100, 33],
    ['the last third completes the order and takes 34', 100, 300, 200, 100, 34],
    ['a one-fen refund of a big order may take nothing', 100, 100000, 0, 1, 0],
    ['the last fen of an order takes what is left', 100, 100000, 99999, 1, 1],
    ['an order that earned nothing gives nothing back', 0, 5000, 0, 5000, 0],
    ['an order that earned more points than it cost fen', 5000, 100, 0, 33, 1650],
  ])('%s', (_, earned, totalFen, refundedBeforeFen, refundNowFen, expected) => {
    expect(pointsToReverse({ earned, totalFen, refundedBeforeFen, refundNowFen })).toBe(expected);
  });

  it.each([
    ['a refund of nothing', { earned: 100, totalFen: 1000, refundedBeforeFen: 0, refundNowFen: 0 }],
    ['a negative refund', { earned: 100, totalFen: 1000, refundedBeforeFen: 0, refundNowFen: -10 }],
    ['refunds beyond the order total', { earned: 100, totalFen: 1000, refundedBeforeFen: 600, refundNowFen: 401 }],
    ['an order total of zero', { earned: 0, totalFen: 0, refundedBeforeFen: 0, refundNowFen: 1 }],
    ['negative earned points', { earned: -1, totalFen: 1000, refundedBeforeFen: 0, refundNowFen: 10 }],
    ['a fractional amount', { earned: 100, totalFen: 1000, refundedBeforeFen: 0, refundNowFen: 10.5 }],
  ])('refuses %s', (_, p) => {
    expect(() => pointsToReverse(p)).toThrow(RangeError);
  });

  it('adds up to the earned points over any sequence of partial refunds (seeded random refunds)', () => {
    const rnd = seededRandom(7);
    for (let run = 0; run < 500; run++) {
      const totalFen = rnd.int(1, 2_000_000);
      const earned = rnd.int(0, 50_000);
      let refunded = 0;
      let reversed = 0;
      while (refunded < totalFen) {
        const now = rnd.next() < 0.2 ? totalFen - refunded : rnd.int(1, totalFen - refunded);
        const part = pointsToReverse({ earned, totalFen, refundedBeforeFen: refunded, refundNowFen: now });
        expect(part).toBeGreaterThanOrEqual(0);
        refunded += now;
        reversed += part;
        // The running total is what one refund of the same amount would have taken.
        if (refunded < totalFen) expect(reversed).toBe(Math.floor((earned * refunded) / totalFen));
      }
      expect(reversed).toBe(earned);
    }
  });
});

describe(planReversal.name, () => {
  const plan = (p: Partial<ReversalPlan>): ReversalPlan => ({ cancelPending: 0, clawActive: 0, forgoExpired: 0, debt: 0, ...p });

  it.each<[string, number, LotState, number, ReversalPlan]>([
    ['pending lot holding enough: cancelled', 50, 'pending', 100, plan({ cancelPending: 50 })],
    ['pending lot holding exactly enough', 100, 'pending', 100, plan({ cancelPending: 100 })],
    ['active lot holding enough: clawed back from the balance', 50, 'active', 100, plan({ clawActive: 50 })],
    ['active lot partly spent: the spent part becomes debt', 100, 'active', 30, plan({ clawActive: 30, debt: 70 })],
    ['active lot fully spent: all debt', 100, 'active', 0, plan({ debt: 100 })],
    ['expired lot that expired unspent: forgone, no debt', 80, 'expired', 100, plan({ forgoExpired: 80 })],
    ['expired lot partly spent before it expired: the spent part becomes debt', 100, 'expired', 40, plan({ forgoExpired: 40, debt: 60 })],
    ['expired lot fully spent: all debt', 100, 'expired', 0, plan({ debt: 100 })],
    ['cancelled lot gives nothing, even with points left on it', 100, 'cancelled', 100, plan({ debt: 100 })],
    ['a lot in the negative counts as empty', 100, 'active', -20, plan({ debt: 100 })],
    ['nothing to reverse', 0, 'active', 100, plan({})],
  ])('%s', (_, points, status, remaining, expected) => {
    const sut = planReversal(points, { status, remaining });
    expect(sut).toEqual(expected);
    expect(sut.cancelPending + sut.clawActive + sut.forgoExpired + sut.debt).toBe(points);
  });

  it.each([[-1], [2.5]])('refuses to reverse %p points', (points) => {
    expect(() => planReversal(points, { status: 'active', remaining: 10 })).toThrow(RangeError);
  });

  it('always adds up to the points, never negative, never more than the lot holds (seeded random lots)', () => {
    const rnd = seededRandom(99);
    const states: LotState[] = ['pending', 'active', 'expired', 'cancelled'];
    for (let run = 0; run < 400; run++) {
      const points = rnd.int(0, 500);
      const lot = { status: rnd.choice(states), remaining: rnd.int(-50, 500) };
      const sut = planReversal(points, lot);
      expect(Object.values(sut).every((n) => n >= 0)).toBe(true);
      expect(sut.cancelPending + sut.clawActive + sut.forgoExpired + sut.debt).toBe(points);
      expect(sut.cancelPending + sut.clawActive + sut.forgoExpired).toBeLessThanOrEqual(Math.max(0, lot.remaining));
    }
  });
});
