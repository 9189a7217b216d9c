import { seededRandom } from '../loyalty/testing/seeded-random';
import { COUPON_CODE_ALPHABET, COUPON_CODE_LENGTH, COUPON_CODE_RANDOM_BYTES, toCouponCode } from './coupon-code';

describe(toCouponCode.name, () => {
  it('uses no character staff could misread at the till (0/O, 1/I/L) and no character twice', () => {
    expect(COUPON_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(COUPON_CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    expect(new Set(COUPON_CODE_ALPHABET).size).toBe(COUPON_CODE_ALPHABET.length);
  });

  it('gives 12 characters of the alphabet, the same for the same bytes', () => {
    const bytes = Uint8Array.from({ length: COUPON_CODE_RANDOM_BYTES }, (_, i) => (i * 37) % 248);
    const sut = toCouponCode(bytes);
    expect(sut).toHaveLength(COUPON_CODE_LENGTH);
    expect(sut).toMatch(new RegExp(`^[${COUPON_CODE_ALPHABET}]{12}$`));
    expect(toCouponCode(bytes)).toBe(sut);
  });

  it.each<[string, number[], string]>([
    ['the first twelve byte values', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], '23456789ABCD'],
    ['bytes wrapping around the alphabet', [31, 62, 93, 124, 155, 186, 217, 30, 61, 92, 123, 154], '2222222ZZZZZ'],
    ['bytes of 248 and above, which are skipped', [248, 0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 10, 11], '23456789ABCD'],
  ])('reads %s', (_, bytes, code) => {
    expect(toCouponCode(Uint8Array.from(bytes))).toBe(code);
  });

  it('makes every character equally likely: each is reached by exactly 8 of the 248 usable byte values', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 248; b++) {
      const c = toCouponCode(new Uint8Array(COUPON_CODE_LENGTH).fill(b))[0];
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join('')).toBe([...COUPON_CODE_ALPHABET].sort().join(''));
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('refuses to make a short code when the bytes run out', () => {
    expect(() => toCouponCode(new Uint8Array(11))).toThrow(RangeError);
    expect(() => toCouponCode(new Uint8Array(COUPON_CODE_RANDOM_BYTES).fill(255))).toThrow(RangeError);
  });

  it('gives 5000 different codes for 5000 draws of random bytes (seeded)', () => {
    const rnd = seededRandom(5);
    const codes = new Set(Array.from({ length: 5000 }, () => toCouponCode(Uint8Array.from({ length: COUPON_CODE_RANDOM_BYTES }, () => rnd.int(0, 255)))));
    expect(codes.size).toBe(5000);
  });
});
