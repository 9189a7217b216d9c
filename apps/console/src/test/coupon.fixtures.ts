import type { CouponAtTill, CouponFace, CouponTemplateView, MemberCouponView, SaveCouponTemplateDto } from '@glow/contracts';
import { MEMBER_ID } from './loyalty-till.fixtures';

/* Fixtures shared by the coupon, till, member and redemption specs. Instants are UTC. */

export function couponFace(overrides: Partial<CouponFace> = {}): CouponFace {
  return {
    headline: '¥50',
    condition: '满¥300可用',
    rules: ['领取后30天内有效', '全场通用', '不与其他优惠券同享'],
    useTarget: 'shop',
    ...overrides,
  };
}

/** An active, claimable ¥50-off-¥300 template, 30 days from receipt, with some of its stock given out. */
export function couponTemplate(overrides: Partial<CouponTemplateView> = {}): CouponTemplateView {
  return {
    id: 'tpl-300-50',
    code: 'CPN-300-50',
    name: '满300减50',
    description: '限门店与小程序商城使用',
    kind: 'amount_off',
    status: 'active',
    amountOffFen: 5000,
    percentOff: null,
    maxDiscountFen: null,
    giftSku: null,
    serviceCode: null,
    minSpendFen: 30000,
    scope: { kind: 'all', values: [], excludeSkus: [] },
    validity: { kind: 'relative', from: null, until: null, days: 30, weekdays: [], hoursFrom: null, hoursUntil: null },
    totalStock: 1000,
    perMemberLimit: 1,
    claimable: true,
    stacking: 'exclusive',
    stackGroup: null,
    costFen: 5000,
    face: couponFace(),
    counters: { issued: 420, claimed: 400, redeemed: 105, expired: 12, held: 3, revoked: 1, remaining: 580 },
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-01T02:00:00.000Z',
    ...overrides,
  };
}

/** The editable part of a template: what saving it unchanged sends back. */
export function saveBodyOf(view: CouponTemplateView): SaveCouponTemplateDto {
  return {
    code: view.code,
    name: view.name,
    description: view.description,
    kind: view.kind,
    amountOffFen: view.amountOffFen,
    percentOff: view.percentOff,
    maxDiscountFen: view.maxDiscountFen,
    giftSku: view.giftSku,
    serviceCode: view.serviceCode,
    minSpendFen: view.minSpendFen,
    scope: view.scope,
    validity: view.validity,
    totalStock: view.totalStock,
    perMemberLimit: view.perMemberLimit,
    claimable: view.claimable,
    stacking: view.stacking,
    stackGroup: view.stackGroup,
    costFen: view.costFen,
  };
}

export function memberCoupon(overrides: Partial<MemberCouponView> = {}): MemberCouponView {
  return {
    id: 'mc-1',
    code: 'ABCD2345EFGH',
    status: 'available',
    template: { id: 'tpl-300-50', code: 'CPN-300-50', name: '满300减50', kind: 'amount_off', description: '', stacking: 'exclusive', stackGroup: null },
    face: couponFace({ rules: ['2026-11-20 至 2026-12-20 有效', '全场通用', '不与其他优惠券同享'] }),
    source: 'claim',
    validFrom: '2026-11-20T02:00:00.000Z',
    validUntil: '2026-12-20T15:59:59.999Z',
    orderId: null,
    discountFen: null,
    usedAt: null,
    expiringSoon: false,
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

/** A gift coupon: a travel-size serum handed over at the counter. */
export function giftCoupon(overrides: Partial<MemberCouponView> = {}): MemberCouponView {
  return memberCoupon({
    id: 'mc-gift',
    code: 'GIFT2345MNPQ',
    template: { id: 'tpl-gift', code: 'GIFT-SERUM', name: '精华小样赠品券', kind: 'gift', description: '', stacking: 'stackable', stackGroup: null },
    face: couponFace({ headline: '赠品', condition: '无门槛', rules: ['赠送：水光精华小样'], useTarget: 'store' }),
    ...overrides,
  });
}

export function couponAtTill(coupon: MemberCouponView = memberCoupon(), member: Partial<CouponAtTill['member']> = {}): CouponAtTill {
  return { coupon, member: { id: MEMBER_ID, memberNo: 'GM20260001', name: '王晓雯', nickname: '小雯', ...member } };
}
