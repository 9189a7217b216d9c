import { Text, View } from '@tarojs/components';
import { QrCode } from '../../../../components/qr-code';
import { Button } from '../../../../components/ui';
import { codeGroups, formatCountdown } from '../../../../utils/member-code-timer';
import { useMemberCode } from './use-member-code';
import styles from './index.module.scss';

export default function MemberCodePage() {
  const { view, refresh } = useMemberCode();

  return (
    <View id='member-code-page' className={styles.page}>
      <View className={styles.card}>
        <Text className={styles.title}>会员码</Text>
        <Text className={styles.subtitle}>结账时出示，消费自动累积积分</Text>

        {view.kind === 'loading' ? (
          <Text id='member-code-loading' className={styles.placeholder}>
            正在获取会员码…
          </Text>
        ) : null}

        {view.kind === 'unavailable' ? (
          <View className={styles.problem}>
            <Text id='member-code-error' className={styles.error}>
              {view.message}
            </Text>
            <Button id='member-code-retry' type='primary' fill='outline' onClick={refresh}>
              重新获取
            </Button>
          </View>
        ) : null}

        {view.kind === 'live' || view.kind === 'offline' ? (
          <View className={styles.code}>
            <View className={view.kind === 'offline' ? styles.qrOffline : styles.qr}>
              <QrCode id='member-code-qr' text={view.code} modulePx={9} />
            </View>
            <View id='member-code-text' className={styles.codeText}>
              {codeGroups(view.code).map((group, index) => (
                <Text key={index} className={styles.codeGroup}>
                  {group}
                </Text>
              ))}
            </View>
            {view.kind === 'live' ? (
              <Text id='member-code-countdown' className={styles.countdown}>
                {formatCountdown(view.refreshInSec)} 后自动刷新
              </Text>
            ) : (
              <Text id='member-code-note' className={styles.offline}>
                {view.note}
              </Text>
            )}
          </View>
        ) : null}

        {view.kind === 'expired' ? (
          <View className={styles.problem}>
            <Text id='member-code-expired' className={styles.error}>
              {view.note}
            </Text>
            <Button id='member-code-retry' type='primary' fill='outline' onClick={refresh}>
              重新获取
            </Button>
          </View>
        ) : null}

        {view.kind === 'live' ? (
          <Text id='member-code-refresh' className={styles.refresh} onClick={refresh}>
            刷新会员码
          </Text>
        ) : null}
      </View>
      <Text className={styles.hint}>会员码定时自动更新，仅限本人在门店使用，请勿截图转发</Text>
    </View>
  );
}
