import { businessClock, businessDate, minutesOf, weekdayOf } from '../appointment/business-time';
import { formatYuan } from '../loyalty/format-yuan';
import { splitDiscount } from '../order/split-discount';
import type { CouponKind, CouponRefusal, CouponScopeKind, CouponStacking, CouponStatus } from './coupon-vocabulary';

/** What a coupon does and when it applies, as copied from its template onto every member coupon. */
export interface CouponRules {
  kind: CouponKind;
  /** `amount_off`: fen taken off. */
  amountOffFen: number | null;
  /** `percent_off`: the share taken off, 15 = 15% off (八五折). */
  percentOff: number | null;
  /** `percent_off`: the most it takes off in fen; null for no cap. */
  maxDiscountFen: number | null;
  /** `gift`: the SKU handed over. */
  giftSku: string | null;
  /** `service`: the appointment service it pays for. */
  serviceCode: string | null;
  /** Eligible spend needed, in fen; 0 for none (无门槛). */
  minSpendFen: number;
  /** `values` are categories or SKUs (empty for `all`); `excludeSkus` are never discounted, whatever the scope. */
  scope: { kind: CouponScopeKind; values: string[]; excludeSkus: string[] };
  /** ISO weekdays (1 = Monday … 7 = Sunday) in business time; empty for every day. */
  weekdays: number[];
  /** `HH:mm` in business time, `hoursUntil` excluded; both null for any time of day. */
  hoursFrom: string | null;
  hoursUntil: string | null;
  stacking: CouponStacking;
  /** Stackable coupons of the same group never share an order; null for no group. */
  stackGroup: string | null;
}

/** One coupon in a member's wallet. `validUntil` is the last moment it may be used, that moment included. */
export interface WalletCoupon {
  id: string;
  status: CouponStatus;
  validFrom: Date;
  validUntil: Date;
  rules: CouponRules;
}

export interface CartLine {
  sku: string;
  category: string | null;
  unitPriceFen: number;
  quantity: number;
}

export type CouponOutcome = { ok: true; eligibleFen: number; discountFen: number } | { ok: false; reason: CouponRefusal; message: string };

export type CouponsApplied =
  | { ok: true; discountFen: number; paidFen: number[]; perCoupon: { id: string; discountFen: number }[]; gifts: string[] }
  | { ok: false; couponId: string; reason: CouponRefusal; message: string };

/** The most coupons one order may carry. */
export const MAX_COUPONS_PER_ORDER = 5;

/** How many of the best stackable coupons {@link bestCoupons} combines, each combination in the two usual orders. */
const BEST_SEARCH_POOL = 12;
/** How many of the best stackable coupons {@link bestCoupons} combines in every order. */
const EVERY_ORDER_POOL = 7;

const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Why a coupon is refused, without the `ok` flag. */
export type CouponRefusalOutcome = { reason: CouponRefusal; message: string };

/**
 * What a coupon's line amounts come to within its scope: lines whose category (scope `categories`) or SKU (scope
 * `skus`) is listed, or every line (scope `all`), never an excluded SKU. `paidFen[i]` replaces line i's gross
 * amount when given, so a coupon applied after others counts what the lines still cost.
 */
export function eligibleFen(rules: CouponRules, lines: CartLine[], paidFen?: number[]): number {
  const amounts = lineAmounts(lines, paidFen);
  return sumOf(eligibleLines(rules, lines).map((i) => amounts[i]));
}

/**
 * Why this coupon cannot be used at `now` whatever the cart, or null when it can: its status, its dates
 * (`validFrom` and `validUntil` both included) and its weekdays and hours in business time. The till uses this
 * alone when it hands over a gift or performs a service without a purchase.
 */
export function couponRefusalAt(coupon: WalletCoupon, now: Date): CouponRefusalOutcome | null {
  if (coupon.status !== 'available') return { reason: 'not-available', message: NOT_AVAILABLE_MESSAGES[coupon.status] };
  if (now.getTime() < coupon.validFrom.getTime()) return { reason: 'not-started', message: `优惠券将于${startText(coupon.validFrom, now)}起可用` };
  if (now.getTime() > coupon.validUntil.getTime()) return { reason: 'expired', message: '优惠券已过期' };
  const { weekdays, hoursFrom, hoursUntil } = coupon.rules;
  if (weekdays.length > 0 && !weekdays.includes(weekdayOf(businessDate(now)))) return { reason: 'wrong-day', message: usageWindowText(coupon.rules) ?? '今天不可使用' };
  if (hoursFrom !== null || hoursUntil !== null) {
    const minute = minutesOf(businessClock(now));
    if (minute < minutesOf(hoursFrom ?? '00:00') || minute >= minutesOf(hoursUntil ?? '24:00')) return { reason: 'wrong-hour', message: usageWindowText(coupon.rules) ?? '当前时段不可使用' };
  }
  return null;
}

/**
 * Whether a coupon applies to a cart and what it takes off, given `others`, the coupons already chosen for the same
 * order. Checks run from what concerns the coupon alone (state, dates, days, hours, kind) to what concerns the
 * order (stacking, then scope, then minimum spend), so the shopper hears the reason they cannot fix by changing the
 * cart first. A service coupon is redeemed in store or with a booking, never on a product cart.
 *
 * The discount never exceeds the eligible amount: `amount_off` takes its amount, at most the eligible amount;
 * `percent_off` takes the share rounded down to the fen (the shopper never pays a fractional fen, the brand never
 * gives one away), at most its cap; a gift takes nothing off (it is handed over, not money off).
 */
export function evaluateCoupon(coupon: WalletCoupon, lines: CartLine[], now: Date, others: WalletCoupon[] = [], paidFen?: number[]): CouponOutcome {
  const refusal = couponRefusalAt(coupon, now) ?? kindRefusal(coupon.rules);
  if (refusal) return { ok: false, ...refusal };
  return evaluateInOrder(coupon, eligibleLines(coupon.rules, lines), lineAmounts(lines, paidFen), others);
}

/**
 * Applies coupons to a cart in the given order, each on what the lines still cost after the earlier ones and
 * checked with {@link evaluateCoupon} against them; the first refusal refuses the lot. Each coupon's discount is
 * split over its own eligible lines only, in integer fen, so every line's `paidFen` stays at or above zero and the
 * lines add up to the gross total minus `discountFen` exactly, which is what refunds prorate against.
 */
export function applyCoupons(coupons: WalletCoupon[], lines: CartLine[], now: Date): CouponsApplied {
  let paid = lineAmounts(lines);
  const perCoupon: { id: string; discountFen: number }[] = [];
  const gifts: string[] = [];
  for (const [n, coupon] of coupons.entries()) {
    const outcome = evaluateCoupon(coupon, lines, now, coupons.slice(0, n), paid);
    if (!outcome.ok) return { ok: false, couponId: coupon.id, reason: outcome.reason, message: outcome.message };
    paid = takeOff(paid, eligibleLines(coupon.rules, lines), outcome.discountFen);
    perCoupon.push({ id: coupon.id, discountFen: outcome.discountFen });
    if (coupon.rules.kind === 'gift' && coupon.rules.giftSku !== null) gifts.push(coupon.rules.giftSku);
  }
  return { ok: true, discountFen: sumOf(perCoupon.map((p) => p.discountFen)), paidFen: paid, perCoupon, gifts };
}

/**
 * The coupons worth the most on this cart, in the order to pass to {@link applyCoupons}, which reproduces
 * `discountFen` exactly. More money off wins; at equal money, more gifts (a free gift beats nothing, but never a
 * single fen off); then fewer coupons, so none is used up for nothing; then the coupons expiring soonest, so those
 * about to lapse are used first; then ids, so the answer never depends on the wallet's order.
 *
 * Every usable coupon is weighed alone; stackable coupons are also combined, one per group, up to
 * {@link MAX_COUPONS_PER_ORDER}. The order matters, as each coupon counts what the cart still costs after the earlier
 * ones, both for its minimum and for a percentage. Every order of every combination of the 7 best stackable
 * coupons (best first from each group in turn) is tried, so with up to 7 usable stackable coupons, a typical wallet,
 * the answer is the true best. A larger wallet also has its 12 best combined, each combination in two orders only:
 * gifts first (they change no amount, so they see the fullest cart for their minimum), then every percentage before
 * every amount or the other way round, higher minimums first within a kind. The search skips what could not
 * beat the best found even if each further coupon took as much as it does alone (a coupon never takes more after
 * others). A wallet of 50 coupons on a 50-line cart takes tens of milliseconds at worst.
 */
export function bestCoupons(coupons: WalletCoupon[], lines: CartLine[], now: Date): { couponIds: string[]; discountFen: number } {
  const seen = new Set<string>();
  const usable: { coupon: WalletCoupon; score: Score }[] = [];
  const scopeOf = new Map<WalletCoupon, number[]>();
  const aloneOf = new Map<WalletCoupon, number>();
  for (const coupon of coupons) {
    if (seen.has(coupon.id)) continue;
    seen.add(coupon.id);
    const outcome = evaluateCoupon(coupon, lines, now);
    if (!outcome.ok) continue;
    usable.push({ coupon, score: scoreOf([coupon], outcome.discountFen) });
    scopeOf.set(coupon, eligibleLines(coupon.rules, lines));
    aloneOf.set(coupon, outcome.discountFen);
  }

  let best: Score = scoreOf([], 0);
  for (const { score } of usable) if (compareScores(score, best) < 0) best = score;

  // Every pooled coupon passed its checks of state, dates, days and hours alone at `now`, and those do not depend
  // on the other coupons, so the search applies coupons with the order-dependent checks only.
  const pool = searchPool(
    usable.filter((u) => u.coupon.rules.stacking === 'stackable'),
    BEST_SEARCH_POOL,
  );
  // `everyOrder`: the next coupon may be any one not chosen yet; otherwise only one later in the sequence, which
  // meets each combination once, in the sequence's order.
  const visit = (everyOrder: boolean, candidates: WalletCoupon[], chosen: WalletCoupon[], groups: Set<string>, paid: number[], money: number): void => {
    for (const [i, coupon] of candidates.entries()) {
      const open = everyOrder ? candidates : candidates.slice(i);
      const most = open.map((c) => aloneOf.get(c) ?? 0).sort((x, y) => y - x);
      if (money + sumOf(most.slice(0, MAX_COUPONS_PER_ORDER - chosen.length)) < best.discountFen) return;
      const group = groupOf(coupon);
      if (groups.has(group)) continue;
      const indexes = scopeOf.get(coupon) ?? [];
      const outcome = evaluateInOrder(coupon, indexes, paid, chosen);
      if (!outcome.ok) continue;
      const next = [...chosen, coupon];
      const nextMoney = money + outcome.discountFen;
      if (next.length >= 2) {
        const score = scoreOf(next, nextMoney);
        if (compareScores(score, best) < 0) best = score;
      }
      if (next.length === MAX_COUPONS_PER_ORDER) continue;
      const rest = everyOrder ? candidates.filter((c) => c !== coupon) : candidates.slice(i + 1);
      visit(everyOrder, rest, next, new Set([...groups, group]), takeOff(paid, indexes, outcome.discountFen), nextMoney);
    }
  };
  // Listed in the first of the usual orders, so among orders worth the same that one is met first and kept.
  visit(true, applyOrders(pool.slice(0, EVERY_ORDER_POOL))[0], [], new Set(), lineAmounts(lines), 0);
  if (pool.length > EVERY_ORDER_POOL) for (const sequence of applyOrders(pool)) visit(false, sequence, [], new Set(), lineAmounts(lines), 0);

  return { couponIds: best.coupons.map((c) => c.id), discountFen: best.discountFen };
}

/**
 * The sentence stating a coupon's days and hours, e.g. '仅限周一至周五 10:00–14:00使用', or null when it may be
 * used at any time. Runs of three or more consecutive weekdays read as a range.
 */
export function usageWindowText(rules: Pick<CouponRules, 'weekdays' | 'hoursFrom' | 'hoursUntil'>): string | null {
  const days = weekdaysText(rules.weekdays);
  const hours = rules.hoursFrom === null && rules.hoursUntil === null ? null : `${rules.hoursFrom ?? '00:00'}–${rules.hoursUntil ?? '24:00'}`;
  if (days === null && hours === null) return null;
  return `仅限${[days, hours].filter((s) => s !== null).join(' ')}使用`;
}

const NOT_AVAILABLE_MESSAGES: Record<CouponStatus, string> = {
  available: '',
  held: '优惠券已用于一笔待支付订单',
  used: '优惠券已使用',
  expired: '优惠券已过期',
  revoked: '优惠券已作废',
};

function kindRefusal(rules: CouponRules): CouponRefusalOutcome | null {
  return rules.kind === 'service' ? { reason: 'service-only', message: '服务券请到店或预约时出示使用' } : null;
}

/** The checks that depend on the rest of the order, then the discount: stacking, scope, minimum spend. */
function evaluateInOrder(coupon: WalletCoupon, indexes: number[], paid: number[], others: WalletCoupon[]): CouponOutcome {
  const refusal = orderRefusal(coupon, others);
  if (refusal) return { ok: false, ...refusal };
  if (indexes.length === 0) return { ok: false, reason: 'out-of-scope', message: '本单没有适用该券的商品' };
  const { rules } = coupon;
  const eligible = sumOf(indexes.map((i) => paid[i]));
  if (eligible < rules.minSpendFen) return { ok: false, reason: 'below-minimum', message: `还差${formatYuan(rules.minSpendFen - eligible)}可用` };
  return { ok: true, eligibleFen: eligible, discountFen: discountOf(rules, eligible) };
}

/** What the lines cost after a discount split over the lines at `indexes`. */
function takeOff(paid: number[], indexes: number[], discountFen: number): number[] {
  const after = splitDiscount(
    indexes.map((i) => paid[i]),
    discountFen,
  );
  const next = [...paid];
  indexes.forEach((lineIndex, k) => (next[lineIndex] = after[k]));
  return next;
}

function sumOf(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Refusals that depend on the other coupons of the order. */
function orderRefusal(coupon: WalletCoupon, others: WalletCoupon[]): CouponRefusalOutcome | null {
  if (others.some((o) => o.id === coupon.id)) return { reason: 'limit-reached', message: '同一张优惠券每单只能使用一次' };
  if (others.length >= MAX_COUPONS_PER_ORDER) return { reason: 'limit-reached', message: `每单最多使用${MAX_COUPONS_PER_ORDER}张优惠券` };
  if (others.length > 0 && coupon.rules.stacking === 'exclusive') return { reason: 'not-stackable', message: '该券不能与其他优惠券同时使用' };
  if (others.some((o) => o.rules.stacking === 'exclusive')) return { reason: 'not-stackable', message: '已选的优惠券不能与其他优惠券同时使用' };
  const group = coupon.rules.stackGroup;
  if (group !== null && others.some((o) => o.rules.stackGroup === group)) return { reason: 'same-group', message: '同组优惠券每单限用一张' };
  return null;
}

function discountOf(rules: CouponRules, eligible: number): number {
  switch (rules.kind) {
    case 'amount_off':
      return Math.min(required(rules.amountOffFen, 'amountOffFen'), eligible);
    case 'percent_off': {
      const share = Math.floor((eligible * required(rules.percentOff, 'percentOff')) / 100);
      return Math.min(share, rules.maxDiscountFen ?? share, eligible);
    }
    case 'gift':
    case 'service':
      return 0;
  }
}

/** A coupon of a kind without its amount is corrupt data, not a refusal the shopper could act on. */
function required(value: number | null, field: string): number {
  if (value === null || !Number.isSafeInteger(value) || value < 0) throw new Error(`Coupon rules lack a valid ${field}`);
  return value;
}

/** Indexes of the lines a coupon applies to (quantity above zero, in scope, not excluded). */
function eligibleLines(rules: CouponRules, lines: CartLine[]): number[] {
  const { kind, values, excludeSkus } = rules.scope;
  const inScope = (line: CartLine): boolean => {
    if (line.quantity <= 0 || excludeSkus.includes(line.sku)) return false;
    if (kind === 'all') return true;
    if (kind === 'categories') return line.category !== null && values.includes(line.category);
    return values.includes(line.sku);
  };
  return lines.flatMap((line, i) => (inScope(line) ? [i] : []));
}

function lineAmounts(lines: CartLine[], paidFen?: number[]): number[] {
  if (paidFen !== undefined) {
    if (paidFen.length !== lines.length) throw new RangeError('paidFen must have one amount per line');
    return paidFen;
  }
  return lines.map((l) => {
    const gross = l.unitPriceFen * l.quantity;
    if (!Number.isSafeInteger(gross) || gross < 0 || l.quantity < 0) throw new RangeError(`Line ${l.sku} has no valid amount in fen`);
    return gross;
  });
}

/** '11月25日', with the year when it is not this business year, and the time when it is not midnight. */
function startText(start: Date, now: Date): string {
  const date = businessDate(start);
  const year = date.slice(0, 4) === businessDate(now).slice(0, 4) ? '' : `${date.slice(0, 4)}年`;
  const clock = businessClock(start);
  return `${year}${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日${clock === '00:00' ? '' : ` ${clock}`}`;
}

function weekdaysText(weekdays: number[]): string | null {
  const days = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (days.length === 0 || days.length === 7) return null;
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    if (j - i >= 2) parts.push(`${WEEKDAY_NAMES[days[i] - 1]}至${WEEKDAY_NAMES[days[j] - 1]}`);
    else for (let k = i; k <= j; k++) parts.push(WEEKDAY_NAMES[days[k] - 1]);
    i = j + 1;
  }
  return parts.join('、');
}

interface Score {
  coupons: WalletCoupon[];
  discountFen: number;
  gifts: number;
  expiries: number[];
  ids: string;
}

function scoreOf(coupons: WalletCoupon[], discountFen: number): Score {
  return {
    coupons,
    discountFen,
    gifts: coupons.filter((c) => c.rules.kind === 'gift').length,
    expiries: coupons.map((c) => c.validUntil.getTime()).sort((a, b) => a - b),
    ids: coupons
      .map((c) => c.id)
      .sort()
      .join('\u0000'),
  };
}

/** Negative when `a` is the better choice. */
function compareScores(a: Score, b: Score): number {
  if (a.discountFen !== b.discountFen) return b.discountFen - a.discountFen;
  if (a.gifts !== b.gifts) return b.gifts - a.gifts;
  if (a.coupons.length !== b.coupons.length) return a.coupons.length - b.coupons.length;
  for (let i = 0; i < a.expiries.length; i++) if (a.expiries[i] !== b.expiries[i]) return a.expiries[i] - b.expiries[i];
  return a.ids < b.ids ? -1 : a.ids > b.ids ? 1 : 0;
}

/** A coupon without a group stacks with every other stackable coupon, so it is a group of its own. */
function groupOf(coupon: WalletCoupon): string {
  return coupon.rules.stackGroup === null ? `\u0000${coupon.id}` : coupon.rules.stackGroup;
}

/** The best coupon of each group, then the second best of each, and so on, until `size` are taken. */
function searchPool(usable: { coupon: WalletCoupon; score: Score }[], size: number): WalletCoupon[] {
  const takenOfGroup = new Map<string, number>();
  return [...usable]
    .sort((a, b) => compareScores(a.score, b.score))
    .map((u, position) => {
      const group = groupOf(u.coupon);
      const rank = takenOfGroup.get(group) ?? 0;
      takenOfGroup.set(group, rank + 1);
      return { coupon: u.coupon, rank, position };
    })
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .slice(0, size)
    .map((u) => u.coupon);
}

/** The orders worth trying: gifts first, then percentages before amounts or the other way round. */
function applyOrders(coupons: WalletCoupon[]): WalletCoupon[][] {
  const byThreshold = (kind: CouponKind) =>
    coupons.filter((c) => c.rules.kind === kind).sort((a, b) => b.rules.minSpendFen - a.rules.minSpendFen || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const gifts = byThreshold('gift');
  const percents = byThreshold('percent_off');
  const amounts = byThreshold('amount_off');
  const percentFirst = [...gifts, ...percents, ...amounts];
  if (percents.length === 0 || amounts.length === 0) return [percentFirst];
  return [percentFirst, [...gifts, ...amounts, ...percents]];
}
