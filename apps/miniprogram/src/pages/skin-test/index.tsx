import { Text, View } from '@tarojs/components';
import { SkinQuestion } from '../../components/skin-question';
import { Button } from '../../components/ui';
import { useSkinTest } from './use-skin-test';
import styles from './index.module.scss';

export default function SkinTestPage() {
  const test = useSkinTest();
  const { phase, question } = test;

  if (phase.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text id='skin-test-loading' className={styles.status}>
          加载中…
        </Text>
      </View>
    );
  }

  if (phase.status === 'error') {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='skin-test-error' className={styles.error}>
            {phase.message}
          </Text>
          {phase.notMember ? (
            <Button id='skin-test-join' type='primary' onClick={test.goJoin}>
              去加入会员
            </Button>
          ) : (
            <Button id='skin-test-retry' type='primary' fill='outline' onClick={test.retry}>
              重新加载
            </Button>
          )}
        </View>
      </View>
    );
  }

  if (phase.status === 'consent') {
    const { consent } = phase.test;
    return (
      <View id='skin-consent' className={styles.page}>
        <View className={styles.intro}>
          <Text className={styles.introTitle}>{phase.test.title}</Text>
          {phase.test.description ? <Text className={styles.introText}>{phase.test.description}</Text> : null}
        </View>
        <View className={styles.card}>
          <Text id='skin-consent-title' className={styles.consentTitle}>
            {consent.title}
          </Text>
          <View className={styles.consentContent}>
            <Text id='skin-consent-content' userSelect>
              {consent.content}
            </Text>
          </View>
        </View>
        <View className={styles.consentActions}>
          <Button id='skin-consent-agree' type='primary' size='large' block loading={test.busy} onClick={() => void test.agree()}>
            同意并开始测试
          </Button>
          <Text id='skin-consent-decline' className={styles.link} onClick={test.decline}>
            暂不同意，返回
          </Text>
        </View>
      </View>
    );
  }

  if (!question) return <View className={styles.page} />;

  // Single choice and scale move on by themselves; the button is there to skip, or to move on after going back.
  const showNext = question.kind === 'multiple' || question.kind === 'text' || test.answered || !question.required;
  const percent = Math.round(((test.index + 1) / test.total) * 100);

  return (
    <View id='skin-test' className={styles.page}>
      <View id='skin-progress' className={styles.progress}>
        <View className={styles.progressHeader}>
          <Text className={styles.testTitle}>{phase.test.title}</Text>
          <Text id='skin-progress-text' className={styles.progressText}>
            第 {test.index + 1} / {test.total} 题
          </Text>
        </View>
        <View className={styles.track}>
          <View className={styles.fill} style={{ width: `${percent}%` }} />
        </View>
      </View>

      <View id='skin-question' className={styles.card} data-key={question.key}>
        <Text id='skin-question-title' className={styles.questionTitle}>
          {question.title}
          {question.required ? '' : '（选填）'}
        </Text>
        {question.hint ? (
          <Text id='skin-question-hint' className={styles.hint}>
            {question.hint}
          </Text>
        ) : null}
        <View className={styles.answers}>
          <SkinQuestion
            question={question}
            answer={test.answer}
            disabled={test.busy}
            onChoose={test.choose}
            onToggle={test.toggle}
            onPickScale={test.pickScale}
            onText={test.setText}
          />
        </View>
      </View>

      <View className={styles.footer}>
        {test.index > 0 ? (
          <View className={styles.footerButton}>
            <Button id='skin-back' type='primary' fill='outline' block disabled={test.busy} onClick={test.back}>
              上一题
            </Button>
          </View>
        ) : null}
        {test.isLast ? (
          <View className={styles.footerButton}>
            <Button id='skin-submit' type='primary' block disabled={!test.canProceed} loading={test.busy} onClick={() => void test.submit()}>
              查看结果
            </Button>
          </View>
        ) : showNext ? (
          <View className={styles.footerButton}>
            <Button id='skin-next' type='primary' block disabled={!test.canProceed} loading={test.busy} onClick={() => void test.next()}>
              {test.answered || question.required ? '下一题' : '跳过'}
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}

