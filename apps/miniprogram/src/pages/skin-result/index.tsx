import { Text, View } from '@tarojs/components';
import { ALLERGEN_LABELS, SENSITIVITY_LABELS, SKIN_CONCERN_LABELS, SKIN_TYPE_LABELS } from '@glow/domain';
import { ProductCard } from '../../components/product-card';
import { ProductSheet } from '../../components/product-sheet';
import { Button } from '../../components/ui';
import { formatDay } from '../../utils/date';
import { useSkinResult } from './use-skin-result';
import styles from './index.module.scss';

export default function SkinResultPage() {
  const page = useSkinResult();
  const { state } = page;

  if (state.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text className={styles.status}>加载中…</Text>
      </View>
    );
  }

  if (state.status !== 'ready') {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='skin-result-error' className={state.status === 'error' ? styles.error : styles.empty}>
            {state.status === 'error' ? state.message : '你还没有肤质报告，花 2 分钟做个测试吧'}
          </Text>
          {state.status === 'error' ? (
            <Button id='skin-result-retry' type='primary' fill='outline' onClick={page.retry}>
              重新加载
            </Button>
          ) : (
            <Button id='skin-retake' type='primary' onClick={page.retake}>
              开始肤质测试
            </Button>
          )}
        </View>
      </View>
    );
  }

  const { profile, recommendations, takenAt } = state.result;
  return (
    <View id='skin-result' className={styles.page}>
      <View className={styles.hero}>
        <Text className={styles.heroLabel}>你的肤质</Text>
        <Text id='skin-summary' className={styles.summary}>
          {profile.summary}
        </Text>
        <View className={styles.facts}>
          <Text id='skin-type' className={styles.fact}>
            {SKIN_TYPE_LABELS[profile.skinType]}
          </Text>
          <Text id='skin-sensitivity' className={styles.fact}>
            敏感度：{SENSITIVITY_LABELS[profile.sensitivity]}
          </Text>
        </View>
        <Text className={styles.takenAt}>测试于 {formatDay(takenAt)}</Text>
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>肌肤困扰</Text>
        {profile.concerns.length > 0 ? (
          <View id='skin-concerns' className={styles.tags}>
            {profile.concerns.map((concern) => (
              <Text key={concern} className={`skin-concern-tag ${styles.tag}`}>
                {SKIN_CONCERN_LABELS[concern]}
              </Text>
            ))}
          </View>
        ) : (
          <Text id='skin-concerns' className={styles.muted}>
            暂无明显困扰，继续保持
          </Text>
        )}
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>需要回避的成分</Text>
        {profile.allergens.length > 0 ? (
          <View id='skin-allergens' className={styles.tags}>
            {profile.allergens.map((allergen) => (
              <Text key={allergen} className={`${styles.tag} ${styles.warningTag}`}>
                {ALLERGEN_LABELS[allergen]}
              </Text>
            ))}
          </View>
        ) : (
          <Text id='skin-allergens' className={styles.muted}>
            暂无需要特别回避的成分
          </Text>
        )}
      </View>

      {profile.explanation ? (
        <View className={styles.section}>
          <Text className={styles.sectionTitle}>肤质解读</Text>
          <Text id='skin-explanation' className={styles.paragraph}>
            {profile.explanation}
          </Text>
        </View>
      ) : null}

      <View id='skin-recommendations' className={styles.recommendations}>
        <Text className={styles.listTitle}>为你推荐</Text>
        {recommendations.items.length > 0 ? (
          recommendations.items.map((item) => (
            <ProductCard key={item.product.id} product={item.product} reason={item.reason} onTap={() => page.open(item)} />
          ))
        ) : (
          <Text className={styles.muted}>暂时没有适合你的推荐商品，顾问会为你挑选合适的产品</Text>
        )}
      </View>

      <View className={styles.actions}>
        <View className={styles.actionButton}>
          <Button id='skin-retake' type='primary' fill='outline' block onClick={page.retake}>
            重新测试
          </Button>
        </View>
        <View className={styles.actionButton}>
          <Button id='skin-history-link' type='primary' block onClick={page.goHistory}>
            历史记录
          </Button>
        </View>
      </View>

      {page.opened ? <ProductSheet product={page.opened.product} reason={page.opened.reason} onClose={page.close} /> : null}
    </View>
  );
}
