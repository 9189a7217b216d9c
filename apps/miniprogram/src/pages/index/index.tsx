import { Text, View } from '@tarojs/components';
import { MemberCard } from '../../components/member-card';
import { Button } from '../../components/ui';
import { useHome } from './use-home';
import styles from './index.module.scss';

export default function HomePage() {
  const { state, retry, goJoin, goProfile } = useHome();

  if (state.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text id='home-loading' className={styles.status}>
          加载中…
        </Text>
      </View>
    );
  }

  if (state.status === 'error') {
    return (
      <View className={styles.page}>
        <View className={styles.errorBox}>
          <Text id='home-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='home-retry' type='primary' fill='outline' onClick={retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  if (state.status === 'visitor') {
    return (
      <View className={styles.page}>
        <View className={styles.hero}>
          <Text className={styles.brand}>GLOW</Text>
          <Text className={styles.title}>加入 Glow 会员</Text>
          <Text className={styles.subtitle}>消费累积积分，专属顾问一对一护肤建议，生日礼遇与会员专享活动。</Text>
        </View>
        <View className={styles.actions}>
          <Button id='join-cta' type='primary' size='large' block onClick={goJoin}>
            立即加入会员
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className={styles.page}>
      <MemberCard home={state.home} />
      <View className={styles.actions}>
        <Button id='go-profile' type='primary' fill='outline' block onClick={goProfile}>
          编辑个人资料
        </Button>
      </View>
    </View>
  );
}
