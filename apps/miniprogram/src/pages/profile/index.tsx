import { Text, View } from '@tarojs/components';
import { AvatarPicker } from '../../components/avatar-picker';
import { ProfileFields } from '../../components/profile-fields';
import { Button } from '../../components/ui';
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
    </View>
  );
}
