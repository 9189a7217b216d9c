import { seededRandom, type SeededRandom } from '../loyalty/testing/seeded-random';
import {
  applyCoupons,
  bestCoupons,
  type CartLine,
  type CouponRules,
  eligibleFen,
  evaluateCoupon,
  MAX_COUPONS_PER_ORDER,
  usageWindowText,
  type WalletCoupon,
} from './coupon-rules';
import type { CouponKind, CouponRefusal, CouponStatus } from './coupon-vocabulary';
import { cartLine, couponRules, walletCoupon } from './testing/coupon-fixtures';

/** Wednesday 25 November 2026, 12:00 in Shanghai. */
const NOW = new Date('2026-11-25T12:00:00+08:00');
/** ¥399 serum, two ¥199 lipsticks, ¥599 perfume: ¥1,396 in all. */
const CART: CartLine[] = [cartLine('SERUM', 'skincare', 39900), cartLine('LIPSTICK', 'makeup', 19900, 2), cartLine('PERFUME', 'fragrance', 59900)];
const GROSS = 139600;
const at = (iso: string) => new Date(iso);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const grossOf = (lines: CartLine[]) => lines.map((l) => l.unitPriceFen * l.quantity);

describe(eligibleFen.name, () => {
  it.each<[string, Partial<CouponRules>, number]>([
    ['a storewide coupon counts the whole cart', {}, GROSS],
    ['a category coupon counts only those categories', { scope: { kind: 'categories', values: ['skincare', 'makeup'], excludeSkus: [] } }, 79700],
    ['a SKU coupon counts only those SKUs, every unit of them', { scope: { kind: 'skus', values: ['LIPSTICK'], excludeSkus: [] } }, 39800],
    ['excluded SKUs never count, whatever the scope', { scope: { kind: 'all', values: [], excludeSkus: ['PERFUME'] } }, 79700],
    ['an exclusion wins over a listed SKU', { scope: { kind: 'skus', values: ['SERUM', 'PERFUME'], excludeSkus: ['PERFUME'] } }, 39900],
    ['a scope matching nothing counts nothing', { scope: { kind: 'categories', values: ['tools'], excludeSkus: [] } }, 0],
  ])('%s', (_, rules, expected) => {
    expect(eligibleFen(couponRules(rules), CART)).toBe(expected);
  });

  it('counts what the lines still cost after earlier coupons when given', () => {
    expect(eligibleFen(couponRules({ scope: { kind: 'categories', values: ['makeup'], excludeSkus: [] } }), CART, [39000, 30000, 50000])).toBe(30000);
  });

  it('leaves a product without a category out of a category coupon', () => {
    expect(eligibleFen(couponRules({ scope: { kind: 'categories', values: ['skincare'], excludeSkus: [] } }), [cartLine('NEW', null, 10000)])).toBe(0);
  });
});

describe(evaluateCoupon.name, () => {
  const stackable = walletCoupon('other');
  const exclusiveOther = walletCoupon('exclusive-other', { stacking: 'exclusive' });

  it.each<[string, WalletCoupon, WalletCoupon[], CouponRefusal, string]>([
    ['a used coupon cannot be used again', walletCoupon('c', {}, { status: 'used' }), [], 'not-available', '优惠券已使用'],
    ['a coupon held by an unpaid order cannot go on another', walletCoupon('c', {}, { status: 'held' }), [], 'not-available', '优惠券已用于一笔待支付订单'],
    ['a revoked coupon cannot be used', walletCoupon('c', {}, { status: 'revoked' }), [], 'not-available', '优惠券已作废'],
    ['a coupon the expiry job has closed cannot be used', walletCoupon('c', {}, { status: 'expired' }), [], 'not-available', '优惠券已过期'],
    ['a coupon not yet started says from which day', walletCoupon('c', {}, { validFrom: at('2026-12-01T00:00:00+08:00') }), [], 'not-started', '优惠券将于12月1日起可用'],
    ['a coupon starting later in the day says at what time', walletCoupon('c', {}, { validFrom: at('2026-11-26T10:00:00+08:00') }), [], 'not-started', '优惠券将于11月26日 10:00起可用'],
    ['a coupon starting next year says the year', walletCoupon('c', {}, { validFrom: at('2027-01-05T00:00:00+08:00') }), [], 'not-started', '优惠券将于2027年1月5日起可用'],
    ['a coupon past its last day has expired', walletCoupon('c', {}, { validUntil: at('2026-11-24T23:59:59.999+08:00') }), [], 'expired', '优惠券已过期'],
    ['a weekday coupon names its days', walletCoupon('c', { weekdays: [1, 5] }), [], 'wrong-day', '仅限周一、周五使用'],
    ['a weekend coupon on a Wednesday', walletCoupon('c', { weekdays: [6, 7] }), [], 'wrong-day', '仅限周六、周日使用'],
    ['three days in a row read as a range', walletCoupon('c', { weekdays: [5, 1, 2, 4, 6] }), [], 'wrong-day', '仅限周一、周二、周四至周六使用'],
    ['an afternoon coupon at noon names its hours', walletCoupon('c', { hoursFrom: '14:00', hoursUntil: '18:00' }), [], 'wrong-hour', '仅限14:00–18:00使用'],
    ['a Wednesday-afternoon coupon at Wednesday noon names the whole window', walletCoupon('c', { weekdays: [3], hoursFrom: '14:00', hoursUntil: '18:00' }), [], 'wrong-hour', '仅限周三 14:00–18:00使用'],
    ['a service coupon is never used on a product cart', walletCoupon('c', { kind: 'service', amountOffFen: null, serviceCode: 'FACIAL' }), [], 'service-only', '服务券请到店或预约时出示使用'],
    ['an exclusive coupon refuses any other coupon', walletCoupon('c', { stacking: 'exclusive' }), [stackable], 'not-stackable', '该券不能与其他优惠券同时使用'],
    ['no coupon joins an order that already has an exclusive one', walletCoupon('c'), [exclusiveOther], 'not-stackable', '已选的优惠券不能与其他优惠券同时使用'],
    ['two coupons of the same group never share an order', walletCoupon('c', { stackGroup: 'double11' }), [walletCoupon('o', { stackGroup: 'double11' })], 'same-group', '同组优惠券每单限用一张'],
    ['the same coupon cannot be used twice on one order', walletCoupon('c'), [walletCoupon('c')], 'limit-reached', '同一张优惠券每单只能使用一次'],
    [
      'an order carries at most five coupons',
      walletCoupon('c'),
      ['a', 'b', 'd', 'e', 'f'].map((id) => walletCoupon(id)),
      'limit-reached',
      '每单最多使用5张优惠券',
    ],
    ['a coupon for tools on a cart without tools', walletCoupon('c', { scope: { kind: 'categories', values: ['tools'], excludeSkus: [] } }), [], 'out-of-scope', '本单没有适用该券的商品'],
    ['a coupon for one SKU on a cart without it', walletCoupon('c', { scope: { kind: 'skus', values: ['MASK'], excludeSkus: [] } }), [], 'out-of-scope', '本单没有适用该券的商品'],
    [
      'a storewide coupon when every product in the cart is excluded',
      walletCoupon('c', { scope: { kind: 'all', values: [], excludeSkus: ['SERUM', 'LIPSTICK', 'PERFUME'] } }),
      [],
      'out-of-scope',
      '本单没有适用该券的商品',
    ],
    ['a cart short of the minimum says how much is missing', walletCoupon('c', { minSpendFen: 160000 }), [], 'below-minimum', '还差¥204.00可用'],
    [
      'only in-scope products count towards the minimum',
      walletCoupon('c', { minSpendFen: 50000, scope: { kind: 'categories', values: ['makeup'], excludeSkus: [] } }),
      [],
      'below-minimum',
      '还差¥102.00可用',
    ],
    [
      'excluded products do not count towards the minimum',
      walletCoupon('c', { minSpendFen: 100000, scope: { kind: 'all', values: [], excludeSkus: ['PERFUME'] } }),
      [],
      'below-minimum',
      '还差¥203.00可用',
    ],
  ])('%s', (_, coupon, others, reason, message) => {
    expect(evaluateCoupon(coupon, CART, NOW, others)).toEqual({ ok: false, reason, message });
  });

  it.each<[string, WalletCoupon, WalletCoupon[], CouponRefusal]>([
    ['a used coupon is not available before it is anything else', walletCoupon('c', { kind: 'service', weekdays: [1] }, { status: 'used', validUntil: at('2026-01-01T00:00:00Z') }), [], 'not-available'],
    ['an expired coupon is expired before it is on the wrong day', walletCoupon('c', { weekdays: [1] }, { validUntil: at('2026-11-01T00:00:00Z') }), [], 'expired'],
    ['the wrong day comes before the wrong hour', walletCoupon('c', { weekdays: [1], hoursFrom: '20:00', hoursUntil: '21:00' }), [], 'wrong-day'],
    ['a service coupon is refused as such before stacking is looked at', walletCoupon('c', { kind: 'service', serviceCode: 'FACIAL', stacking: 'exclusive' }), [walletCoupon('o')], 'service-only'],
    ['stacking comes before scope', walletCoupon('c', { stacking: 'exclusive', scope: { kind: 'skus', values: ['MASK'], excludeSkus: [] } }), [walletCoupon('o')], 'not-stackable'],
    ['scope comes before the minimum', walletCoupon('c', { minSpendFen: 999999, scope: { kind: 'skus', values: ['MASK'], excludeSkus: [] } }), [], 'out-of-scope'],
  ])('%s', (_, coupon, others, reason) => {
    const sut = evaluateCoupon(coupon, CART, NOW, others);
    expect(sut.ok ? 'ok' : sut.reason).toBe(reason);
  });

  it.each<[string, Partial<CouponRules>, number, number]>([
    ['¥50 off takes ¥50', {}, GROSS, 5000],
    ['a minimum met exactly is enough', { minSpendFen: GROSS }, GROSS, 5000],
    ['¥500 off on ¥398 of eligible lipsticks takes only ¥398', { amountOffFen: 50000, scope: { kind: 'skus', values: ['LIPSTICK'], excludeSkus: [] } }, 39800, 39800],
    ['15% off the whole cart', { kind: 'percent_off', amountOffFen: null, percentOff: 15 }, GROSS, 20940],
    ['15% off is capped at ¥100', { kind: 'percent_off', amountOffFen: null, percentOff: 15, maxDiscountFen: 10000 }, GROSS, 10000],
    ['a cap above the share does not raise it', { kind: 'percent_off', amountOffFen: null, percentOff: 15, maxDiscountFen: 50000 }, GROSS, 20940],
    ['15% off only the skincare', { kind: 'percent_off', amountOffFen: null, percentOff: 15, scope: { kind: 'categories', values: ['skincare'], excludeSkus: [] } }, 39900, 5985],
    ['a gift takes no money off', { kind: 'gift', amountOffFen: null, giftSku: 'SAMPLE', minSpendFen: 30000 }, GROSS, 0],
  ])('%s', (_, rules, eligible, discount) => {
    expect(evaluateCoupon(walletCoupon('c', rules), CART, NOW)).toEqual({ ok: true, eligibleFen: eligible, discountFen: discount });
  });

  it.each([
    [1999, 15, 299],
    [1, 99, 0],
    [99, 50, 49],
    [100, 1, 1],
    [333, 10, 33],
  ])('%i fen at %i%% off takes %i fen: a fraction of a fen is never given away', (price, percentOff, discount) => {
    const coupon = walletCoupon('c', { kind: 'percent_off', amountOffFen: null, percentOff });
    expect(evaluateCoupon(coupon, [cartLine('X', null, price)], NOW)).toMatchObject({ ok: true, discountFen: discount });
  });

  it.each<[string, string, boolean]>([
    ['opening minute 10:00', '2026-11-25T10:00:00+08:00', true],
    ['one minute before opening', '2026-11-25T09:59:59.999+08:00', false],
    ['the last moment before 14:00', '2026-11-25T13:59:59.999+08:00', true],
    ['14:00 sharp, the end being excluded', '2026-11-25T14:00:00+08:00', false],
  ])('a 10:00–14:00 coupon at %s', (_, iso, ok) => {
    expect(evaluateCoupon(walletCoupon('c', { hoursFrom: '10:00', hoursUntil: '14:00' }), CART, at(iso)).ok).toBe(ok);
  });

  it('reads the hours on the Shanghai clock, not UTC: 01:00 in Shanghai is 17:00 UTC the day before', () => {
    const night = walletCoupon('c', { hoursFrom: '00:00', hoursUntil: '06:00' });
    expect(evaluateCoupon(night, CART, at('2026-11-25T17:00:00Z')).ok).toBe(true);
    expect(evaluateCoupon(night, CART, at('2026-11-25T05:00:00Z'))).toMatchObject({ ok: false, reason: 'wrong-hour' });
  });

  it('reads the weekday on the Shanghai calendar: a Thursday coupon works from Thursday 00:00 Shanghai, still Wednesday in UTC', () => {
    const thursday = walletCoupon('c', { weekdays: [4] });
    expect(evaluateCoupon(thursday, CART, at('2026-11-25T16:00:00Z')).ok).toBe(true);
    expect(evaluateCoupon(thursday, CART, at('2026-11-25T15:59:59.999Z'))).toMatchObject({ ok: false, reason: 'wrong-day', message: '仅限周四使用' });
  });

  it('is usable from the first to the last millisecond of its validity, both included', () => {
    const c = walletCoupon('c');
    expect(evaluateCoupon(c, CART, c.validFrom).ok).toBe(true);
    expect(evaluateCoupon(c, CART, c.validUntil).ok).toBe(true);
    expect(evaluateCoupon(c, CART, new Date(c.validFrom.getTime() - 1))).toMatchObject({ reason: 'not-started' });
    expect(evaluateCoupon(c, CART, new Date(c.validUntil.getTime() + 1))).toMatchObject({ reason: 'expired' });
  });

  it.each<[string, Partial<CouponRules>, Partial<CouponRules>]>([
    ['stackable coupons without a group combine', {}, {}],
    ['stackable coupons of different groups combine', { stackGroup: 'store' }, { stackGroup: 'brand' }],
    ['a grouped coupon combines with an ungrouped one', { stackGroup: 'store' }, {}],
  ])('%s', (_, mine, theirs) => {
    expect(evaluateCoupon(walletCoupon('c', mine), CART, NOW, [walletCoupon('o', theirs)]).ok).toBe(true);
  });

  it('lets an exclusive coupon stand alone', () => {
    expect(evaluateCoupon(walletCoupon('c', { stacking: 'exclusive' }), CART, NOW, []).ok).toBe(true);
  });

  it('lets a gift coupon apply to a product cart', () => {
    expect(evaluateCoupon(walletCoupon('g', { kind: 'gift', amountOffFen: null, giftSku: 'SAMPLE' }), CART, NOW).ok).toBe(true);
  });
});

describe(applyCoupons.name, () => {
  const tenPercent = walletCoupon('ten', { kind: 'percent_off', amountOffFen: null, percentOff: 10, stackGroup: 'brand' });
  const fiftyOff = walletCoupon('fifty', { stackGroup: 'store' });

  it('charges the full price when no coupon is applied', () => {
    expect(applyCoupons([], CART, NOW)).toEqual({ ok: true, discountFen: 0, paidFen: grossOf(CART), perCoupon: [], gifts: [] });
  });

  it('applies each coupon to what the cart still costs after the earlier ones', () => {
    const sut = applyCoupons([tenPercent, fiftyOff], CART, NOW);
    expect(sut).toMatchObject({ ok: true, discountFen: 13960 + 5000, perCoupon: [{ id: 'ten', discountFen: 13960 }, { id: 'fifty', discountFen: 5000 }] });
    expect(sut.ok && sum(sut.paidFen)).toBe(GROSS - 18960);
  });

  it('takes a category coupon only off that category’s lines', () => {
    const makeup = walletCoupon('m', { amountOffFen: 5000, scope: { kind: 'categories', values: ['makeup'], excludeSkus: [] } });
    expect(applyCoupons([makeup], CART, NOW)).toMatchObject({ ok: true, paidFen: [39900, 34800, 59900] });
  });

  it('never discounts an excluded product', () => {
    const c = walletCoupon('c', { kind: 'percent_off', amountOffFen: null, percentOff: 50, scope: { kind: 'all', values: [], excludeSkus: ['PERFUME'] } });
    const sut = applyCoupons([c], CART, NOW);
    expect(sut).toMatchObject({ ok: true, discountFen: 39850 });
    expect(sut.ok && sut.paidFen[2]).toBe(59900);
  });

  it('checks a later coupon’s minimum against what remains after the earlier ones, naming the coupon refused', () => {
    const twentyPercent = walletCoupon('twenty', { kind: 'percent_off', amountOffFen: null, percentOff: 20, stackGroup: 'brand' });
    const bigSpend = walletCoupon('big', { minSpendFen: 120000, stackGroup: 'store' });
    expect(applyCoupons([twentyPercent, bigSpend], CART, NOW)).toEqual({ ok: false, couponId: 'big', reason: 'below-minimum', message: '还差¥83.20可用' });
    expect(applyCoupons([bigSpend, twentyPercent], CART, NOW)).toMatchObject({ ok: true, discountFen: 5000 + 26920 });
  });

  it('refuses the whole selection when one coupon does not stack', () => {
    const exclusive = walletCoupon('solo', { stacking: 'exclusive' });
    expect(applyCoupons([fiftyOff, exclusive], CART, NOW)).toMatchObject({ ok: false, couponId: 'solo', reason: 'not-stackable' });
    expect(applyCoupons([exclusive, fiftyOff], CART, NOW)).toMatchObject({ ok: false, couponId: 'fifty', reason: 'not-stackable' });
  });

  it('lists the gifts to hand over', () => {
    const gift = walletCoupon('g', { kind: 'gift', amountOffFen: null, giftSku: 'MINI-SERUM' });
    expect(applyCoupons([gift, fiftyOff], CART, NOW)).toMatchObject({ ok: true, discountFen: 5000, gifts: ['MINI-SERUM'], perCoupon: [{ id: 'g', discountFen: 0 }, { id: 'fifty', discountFen: 5000 }] });
  });

  it('never charges a line below zero when coupons overlap', () => {
    const lipstickFree = walletCoupon('lip', { amountOffFen: 100000, scope: { kind: 'skus', values: ['LIPSTICK'], excludeSkus: [] } });
    const storewide = walletCoupon('all', { amountOffFen: 100000 });
    const sut = applyCoupons([lipstickFree, storewide], CART, NOW);
    expect(sut).toMatchObject({ ok: true, discountFen: 39800 + 99800, paidFen: [0, 0, 0] });
  });

  it('splits a discount over its lines so they add up to the fen', () => {
    const lines = [cartLine('A', null, 100), cartLine('B', null, 100), cartLine('C', null, 100)];
    expect(applyCoupons([walletCoupon('c', { amountOffFen: 100 })], lines, NOW)).toMatchObject({ ok: true, paidFen: [66, 67, 67] });
  });
});

describe(bestCoupons.name, () => {
  const ids = (cs: WalletCoupon[]) => bestCoupons(cs, CART, NOW).couponIds;

  it('suggests nothing from an empty wallet', () => {
    expect(bestCoupons([], CART, NOW)).toEqual({ couponIds: [], discountFen: 0 });
  });

  it('suggests nothing when no coupon is usable', () => {
    expect(bestCoupons([walletCoupon('used', {}, { status: 'used' }), walletCoupon('min', { minSpendFen: 999999 })], CART, NOW)).toEqual({ couponIds: [], discountFen: 0 });
  });

  it('does not use up a coupon that saves nothing', () => {
    const tiny = walletCoupon('tiny', { kind: 'percent_off', amountOffFen: null, percentOff: 1 });
    expect(bestCoupons([tiny], [cartLine('X', null, 50)], NOW)).toEqual({ couponIds: [], discountFen: 0 });
  });

  it.each<[string, WalletCoupon[], string[], number]>([
    ['the larger of two exclusive coupons', [walletCoupon('a', { stacking: 'exclusive', amountOffFen: 3000 }), walletCoupon('b', { stacking: 'exclusive', amountOffFen: 8000 })], ['b'], 8000],
    ['stackable coupons of different groups together', [walletCoupon('a', { amountOffFen: 3000, stackGroup: 'x' }), walletCoupon('b', { amountOffFen: 2000, stackGroup: 'y' })], ['a', 'b'], 5000],
    [
      'only the best coupon of a group',
      [walletCoupon('a', { amountOffFen: 3000, stackGroup: 'x' }), walletCoupon('b', { amountOffFen: 4000, stackGroup: 'x' }), walletCoupon('c', { amountOffFen: 1000, stackGroup: 'y' })],
      ['b', 'c'],
      5000,
    ],
    [
      'an exclusive coupon worth more than a stack',
      [walletCoupon('solo', { stacking: 'exclusive', amountOffFen: 6000 }), walletCoupon('a', { amountOffFen: 3000 }), walletCoupon('b', { amountOffFen: 2000 })],
      ['solo'],
      6000,
    ],
    [
      'a stack worth more than an exclusive coupon',
      [walletCoupon('solo', { stacking: 'exclusive', amountOffFen: 4000 }), walletCoupon('a', { amountOffFen: 3000 }), walletCoupon('b', { amountOffFen: 2000 })],
      ['a', 'b'],
      5000,
    ],
    ['a free gift rather than nothing', [walletCoupon('g', { kind: 'gift', amountOffFen: null, giftSku: 'SAMPLE', stacking: 'exclusive' })], ['g'], 0],
    [
      'a single fen off rather than a gift',
      [walletCoupon('g', { kind: 'gift', amountOffFen: null, giftSku: 'SAMPLE', stacking: 'exclusive' }), walletCoupon('fen', { amountOffFen: 1, stacking: 'exclusive' })],
      ['fen'],
      1,
    ],
    ['a gift on top of money off when they stack', [walletCoupon('g', { kind: 'gift', amountOffFen: null, giftSku: 'SAMPLE' }), walletCoupon('m', { amountOffFen: 5000 })], ['g', 'm'], 5000],
    [
      'the percentage first, when that is worth more',
      [walletCoupon('amount', { amountOffFen: 5000 }), walletCoupon('percent', { kind: 'percent_off', amountOffFen: null, percentOff: 20 })],
      ['percent', 'amount'],
      27920 + 5000,
    ],
    [
      'the amount first, when the percentage would push the cart below its minimum',
      [walletCoupon('amount', { amountOffFen: 5000, minSpendFen: 120000 }), walletCoupon('percent', { kind: 'percent_off', amountOffFen: null, percentOff: 20 })],
      ['amount', 'percent'],
      5000 + 26920,
    ],
    ['at most five coupons', ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => walletCoupon(id, { amountOffFen: 1000 })), ['a', 'b', 'c', 'd', 'e'], 5000],
  ])('chooses %s', (_, wallet, expectedIds, discount) => {
    expect(bestCoupons(wallet, CART, NOW)).toEqual({ couponIds: expectedIds, discountFen: discount });
  });

  it('on a tie prefers one coupon to two, keeping the other for later', () => {
    const wallet = [walletCoupon('a', { amountOffFen: 2500, stackGroup: 'x' }), walletCoupon('b', { amountOffFen: 2500, stackGroup: 'y' }), walletCoupon('solo', { amountOffFen: 5000, stacking: 'exclusive' })];
    expect(ids(wallet)).toEqual(['solo']);
  });

  it('on a tie uses the coupon that expires first', () => {
    const late = walletCoupon('late', { stacking: 'exclusive' }, { validUntil: at('2026-12-31T23:59:59.999+08:00') });
    const soon = walletCoupon('soon', { stacking: 'exclusive' }, { validUntil: at('2026-11-30T23:59:59.999+08:00') });
    expect(ids([late, soon])).toEqual(['soon']);
    expect(ids([soon, late])).toEqual(['soon']);
  });

  it('gives the same answer whatever order the wallet lists its coupons in', () => {
    const twins = [walletCoupon('b', { stacking: 'exclusive' }), walletCoupon('a', { stacking: 'exclusive' })];
    expect(ids(twins)).toEqual(['a']);
    expect(ids([...twins].reverse())).toEqual(['a']);
  });

  it('stays fast on a wallet of fifty coupons', () => {
    const rnd = seededRandom(7);
    const wallet = Array.from({ length: 50 }, (_, i) => randomCoupon(rnd, `c${i}`, { usableStatus: true }));
    const lines = Array.from({ length: 20 }, () => randomLine(rnd));
    const started = performance.now();
    const sut = bestCoupons(wallet, lines, NOW);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(applyCoupons(idsToCoupons(sut.couponIds, wallet), lines, NOW)).toMatchObject({ ok: true, discountFen: sut.discountFen });
  });
});

describe('coupon invariants (seeded random carts and wallets)', () => {
  it('never lets a discount exceed what its coupon may take, nor a line go below zero, and always adds up', () => {
    const rnd = seededRandom(2026);
    let stacked = 0;
    for (let run = 0; run < 1000; run++) {
      const lines = Array.from({ length: rnd.int(1, 6) }, () => randomLine(rnd));
      const gross = grossOf(lines);
      const wallet = Array.from({ length: rnd.int(1, 10) }, (_, i) => randomCoupon(rnd, `c${i}`));
      const now = randomNow(rnd);

      const usable: WalletCoupon[] = [];
      for (const coupon of wallet) {
        const alone = evaluateCoupon(coupon, lines, now);
        if (!alone.ok) continue;
        usable.push(coupon);
        expect(alone.discountFen).toBeGreaterThanOrEqual(0);
        expect(alone.discountFen).toBeLessThanOrEqual(alone.eligibleFen);
        expect(alone.eligibleFen).toBe(eligibleFen(coupon.rules, lines));
      }

      // Usable coupons in a random order: some stack, some are refused for stacking or for a minimum no longer met.
      const chosen = shuffled(rnd, usable).slice(0, rnd.int(1, 5));
      const sut = applyCoupons(chosen, lines, now);
      if (!sut.ok) continue;
      if (chosen.length >= 2) stacked++;
      expect(sum(sut.paidFen) + sut.discountFen).toBe(sum(gross));
      expect(sum(sut.perCoupon.map((p) => p.discountFen))).toBe(sut.discountFen);
      sut.paidFen.forEach((paid, i) => {
        expect(paid).toBeGreaterThanOrEqual(0);
        expect(paid).toBeLessThanOrEqual(gross[i]);
      });
      // Each coupon took at most what its lines still cost when it came, and nothing off lines outside its scope.
      for (let k = 0; k < chosen.length; k++) {
        const before = applyCoupons(chosen.slice(0, k), lines, now);
        const after = applyCoupons(chosen.slice(0, k + 1), lines, now);
        if (!before.ok || !after.ok) throw new Error('a prefix of an accepted selection must be accepted');
        expect(sut.perCoupon[k].discountFen).toBeLessThanOrEqual(eligibleFen(chosen[k].rules, lines, before.paidFen));
        lines.forEach((line, i) => {
          if (eligibleFen(chosen[k].rules, [line]) === 0) expect(after.paidFen[i]).toBe(before.paidFen[i]);
        });
      }
    }
    // The generator must reach stacked selections often enough for this to prove anything.
    expect(stacked).toBeGreaterThan(50);
  });

  it('always suggests coupons that apply, worth at least any single usable coupon, the same whatever the wallet order', () => {
    const rnd = seededRandom(11);
    let combined = 0;
    for (let run = 0; run < 500; run++) {
      const lines = Array.from({ length: rnd.int(1, 6) }, () => randomLine(rnd));
      const wallet = Array.from({ length: rnd.int(0, 10) }, (_, i) => randomCoupon(rnd, `c${i}`));
      const now = randomNow(rnd);

      const sut = bestCoupons(wallet, lines, now);
      if (sut.couponIds.length >= 2) combined++;
      expect(sut.couponIds.length).toBeLessThanOrEqual(MAX_COUPONS_PER_ORDER);
      expect(applyCoupons(idsToCoupons(sut.couponIds, wallet), lines, now)).toMatchObject({ ok: true, discountFen: sut.discountFen });
      for (const coupon of wallet) {
        const alone = evaluateCoupon(coupon, lines, now);
        if (alone.ok) expect(sut.discountFen).toBeGreaterThanOrEqual(alone.discountFen);
      }
      expect(bestCoupons(shuffled(rnd, wallet), lines, now)).toEqual(sut);
    }
    expect(combined).toBeGreaterThan(30);
  });

  it('finds the most money a member could save on a small wallet, whichever coupons and order they would try by hand', () => {
    const rnd = seededRandom(99);
    for (let run = 0; run < 150; run++) {
      const lines = Array.from({ length: rnd.int(1, 4) }, () => cartLine(rnd.choice(SKUS.slice(0, 3)), 'skincare', rnd.int(100, 30000), rnd.int(1, 2)));
      const wallet = Array.from({ length: rnd.int(2, 6) }, (_, i) => randomMoneyCoupon(rnd, `c${i}`));
      const now = NOW;
      let most = 0;
      for (const selection of orderedSelections(wallet, MAX_COUPONS_PER_ORDER)) {
        const applied = applyCoupons(selection, lines, now);
        if (applied.ok) most = Math.max(most, applied.discountFen);
      }
      expect(bestCoupons(wallet, lines, now).discountFen).toBe(most);
    }
  });
});

describe(usageWindowText.name, () => {
  it.each<[number[], string | null, string | null, string | null]>([
    [[], null, null, null],
    [[1, 2, 3, 4, 5, 6, 7], null, null, null],
    [[1, 2, 3, 4, 5], null, null, '仅限周一至周五使用'],
    [[3, 1], null, null, '仅限周一、周三使用'],
    [[], '10:00', '14:00', '仅限10:00–14:00使用'],
    [[6, 7], '18:00', '22:00', '仅限周六、周日 18:00–22:00使用'],
  ])('states weekdays %j and hours %s–%s as one sentence for the member', (weekdays, hoursFrom, hoursUntil, text) => {
    expect(usageWindowText({ weekdays, hoursFrom, hoursUntil })).toBe(text);
  });
});

const SKUS = ['SERUM', 'CREAM', 'LIPSTICK', 'PALETTE', 'PERFUME', 'BRUSH'];
const CATEGORIES = ['skincare', 'makeup', 'fragrance', 'tools', null];
const KINDS: CouponKind[] = ['amount_off', 'amount_off', 'amount_off', 'percent_off', 'percent_off', 'percent_off', 'gift', 'service'];
const STATUSES: CouponStatus[] = ['available', 'available', 'available', 'available', 'available', 'used', 'held'];

function randomLine(rnd: SeededRandom): CartLine {
  return cartLine(rnd.choice(SKUS), rnd.choice(CATEGORIES), rnd.choice([0, 1, 99, 1999, rnd.int(1, 60000)]), rnd.int(1, 3));
}

/** Mostly inside the wallet's validity, around the clock and across the week. */
function randomNow(rnd: SeededRandom): Date {
  return new Date(Date.parse('2026-11-20T00:00:00+08:00') + rnd.int(0, 30 * 24 * 60) * 60_000);
}

function randomCoupon(rnd: SeededRandom, id: string, opts: { usableStatus?: boolean } = {}): WalletCoupon {
  const kind = rnd.choice(KINDS);
  const scopeKind = rnd.choice(['all', 'all', 'categories', 'skus'] as const);
  const hours = rnd.int(0, 4) === 0 ? { hoursFrom: `${String(rnd.int(0, 11)).padStart(2, '0')}:00`, hoursUntil: `${rnd.int(12, 23)}:30` } : { hoursFrom: null, hoursUntil: null };
  return walletCoupon(
    id,
    {
      kind,
      amountOffFen: kind === 'amount_off' ? rnd.choice([1, 500, 2000, 10000, rnd.int(1, 80000)]) : null,
      percentOff: kind === 'percent_off' ? rnd.int(1, 99) : null,
      maxDiscountFen: kind === 'percent_off' && rnd.int(0, 1) === 0 ? rnd.int(1, 20000) : null,
      giftSku: kind === 'gift' ? 'SAMPLE' : null,
      serviceCode: kind === 'service' ? 'FACIAL' : null,
      minSpendFen: rnd.choice([0, 0, 5000, 30000, rnd.int(0, 100000)]),
      scope: {
        kind: scopeKind,
        values: scopeKind === 'all' ? [] : scopeKind === 'categories' ? [rnd.choice(['skincare', 'makeup', 'fragrance'])] : [rnd.choice(SKUS), rnd.choice(SKUS)],
        excludeSkus: rnd.int(0, 3) === 0 ? [rnd.choice(SKUS)] : [],
      },
      weekdays: rnd.int(0, 4) === 0 ? [rnd.int(1, 7), rnd.int(1, 7)] : [],
      ...hours,
      stacking: rnd.int(0, 4) === 0 ? 'exclusive' : 'stackable',
      stackGroup: rnd.choice(['store', 'brand', null, null]),
    },
    {
      status: opts.usableStatus ? 'available' : rnd.choice(STATUSES),
      validUntil: new Date(Date.parse('2026-11-25T00:00:00+08:00') + rnd.int(0, 40) * 86_400_000 - 1),
    },
  );
}

function shuffled<T>(rnd: SeededRandom, items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** A stackable money coupon whose minimum and cap make the order of application matter. */
function randomMoneyCoupon(rnd: SeededRandom, id: string): WalletCoupon {
  const percent = rnd.int(0, 1) === 1;
  return walletCoupon(id, {
    kind: percent ? 'percent_off' : 'amount_off',
    amountOffFen: percent ? null : rnd.int(100, 10000),
    percentOff: percent ? rnd.int(5, 50) : null,
    maxDiscountFen: percent && rnd.int(0, 1) === 1 ? rnd.int(100, 5000) : null,
    minSpendFen: rnd.choice([0, rnd.int(0, 40000)]),
    scope: rnd.int(0, 2) === 0 ? { kind: 'skus', values: [rnd.choice(SKUS.slice(0, 3))], excludeSkus: [] } : { kind: 'all', values: [], excludeSkus: [] },
    stackGroup: rnd.choice([null, null, null, 'store']),
  });
}

/** Every selection of up to `max` distinct items, in every order. */
function* orderedSelections<T>(items: T[], max: number): Generator<T[]> {
  if (max === 0) return;
  for (const [i, item] of items.entries()) {
    yield [item];
    for (const rest of orderedSelections([...items.slice(0, i), ...items.slice(i + 1)], max - 1)) yield [item, ...rest];
  }
}

function idsToCoupons(ids: string[], wallet: WalletCoupon[]): WalletCoupon[] {
  return ids.map((id) => wallet.find((c) => c.id === id) as WalletCoupon);
}
