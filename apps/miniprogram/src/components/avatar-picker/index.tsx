import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import styles from './index.module.scss';

export interface AvatarPickerProps {
  id: string;
  /** A remote avatar URL or a local temp path just picked. */
  src: string | null;
  onPick: (filePath: string) => void;
  disabled?: boolean;
}

/**
 * WeChat's own avatar chooser (`open-type="chooseAvatar"`, which also offers the WeChat avatar) in the
 * mini-program; the browser's image picker in H5. Either way the result is a local path to upload.
 */
export function AvatarPicker({ id, src, onPick, disabled = false }: AvatarPickerProps) {
  const face = src ? <Image className={styles.image} src={src} mode='aspectFill' /> : <Text className={styles.plus}>+</Text>;

  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className={styles.picker}>
        <Button
          id={id}
          className={styles.button}
          openType='chooseAvatar'
          disabled={disabled}
          onChooseAvatar={(event) => {
            const { avatarUrl } = event.detail as { avatarUrl?: string };
            if (avatarUrl) onPick(avatarUrl);
          }}
        >
          {face}
        </Button>
        <Text className={styles.hint}>点击设置头像</Text>
      </View>
    );
  }

  const chooseInBrowser = async () => {
    try {
      const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      if (tempFilePaths[0]) onPick(tempFilePaths[0]);
    } catch {
      // Closing the picker rejects; there is nothing to report.
    }
  };

  return (
    <View className={styles.picker}>
      <View id={id} className={styles.button} onClick={disabled ? undefined : chooseInBrowser}>
        {face}
      </View>
      <Text className={styles.hint}>点击设置头像</Text>
    </View>
  );
}
