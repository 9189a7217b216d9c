import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { ClaimCenterItem } from '@glow/contracts';
import { claimCoupon, listClaimCenter } from '../../../../services/coupon.service';
import { errorMessage } from '../../../../services/http';
import { askToSubscribe } from '../../../../services/subscribe';
import { newIdempotencyKey, outcomeUnknown, pendingKeyFor } from '../../../../utils/idempotency';
import { COUPON_PAGES } from '../../../../utils/navigation';

export type ClaimCenterState = { status: 'loading' } | { status: 'ready'; items: ClaimCenterItem[] } | { status: 'error'; message: string };

/** The coupons the member can claim, and claiming them one tap at a time. */
export function useClaimCenter() {
  const [state, setState] = useState<ClaimCenterState>({ status: 'loading' });
  /** The template being claimed; its button spins and every claim button waits. */
  const [claiming, setClaiming] = useState<string | null>(null);
  /** Templates whose rules the member unfolded. */
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', items: await listClaimCenter() });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  /** After a claim: stock, limits and states moved. A failed refresh keeps the list on screen rather than an error. */
  const refresh = useCallback(async () => {
    try {
      setState({ status: 'ready', items: await listClaimCenter() });
    } catch {
      // The toast already told the member what happened to the claim.
    }
  }, []);

  // Also runs when coming back from the wallet.
  useDidShow(() => {
    void load();
  });

  const claim = async (item: ClaimCenterItem) => {
    if (item.state !== 'claimable' || inFlight.current) return;
    // WeChat shows the subscribe prompt only in direct response to the tap, so this comes before any other await.
    const asking = askToSubscribe(['coupon-arrival', 'coupon-expiring']);
    inFlight.current = true;
    setClaiming(item.templateId);
    // A new key for each claim the member makes; the same key again only when the last attempt got no answer, so a
    // retry after a lost answer cannot claim a second coupon (the API answers the first claim instead).
    const key = pendingKeyFor(`claim:${item.templateId}`, () => newIdempotencyKey('claim'));
    try {
      // The claim waits for the answer so the credits are reported before the coupon arrives; it never fails.
      await asking;
      await claimCoupon(item.templateId, key.take());
      key.settle();
      void Taro.showToast({ title: '领取成功', icon: 'success' });
    } catch (error) {
      if (!outcomeUnknown(error)) key.settle();
      // The API's Chinese refusal: 优惠券已被领完, 您已领取过该优惠券…
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      inFlight.current = false;
      setClaiming(null);
      void refresh();
    }
  };

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    claiming,
    claim: (item: ClaimCenterItem) => void claim(item),
    isUnfolded: (templateId: string) => unfolded.has(templateId),
    toggleRules: (templateId: string) =>
      setUnfolded((current) => {
        const next = new Set(current);
        if (next.has(templateId)) next.delete(templateId);
        else next.add(templateId);
        return next;
      }),
    goWallet: () => Taro.navigateTo({ url: COUPON_PAGES.wallet }),
  };
}
