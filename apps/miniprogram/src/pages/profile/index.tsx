import { Button as NativeButton, Text, View } from '@tarojs/components';
import { AvatarPicker } from '../../components/avatar-picker';
import { DeleteAccountDialog } from '../../components/delete-account-dialog';
import { ProfileFields } from '../../components/profile-fields';
import { Button } from '../../components/ui';
import { usePrivacy } from './use-privacy';
import { useProfile } from './use-profile';
import styles from './index.module.scss';

const PROFILE_IDS = {
  nickname: 'profile-nickname-input',
  birthday: 'profile-birthday-value',
  gender: 'profile-gender-group',
  city: 'profile-city-input',
};

export default function ProfilePage() {
  const profile = useProfile();
  const privacy = usePrivacy();

  if (profile.load === 'loading') {
    return (
      <View className={styles.page}>
        <Text className={styles.status}>加载中…</Text>
      </View>
    );
  }

  if (profile.load !== 'ready') {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='profile-error' className={styles.error}>
            {profile.error}
          </Text>
          {profile.load === 'not-member' ? (
            <Button id='profile-join' type='primary' onClick={profile.goJoin}>
              去加入会员
            </Button>
          ) : (
            <Button id='profile-retry' type='primary' fill='outline' onClick={() => void profile.retry()}>
              重新加载
            </Button>
          )}
        </View>
      </View>
    );
  }

  return (
    <View className={styles.page}>
      <AvatarPicker id='profile-avatar-button' src={profile.avatar} onPick={(path) => void profile.changeAvatar(path)} disabled={profile.uploading} />
      {profile.uploading ? <Text className={styles.hint}>头像上传中…</Text> : null}
      <ProfileFields ids={PROFILE_IDS} value={profile.draft} onChange={profile.edit} />

      {profile.error ? (
        <Text id='profile-error' className={styles.error}>
          {profile.error}
        </Text>
      ) : null}
      {profile.saved ? (
        <Text id='profile-saved' className={styles.saved}>
          已保存
        </Text>
      ) : null}

      <View className={styles.actions}>
        <Button id='profile-save' type='primary' size='large' block loading={profile.saving} onClick={() => void profile.save()}>
          保存
        </Button>
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>我的服务</Text>
        <View id='my-bookings-link' className={styles.row} onClick={profile.goBookings}>
          <View className={styles.rowText}>
            <Text className={styles.rowTitle}>我的预约</Text>
            <Text className={styles.rowHint}>查看到店预约、签到码与服务记录</Text>
          </View>
          <Text className={styles.rowGo}>›</Text>
        </View>
        <View id='subscriptions-link' className={styles.row} onClick={profile.goSubscriptions}>
          <View className={styles.rowText}>
            <Text className={styles.rowTitle}>消息订阅</Text>
            <Text className={styles.rowHint}>优惠券、预约、积分与等级变动的微信通知</Text>
          </View>
          <Text className={styles.rowGo}>›</Text>
        </View>
      </View>

      <View id='service-section' className={styles.section}>
        <Text className={styles.sectionTitle}>顾问服务</Text>
        <View id='service-chat-link' className={styles.row} onClick={profile.goChat}>
          <View className={styles.rowText}>
            <Text className={styles.rowTitle}>在线客服</Text>
            <Text className={styles.rowHint}>护肤、订单与预约问题，顾问在线为你解答</Text>
          </View>
          <Text className={styles.rowGo}>›</Text>
        </View>
        <View id='service-tickets-link' className={styles.row} onClick={profile.goTickets}>
          <View className={styles.rowText}>
            <Text className={styles.rowTitle}>我的工单</Text>
            <Text className={styles.rowHint}>售后与投诉的处理进度</Text>
          </View>
          <Text className={styles.rowGo}>›</Text>
        </View>
        {/* WeChat's own customer-service session; H5 has nothing behind open-type="contact", so it is left out there. */}
        {process.env.TARO_ENV === 'weapp' ? (
          <NativeButton id='service-wechat-contact' className={`${styles.row} ${styles.contact}`} openType='contact' sessionFrom='glow-profile'>
            <View className={styles.rowText}>
              <Text className={styles.rowTitle}>微信客服</Text>
              <Text className={styles.rowHint}>在微信客服会话中联系我们</Text>
            </View>
            <Text className={styles.rowGo}>›</Text>
          </NativeButton>
        ) : null}
      </View>

      <View id='privacy-section' className={styles.section}>
        <Text className={styles.sectionTitle}>隐私与数据</Text>
        <View id='export-data' className={styles.row} onClick={() => void privacy.exportData()}>
          <View className={styles.rowText}>
            <Text className={styles.rowTitle}>导出我的数据</Text>
            <Text className={styles.rowHint}>下载我们保存的你的全部个人信息（JSON）</Text>
          </View>
          <Text className={styles.rowGo}>{privacy.exporting ? '导出中…' : '›'}</Text>
        </View>
        <View id='revoke-skin-consent' className={styles.row} onClick={() => void privacy.revokeSkin()}>
          <View className={styles.rowText}>
            <Text className={styles.rowTitle}>撤回肤质数据授权</Text>
            <Text className={styles.rowHint}>撤回后将删除你的肤质测试答案与报告</Text>
          </View>
          <Text className={styles.rowGo}>{privacy.revoking ? '处理中…' : '›'}</Text>
        </View>
        <View id='delete-account' className={styles.row} onClick={privacy.openDelete}>
          <View className={styles.rowText}>
            <Text className={`${styles.rowTitle} ${styles.danger}`}>注销账号</Text>
            <Text className={styles.rowHint}>注销后个人信息将被匿名化，且无法恢复</Text>
          </View>
          <Text className={styles.rowGo}>›</Text>
        </View>
      </View>

      {privacy.deleteOpen ? (
        <DeleteAccountDialog
          phrase={privacy.deletePhrase}
          value={privacy.phrase}
          onChange={privacy.setPhrase}
          submitting={privacy.deleting}
          error={privacy.deleteError}
          onCancel={privacy.closeDelete}
          onConfirm={() => void privacy.confirmDelete()}
        />
      ) : null}
    </View>
  );
}
