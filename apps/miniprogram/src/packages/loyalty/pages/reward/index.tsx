import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/ui';
import { Dialog } from '../../../../components/ui/dialog';
import { assetUrl } from '../../../../utils/asset-url';
import { REWARD_HOW_TO, REWARD_KIND_LABELS, rewardLimitText, rewardTierText, rewardWindowText } from '../../../../utils/loyalty';
import { useReward } from './use-reward';
import styles from './index.module.scss';

export default function RewardPage() {
  const page = useReward();
  const { state } = page;

  if (state.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text className={styles.status}>加载中…</Text>
      </View>
    );
  }

  if (state.status === 'error') {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='reward-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='reward-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  const { reward } = state;
  const image = assetUrl(reward.imageUrl);
  return (
    <View id='reward-page' className={styles.page}>
      {image ? <Image className={styles.image} src={image} mode='aspectFill' /> : null}
      <View className={styles.hero}>
        <Text id='reward-name' className={styles.name}>
          {reward.name}
        </Text>
        <View className={styles.priceRow}>
          <Text id='reward-cost' className={styles.cost}>
            {reward.pointsCost} 积分
          </Text>
          <Text id='reward-stock' className={styles.stock}>
            {reward.stockLeft > 0 ? `剩余 ${reward.stockLeft} 份` : '已兑完'}
          </Text>
        </View>
        {reward.description ? <Text className={styles.description}>{reward.description}</Text> : null}
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>兑换规则</Text>
        <Rule label='类型'>{REWARD_KIND_LABELS[reward.kind]}</Rule>
        <Rule label='等级' id='reward-tier'>
          {rewardTierText(reward)}
        </Rule>
        <Rule label='限兑' id='reward-limit'>
          {rewardLimitText(reward)}
        </Rule>
        <Rule label='时间' id='reward-window'>
          {rewardWindowText(reward)}
        </Rule>
        <Rule label='领取' id='reward-how-to'>
          {REWARD_HOW_TO[reward.kind]}
        </Rule>
      </View>

      {page.refusal ? (
        <Text id='redeem-error' className={styles.notice}>
          {page.refusal}
        </Text>
      ) : null}

      <View className={styles.bar}>
        {!reward.redeemable && reward.blockedReason ? (
          <Text id='reward-blocked' className={styles.blocked}>
            {reward.blockedReason}
          </Text>
        ) : null}
        <Button id='redeem-button' type='primary' block disabled={!reward.redeemable} onClick={page.openConfirm}>
          {reward.redeemable ? `${reward.pointsCost} 积分兑换` : '暂不可兑换'}
        </Button>
      </View>

      <Dialog
        id='redeem-dialog'
        visible={page.confirming}
        title='确认兑换'
        closeOnOverlayClick={false}
        onClose={page.closeConfirm}
        onCancel={page.closeConfirm}
        footer={
          <View className={styles.dialogActions}>
            <View className={styles.dialogAction}>
              <Button id='redeem-cancel' type='default' block disabled={page.redeeming} onClick={page.closeConfirm}>
                再想想
              </Button>
            </View>
            <View className={styles.dialogAction}>
              <Button id='redeem-confirm' type='primary' block loading={page.redeeming} onClick={page.confirm}>
                {page.retryNotice ? '重试' : '确认兑换'}
              </Button>
            </View>
          </View>
        }
      >
        <View className={styles.dialogBody}>
          <Text id='redeem-summary'>
            将使用 {reward.pointsCost} 积分兑换「{reward.name}」
          </Text>
          <Text className={styles.dialogHint}>{REWARD_HOW_TO[reward.kind]}</Text>
          {page.retryNotice ? (
            <Text id='redeem-retry-notice' className={styles.dialogNotice}>
              {page.retryNotice}
            </Text>
          ) : null}
        </View>
      </Dialog>
    </View>
  );
}

function Rule({ id, label, children }: { id?: string; label: string; children: ReactNode }) {
  return (
    <View className={styles.rule}>
      <Text className={styles.ruleLabel}>{label}</Text>
      <Text id={id} className={styles.ruleValue}>
        {children}
      </Text>
    </View>
  );
}
