import type {
  AdjustPointsDto,
  CancelRedemptionDto,
  MemberAtTill,
  Paged,
  PickupDto,
  RedemptionView,
  ResolveMemberCodeDto,
  StaffMemberPoints,
  StaffRedemptionQuery,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export type RedemptionSearch = Pick<StaffRedemptionQuery, 'status' | 'memberId'> & { page: number; pageSize: number };

/** The member behind a scanned or typed member code (400 MEMBER_CODE_INVALID when it is forged or expired). */
export function resolveMemberCode(body: ResolveMemberCodeDto): Promise<MemberAtTill> {
  return http.json<MemberAtTill>(apiRoutes.staffMemberCodeResolve, { method: 'POST', body });
}

/** The member's balance, tier progress, point lots, ledger and tier history. */
export function getMemberPoints(memberId: string, signal?: AbortSignal): Promise<StaffMemberPoints> {
  return http.json<StaffMemberPoints>(apiRoutes.staffMemberPoints(memberId), { signal });
}

/** An audited manual change (admins); a negative one takes lots like spending and never goes below zero. */
export function adjustMemberPoints(memberId: string, body: AdjustPointsDto): Promise<StaffMemberPoints> {
  return http.json<StaffMemberPoints>(apiRoutes.staffMemberPointsAdjust(memberId), { method: 'POST', body });
}

export function listRedemptions(search: RedemptionSearch, signal?: AbortSignal): Promise<Paged<RedemptionView>> {
  return http.json<Paged<RedemptionView>>(apiRoutes.staffRedemptions, {
    query: { status: search.status, memberId: search.memberId, page: search.page, pageSize: search.pageSize },
    signal,
  });
}

/** Hands a product or service reward over by the member's pickup code (404 when the code is unknown or used). */
export function pickUpRedemption(body: PickupDto): Promise<RedemptionView> {
  return http.json<RedemptionView>(apiRoutes.staffRedemptionPickup, { method: 'POST', body });
}

/** Returns the stock, the member's count and the points (to the lots they came from). */
export function cancelRedemption(id: string, body: CancelRedemptionDto): Promise<RedemptionView> {
  return http.json<RedemptionView>(apiRoutes.staffRedemptionCancel(id), { method: 'POST', body });
}

export const loyaltyTillKeys = {
  all: ['loyalty-till'] as const,
  memberPoints: (memberId: string) => ['loyalty-till', 'member-points', memberId] as const,
  redemptions: ['loyalty-till', 'redemptions'] as const,
  redemptionList: (search: RedemptionSearch) => ['loyalty-till', 'redemptions', search] as const,
};
