import { splitDiscount } from './split-discount';

describe('splitDiscount', () => {
  it.each([
    ['no discount leaves every line as it was', [39900, 12900], 0, [39900, 12900]],
    ['a discount on one line takes it all from that line', [10000], 2500, [7500]],
    ['a discount splits in proportion to the lines', [30000, 10000], 4000, [27000, 9000]],
    ['a fen that cannot be split evenly goes to the line with the largest remainder', [100, 100, 100], 100, [66, 67, 67]],
    ['a discount equal to the total makes every line free', [500, 1500], 2000, [0, 0]],
    ['a free line stays free and takes no discount', [0, 1000], 300, [0, 700]],
  ])('%s', (_, gross, discount, paid) => {
    expect(splitDiscount(gross, discount)).toEqual(paid);
  });

  it('always adds up to the total minus the discount, and no line goes below zero (seeded random orders)', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 500; run++) {
      const gross = Array.from({ length: 1 + rand(8) }, () => rand(100_000));
      const total = gross.reduce((a, b) => a + b, 0);
      const discount = total === 0 ? 0 : rand(total + 1);
      const paid = splitDiscount(gross, discount);
      expect(paid.reduce((a, b) => a + b, 0)).toBe(total - discount);
      paid.forEach((p, i) => {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(gross[i]);
      });
    }
  });

  it.each([
    ['a discount larger than the order', [1000], 1001],
    ['a negative discount', [1000], -1],
    ['a negative line', [-1, 1000], 0],
  ])('refuses %s', (_, gross, discount) => {
    expect(() => splitDiscount(gross, discount)).toThrow();
  });
});
