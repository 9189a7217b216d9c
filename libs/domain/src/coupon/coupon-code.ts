/**
 * The characters of a member coupon code: digits and uppercase letters without 0/O, 1/I/L, which staff misread when
 * a member shows the code at the till. That leaves 31 characters, so 12 of them carry about 59 bits.
 */
export const COUPON_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export const COUPON_CODE_LENGTH = 12;

/**
 * Random bytes to pass to {@link toCouponCode}. A byte is refused about once in 32, so 24 bytes run short of 12
 * usable ones less than once in 10^13 codes.
 */
export const COUPON_CODE_RANDOM_BYTES = 24;

/** The largest multiple of the alphabet's size that fits in a byte: bytes from here up would favour early letters. */
const UNBIASED_LIMIT = 256 - (256 % COUPON_CODE_ALPHABET.length);

/**
 * A 12-character coupon code from cryptographically random bytes (the caller draws them, so this stays pure and
 * testable). 31 does not divide 256, so a plain `byte % 31` would make some characters likelier than others;
 * instead bytes of 248 and above are skipped (rejection sampling), which keeps every character equally likely.
 * Throws when the bytes run out first; pass {@link COUPON_CODE_RANDOM_BYTES} of them.
 */
export function toCouponCode(bytes: Uint8Array): string {
  let code = '';
  for (const byte of bytes) {
    if (byte >= UNBIASED_LIMIT) continue;
    code += COUPON_CODE_ALPHABET[byte % COUPON_CODE_ALPHABET.length];
    if (code.length === COUPON_CODE_LENGTH) return code;
  }
  throw new RangeError(`Not enough usable random bytes for a ${COUPON_CODE_LENGTH}-character coupon code`);
}

/** A member coupon's code as typed at the till (any case; compare after upper-casing). */
export const COUPON_CODE_PATTERN = /^[A-Za-z0-9]{12}$/;

/** A template's business code, referenced by tiers (birthday coupon), rewards and campaigns. */
export const COUPON_TEMPLATE_CODE_PATTERN = /^[A-Za-z0-9_-]{2,40}$/;
