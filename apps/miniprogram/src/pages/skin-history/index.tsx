import { Text, View } from '@tarojs/components';
import { SKIN_CONCERN_LABELS } from '@glow/domain';
import { Button } from '../../components/ui';
import { formatDay } from '../../utils/date';
import { useSkinHistory } from './use-skin-history';
import styles from './index.module.scss';

export default function SkinHistoryPage() {
  const history = useSkinHistory();
  const { state } = history;

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
          <Text id='skin-history-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='skin-history-retry' type='primary' fill='outline' onClick={history.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View id='skin-history' className={styles.page}>
      {state.results.length === 0 ? (
        <View className={styles.statusBox}>
          <Text id='skin-history-empty' className={styles.empty}>
            还没有测试记录
          </Text>
          <Button id='skin-history-start' type='primary' onClick={history.startTest}>
            开始肤质测试
          </Button>
        </View>
      ) : (
        <View className={styles.list}>
          {state.results.map((result) => (
            <View key={result.id} className={`skin-history-item ${styles.item}`} onClick={() => history.open(result.id)}>
              <View className={styles.itemHeader}>
                <Text className={styles.summary}>{result.summary}</Text>
                <Text className={styles.date}>{formatDay(result.takenAt)}</Text>
              </View>
              {result.concerns.length > 0 ? (
                <View className={styles.tags}>
                  {result.concerns.map((concern) => (
                    <Text key={concern} className={styles.tag}>
                      {SKIN_CONCERN_LABELS[concern]}
                    </Text>
                  ))}
                </View>
              ) : null}
              <Text className={styles.more}>查看报告 ›</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
