import { Text, View } from '@tarojs/components';
import { AvatarPicker } from '../../components/avatar-picker';
import { ProfileFields } from '../../components/profile-fields';
import { Button, Checkbox, Input } from '../../components/ui';
import { useJoin } from './use-join';
import styles from './index.module.scss';

const PROFILE_IDS = { nickname: 'nickname-input', birthday: 'birthday-value', gender: 'gender-group', city: 'city-input' };

export default function JoinPage() {
  const join = useJoin();
  const { policy, phone } = join;

  return (
    <View className={styles.page}>
      <View className={styles.intro}>
        <Text className={styles.title}>成为 Glow 会员</Text>
        <Text className={styles.subtitle}>授权手机号即可加入，资料可稍后完善</Text>
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>手机号（必填）</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button
            id='wechat-phone-button'
            type='primary'
            fill='outline'
            block
            openType='getPhoneNumber'
            onGetPhoneNumber={(event) => join.onWechatPhone(event.detail.code)}
          >
            微信手机号快捷授权
          </Button>
        ) : join.demoMode ? (
          <View className={styles.demoPhone}>
            <Input
              id='demo-phone-input'
              className={styles.demoPhoneInput}
              type='tel'
              placeholder='输入用于演示的手机号'
              maxLength={11}
              value={join.demoPhone}
              onChange={join.setDemoPhone}
            />
            <Button
              id='demo-phone-button'
              type='primary'
              fill='outline'
              size='small'
              loading={join.authorising}
              onClick={() => void join.authoriseDemoPhone()}
            >
              模拟微信手机号授权
            </Button>
          </View>
        ) : (
          <Text className={styles.note}>请在微信中打开小程序完成手机号授权</Text>
        )}
        {phone ? (
          <Text id='phone-status' className={styles.phoneStatus}>
            ✓ {phone.label}
          </Text>
        ) : null}
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>个人资料（选填）</Text>
        <AvatarPicker id='avatar-button' src={join.avatarPath} onPick={join.setAvatarPath} disabled={join.submitting} />
      </View>
      <ProfileFields ids={PROFILE_IDS} value={join.profile} onChange={join.setProfile} />

      <View className={styles.section}>
        <View className={styles.policyHeader}>
          <Text id='policy-title' className={styles.policyTitle}>
            {policy ? `《${policy.title}》` : '隐私政策加载中…'}
          </Text>
          {policy ? (
            <Text id='policy-toggle' className={styles.link} onClick={join.togglePolicy}>
              {join.showPolicy ? '收起' : '阅读全文'}
            </Text>
          ) : null}
        </View>
        {policy && join.showPolicy ? (
          <View id='policy-content' className={styles.policyContent}>
            <Text userSelect>{policy.content}</Text>
          </View>
        ) : null}
        <Checkbox id='consent-checkbox' className={styles.consent} checked={join.agreed} disabled={!policy} onChange={join.setAgreed}>
          我已阅读并同意{policy ? `《${policy.title}》` : '隐私政策'}
        </Checkbox>
      </View>

      {join.error ? (
        <Text id='join-error' className={styles.error}>
          {join.error}
        </Text>
      ) : null}

      <View className={styles.submit}>
        <Button
          id='join-submit'
          type='primary'
          size='large'
          block
          disabled={!join.canSubmit}
          loading={join.submitting}
          onClick={() => void join.submit()}
        >
          加入会员
        </Button>
      </View>
    </View>
  );
}
