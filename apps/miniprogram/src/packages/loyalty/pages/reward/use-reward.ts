import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { MemberRewardView } from '@glow/contracts';
import { errorMessage } from '../../../../services/http';
import { getReward, redeemReward } from '../../../../services/loyalty.service';
import { newIdempotencyKey, outcomeUnknown, pendingKeyFor } from '../../../../utils/idempotency';
import { redemptionPage } from '../../../../utils/navigation';

export type RewardState = { status: 'loading' } | { status: 'ready'; reward: MemberRewardView } | { status: 'error'; message: string };

/** One reward (`?id=`) with its rules, and redeeming it after a confirmation. */
export function useReward() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<RewardState>({ status: 'loading' });
  const [confirming, setConfirming] = useState(false);
  const [redeeming, setRedeeming] = useState(false);
  /** Shown in the dialog when no answer came back: the outcome is unknown and 重试 repeats the same redemption. */
  const [retryNotice, setRetryNotice] = useState<string | null>(null);
  /** The API's refusal (sold out, not enough points…), shown on the page. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    if (!id) {
      setState({ status: 'error', message: '兑换商品不存在' });
      return;
    }
    try {
      setState({ status: 'ready', reward: await getReward(id) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const reward = state.status === 'ready' ? state.reward : null;

  const confirm = async () => {
    if (!reward || inFlight.current) return;
    inFlight.current = true;
    setRedeeming(true);
    setRetryNotice(null);
    // One key per intended redemption, kept across retries, across closing the dialog and across leaving the page
    // until the API has answered, so neither a double tap nor a retry after a lost answer can redeem twice.
    const key = pendingKeyFor(`redeem:${reward.id}`, () => newIdempotencyKey('redeem'));
    try {
      const redemption = await redeemReward(reward.id, key.take());
      key.settle();
      setConfirming(false);
      void Taro.showToast({ title: '兑换成功', icon: 'success' });
      void Taro.redirectTo({ url: redemptionPage(redemption.id) });
    } catch (error) {
      if (outcomeUnknown(error)) {
        setRetryNotice(`${errorMessage(error)}。兑换结果未知，请点击重试，不会重复扣除积分`);
      } else {
        key.settle();
        setConfirming(false);
        setRefusal(errorMessage(error));
        void Taro.showToast({ title: errorMessage(error), icon: 'none' });
        // Stock, limits or the balance changed under the member: show the reward as it is now.
        void load();
      }
    } finally {
      inFlight.current = false;
      setRedeeming(false);
    }
  };

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    confirming,
    openConfirm: () => {
      if (!reward?.redeemable) return;
      setRefusal(null);
      setConfirming(true);
    },
    closeConfirm: () => {
      if (!inFlight.current) setConfirming(false);
    },
    confirm: () => void confirm(),
    redeeming,
    retryNotice,
    refusal,
  };
}
