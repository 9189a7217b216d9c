export { COUPON_CODE_PATTERN } from '@glow/domain';

/** A scanned, typed or pasted coupon code ('券码 abcd-2345 efgh' → 'ABCD2345EFGH'): letters and digits, in capitals. */
export function normalizeCouponCode(raw: string): string {
  return raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}
