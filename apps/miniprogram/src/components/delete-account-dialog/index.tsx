import { Text, View } from '@tarojs/components';
import { Button, Input } from '../ui';
import styles from './index.module.scss';

export interface DeleteAccountDialogProps {
  /** The words to type, `确认注销`. */
  phrase: string;
  value: string;
  onChange: (value: string) => void;
  submitting: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Deleting cannot be undone, so the member types the confirmation words before the button works. */
export function DeleteAccountDialog({ phrase, value, onChange, submitting, error, onCancel, onConfirm }: DeleteAccountDialogProps) {
  const typed = value.trim() === phrase;
  return (
    <View className={styles.mask}>
      <View id='delete-dialog' className={styles.dialog}>
        <Text className={styles.title}>注销账号</Text>
        <Text className={styles.body}>注销后将无法恢复：</Text>
        <Text className={styles.item}>· 你的个人资料、手机号与头像将被匿名化处理</Text>
        <Text className={styles.item}>· 你的肤质测试答案与报告将被删除</Text>
        <Text className={styles.item}>· 当前微信将退出登录，再次加入将作为新会员，原会员权益无法恢复</Text>
        <Text className={styles.prompt}>请输入“{phrase}”以继续</Text>
        <Input
          id='delete-confirm-input'
          className={styles.input}
          placeholder={phrase}
          maxLength={10}
          value={value}
          onChange={onChange}
        />
        {error ? (
          <Text id='delete-error' className={styles.error}>
            {error}
          </Text>
        ) : null}
        <View className={styles.actions}>
          <View className={styles.action}>
            <Button id='delete-confirm-cancel' type='default' block disabled={submitting} onClick={onCancel}>
              取消
            </Button>
          </View>
          <View className={styles.action}>
            <Button id='delete-confirm-submit' type='danger' block disabled={!typed} loading={submitting} onClick={onConfirm}>
              确认注销
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
