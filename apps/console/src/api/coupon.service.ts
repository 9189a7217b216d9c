import type {
  CouponAtTill,
  CouponFace,
  CouponTemplateQuery,
  CouponTemplateStatusDto,
  CouponTemplateView,
  IssueCouponDto,
  MemberCouponView,
  Paged,
  RedeemCouponDto,
  ResolveCouponDto,
  RevokeCouponDto,
  SaveCouponTemplateDto,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export type CouponTemplateSearch = Pick<CouponTemplateQuery, 'status' | 'q'> & { page: number; pageSize: number };

/** Templates with their live counters (issued, claimed, redeemed, expired, held, revoked, stock left). */
export function listCouponTemplates(search: CouponTemplateSearch, signal?: AbortSignal): Promise<Paged<CouponTemplateView>> {
  return http.json<Paged<CouponTemplateView>>(apiRoutes.staffCouponTemplates, {
    query: { status: search.status, q: search.q, page: search.page, pageSize: search.pageSize },
    signal,
  });
}

/** A new template is a draft until it is published. */
export function createCouponTemplate(body: SaveCouponTemplateDto): Promise<CouponTemplateView> {
  return http.json<CouponTemplateView>(apiRoutes.staffCouponTemplates, { method: 'POST', body });
}

/**
 * A full replacement. A live template only takes a new name, description, stock, cost and a later end
 * (409 COUPON_TEMPLATE_LOCKED otherwise); an ended one nothing.
 */
export function updateCouponTemplate(id: string, body: SaveCouponTemplateDto): Promise<CouponTemplateView> {
  return http.json<CouponTemplateView>(apiRoutes.staffCouponTemplate(id), { method: 'PUT', body });
}

/** What the member will see of the template being edited; refused (400, with field details) like saving would be. */
export function previewCouponTemplate(body: SaveCouponTemplateDto, signal?: AbortSignal): Promise<CouponFace> {
  return http.json<CouponFace>(apiRoutes.staffCouponTemplatePreview, { method: 'POST', body, signal });
}

/** Publish (draft → active), pause, resume or end. */
export function setCouponTemplateStatus(id: string, status: CouponTemplateStatusDto['status']): Promise<CouponTemplateView> {
  const body: CouponTemplateStatusDto = { status };
  return http.json<CouponTemplateView>(apiRoutes.staffCouponTemplateStatus(id), { method: 'POST', body });
}

/** Every coupon of the member, in every status, newest first. */
export function listMemberCoupons(memberId: string, signal?: AbortSignal): Promise<MemberCouponView[]> {
  return http.json<MemberCouponView[]>(apiRoutes.staffMemberCoupons(memberId), { signal });
}

/** A compensation or goodwill coupon; repeating `idempotencyKey` answers the coupon it first issued. */
export function issueCoupon(memberId: string, body: IssueCouponDto): Promise<MemberCouponView> {
  return http.json<MemberCouponView>(apiRoutes.staffMemberCoupons(memberId), { method: 'POST', body });
}

/** The coupon behind a scanned or typed code, and whose it is (404 COUPON_NOT_FOUND). */
export function resolveCoupon(body: ResolveCouponDto): Promise<CouponAtTill> {
  return http.json<CouponAtTill>(apiRoutes.staffCouponResolve, { method: 'POST', body });
}

/** Uses a gift or service coupon in store without a purchase (409 COUPON_NOT_APPLICABLE with the reason). */
export function redeemCoupon(body: RedeemCouponDto): Promise<MemberCouponView> {
  return http.json<MemberCouponView>(apiRoutes.staffCouponRedeem, { method: 'POST', body });
}

export function revokeCoupon(id: string, body: RevokeCouponDto): Promise<MemberCouponView> {
  return http.json<MemberCouponView>(apiRoutes.staffCouponRevoke(id), { method: 'POST', body });
}

export const couponKeys = {
  all: ['coupons'] as const,
  templates: ['coupons', 'templates'] as const,
  templateList: (search: CouponTemplateSearch) => ['coupons', 'templates', search] as const,
  preview: (body: SaveCouponTemplateDto) => ['coupons', 'preview', body] as const,
  memberCoupons: (memberId: string) => ['coupons', 'member', memberId] as const,
};
