/* Mirror of COUPON_CODE_PATTERN: values from the contracts barrel are not imported in the browser (see api-routes.ts). */
export const COUPON_CODE_PATTERN = /^[A-Za-z0-9]{12}$/;

/** A scanned, typed or pasted coupon code ('券码 abcd-2345 efgh' → 'ABCD2345EFGH'): letters and digits, in capitals. */
export function normalizeCouponCode(raw: string): string {
  return raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}
