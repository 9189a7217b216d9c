import type { CouponOption, CouponQuote, CouponRefusal } from '@glow/contracts';

/** The API takes at most this many coupons on one order (CouponQuoteDto / CheckoutDto `couponIds`). */
export const MAX_COUPONS_PER_ORDER = 5;

/**
 * Refusals that only say the coupon clashes with another one picked: picking it anyway replaces the other, as
 * choosing one of two radio buttons does. Every other refusal (below the minimum spend, out of scope, wrong day…)
 * belongs to the coupon and this cart, so it stays greyed out.
 */
const CLASH_REFUSALS: readonly CouponRefusal[] = ['not-stackable', 'same-group'];

/** Can the member pick this coupon for this cart? */
export function isSelectable(option: Pick<CouponOption, 'outcome'>): boolean {
  return option.outcome === 'ok' || CLASH_REFUSALS.includes(option.outcome);
}

/**
 * The coupons to ask the API to apply after the member taps `option` in the picker. A picked coupon is dropped.
 * An exclusive coupon replaces all others; a stackable one replaces the exclusive ones and those of its own stack
 * group, and the oldest pick makes room when the order's limit is reached. The API has the last word: the quote's
 * `applied.couponIds` is what the page then shows as picked.
 */
export function toggleCoupon(selected: readonly string[], option: CouponOption, options: readonly CouponOption[]): string[] {
  const id = option.coupon.id;
  if (selected.includes(id)) return selected.filter((other) => other !== id);
  if (!isSelectable(option)) return [...selected];
  const template = option.coupon.template;
  if (template.stacking === 'exclusive') return [id];

  const byId = new Map(options.map((other) => [other.coupon.id, other.coupon.template]));
  const kept = selected.filter((other) => {
    const otherTemplate = byId.get(other);
    if (!otherTemplate || otherTemplate.stacking === 'exclusive') return false;
    return template.stackGroup === null || otherTemplate.stackGroup !== template.stackGroup;
  });
  return [...kept, id].slice(-MAX_COUPONS_PER_ORDER);
}

export interface PickerRow {
  option: CouponOption;
  selected: boolean;
  selectable: boolean;
  /** Why it cannot be used (the API's Chinese message), or what picking it would replace; null when plainly usable. */
  note: string | null;
}

/**
 * The picker's rows: every available coupon of the member, the picked ones first, then those that can be picked
 * (most money off first), then the greyed-out ones with the reason. Sorting is stable, so equal coupons keep the
 * API's order.
 */
export function pickerRows(quote: Pick<CouponQuote, 'options' | 'applied'>): PickerRow[] {
  const applied = new Set(quote.applied.couponIds);
  const rows = quote.options.map((option) => {
    const selected = applied.has(option.coupon.id);
    const selectable = isSelectable(option);
    return { option, selected, selectable, note: selected || option.outcome === 'ok' ? null : option.message };
  });
  const rank = (row: PickerRow) => (row.selected ? 0 : row.selectable ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || b.option.discountFen - a.option.discountFen);
}

/** Whether the applied coupons are the API's best suggestion (same set, whatever the order). */
export function isBestSelection(quote: Pick<CouponQuote, 'bestCouponIds' | 'applied'>): boolean {
  const { bestCouponIds: best } = quote;
  const applied = quote.applied.couponIds;
  return best.length > 0 && best.length === applied.length && best.every((id) => applied.includes(id));
}

/** How many of the member's coupons can be picked for this cart. */
export function usableCount(quote: Pick<CouponQuote, 'options'>): number {
  return quote.options.filter(isSelectable).length;
}
