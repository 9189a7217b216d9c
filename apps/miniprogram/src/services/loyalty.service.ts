import type {
  MemberCodeResponse,
  MemberRewardView,
  Paged,
  PointsEntryView,
  PointsSummary,
  RedeemRewardDto,
  RedemptionView,
  TierView,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp } from './member-session';
import { query } from './query-string';

/** The rotating member code shown at the till; valid until `expiresAt`, ask again after `refreshAfterSec`. */
export function getMemberCode(): Promise<MemberCodeResponse> {
  return memberHttp.get<MemberCodeResponse>(apiRoutes.loyaltyMemberCode);
}

/** Balance, pending points, debt, points expiring soon and the progress to the next tier. */
export function getPointsSummary(): Promise<PointsSummary> {
  return memberHttp.get<PointsSummary>(apiRoutes.loyaltySummary);
}

/** The points ledger, latest first. */
export function listPointsHistory(page: number, pageSize: number): Promise<Paged<PointsEntryView>> {
  return memberHttp.get<Paged<PointsEntryView>>(apiRoutes.loyaltyPointsHistory + query({ page, pageSize }));
}

/** The tier ladder, lowest first, with each tier's benefits. */
export function listTiers(): Promise<TierView[]> {
  return memberHttp.get<TierView[]>(apiRoutes.loyaltyTiers);
}

/** The points mall, each reward with whether this member can redeem it now and why not. */
export function listRewards(): Promise<MemberRewardView[]> {
  return memberHttp.get<MemberRewardView[]>(apiRoutes.loyaltyRewards);
}

export function getReward(id: string): Promise<MemberRewardView> {
  return memberHttp.get<MemberRewardView>(apiRoutes.loyaltyReward(encodeURIComponent(id)));
}

/**
 * Redeems a reward. `idempotencyKey` names this one intended redemption: a retry after a failure without an answer
 * must send the same key, and the API then answers the redemption already made instead of making a second one.
 */
export function redeemReward(id: string, idempotencyKey: string): Promise<RedemptionView> {
  const body: RedeemRewardDto = { idempotencyKey };
  return memberHttp.post<RedemptionView>(apiRoutes.loyaltyRewardRedeem(encodeURIComponent(id)), body);
}

/** The member's redemptions, latest first. */
export function listMyRedemptions(): Promise<RedemptionView[]> {
  return memberHttp.get<RedemptionView[]>(apiRoutes.loyaltyRedemptions);
}

export function getRedemption(id: string): Promise<RedemptionView> {
  return memberHttp.get<RedemptionView>(apiRoutes.loyaltyRedemption(encodeURIComponent(id)));
}
