import type { ClaimCenterItem, CouponOption, MemberCouponView } from '@glow/contracts';

/** A claim-center template this member can claim: ¥50 off from ¥300, in the shop. */
export function claimItem(overrides: Partial<ClaimCenterItem> = {}): ClaimCenterItem {
  return {
    templateId: 'tpl-1',
    name: '新客满300减50',
    kind: 'amount_off',
    description: '仅限线上商城使用',
    face: { headline: '¥50', condition: '满¥300可用', rules: ['领取后 30 天内有效', '全场商品可用', '不可与其他优惠券同时使用'], useTarget: 'shop' },
    remaining: 120,
    claimedByMe: 0,
    perMemberLimit: 1,
    state: 'claimable',
    ...overrides,
  };
}

/** One of the member's coupons, available, from the claim center. */
export function memberCoupon(overrides: Partial<MemberCouponView> = {}): MemberCouponView {
  return {
    id: 'c-1',
    code: 'K7M2Q9XA3BCD',
    status: 'available',
    template: { id: 'tpl-1', code: 'NEW50', name: '新客满300减50', kind: 'amount_off', description: '仅限线上商城使用', stacking: 'exclusive', stackGroup: null },
    face: { headline: '¥50', condition: '满¥300可用', rules: ['2026-12-01 至 2026-12-31 有效', '全场商品可用'], useTarget: 'shop' },
    source: 'claim',
    validFrom: '2026-11-30T16:00:00.000Z',
    validUntil: '2026-12-31T15:59:00.000Z',
    orderId: null,
    discountFen: null,
    usedAt: null,
    expiringSoon: false,
    createdAt: '2026-12-01T06:00:00.000Z',
    ...overrides,
  };
}

/** A coupon as the quote shows it against a cart. */
export function couponOption(coupon: MemberCouponView, overrides: Partial<CouponOption> = {}): CouponOption {
  return { coupon, outcome: 'ok', message: '可用', discountFen: 5000, ...overrides };
}

/** A stackable coupon (e.g. a category coupon) of an optional stack group. */
export function stackable(id: string, stackGroup: string | null = null, overrides: Partial<MemberCouponView> = {}): MemberCouponView {
  const base = memberCoupon({ id, ...overrides });
  return { ...base, template: { ...base.template, id: `tpl-${id}`, name: `叠加券 ${id}`, stacking: 'stackable', stackGroup } };
}
