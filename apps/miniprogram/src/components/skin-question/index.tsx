import { Text, Textarea, View } from '@tarojs/components';
import type { Answer, Question } from '@glow/domain';
import styles from './index.module.scss';

export interface SkinQuestionProps {
  question: Question;
  answer: Answer | undefined;
  disabled: boolean;
  onChoose: (optionKey: string) => void;
  onToggle: (optionKey: string) => void;
  onPickScale: (value: number) => void;
  onText: (text: string) => void;
}

const TEXT_MAX_LENGTH = 500;

/** The answer controls of one question: option cards, a row of scale buttons, or a text box. */
export function SkinQuestion({ question, answer, disabled, onChoose, onToggle, onPickScale, onText }: SkinQuestionProps) {
  if (question.kind === 'single' || question.kind === 'multiple') {
    const multiple = question.kind === 'multiple';
    const picked = answer?.optionKeys ?? [];
    const max = question.maxChoices;
    return (
      <View className={styles.options}>
        {multiple ? <Text className={styles.note}>{max ? `可多选，最多 ${max} 项` : '可多选'}</Text> : null}
        {(question.options ?? []).map((option) => {
          const selected = picked.includes(option.key);
          return (
            <View
              key={option.key}
              className={`skin-option ${styles.option}${selected ? ` skin-option-selected ${styles.selected}` : ''}`}
              data-key={option.key}
              onClick={() => {
                if (disabled) return;
                if (multiple) onToggle(option.key);
                else onChoose(option.key);
              }}
            >
              <Text className={styles.optionLabel}>{option.label}</Text>
              <Text className={multiple ? styles.check : styles.radio}>{selected ? '✓' : ''}</Text>
            </View>
          );
        })}
      </View>
    );
  }

  if (question.kind === 'scale' && question.scale) {
    const { min, max, minLabel, maxLabel } = question.scale;
    const values = Array.from({ length: Math.max(max - min + 1, 0) }, (_, offset) => min + offset);
    return (
      <View className={styles.scale}>
        <View className={styles.scaleRow}>
          {values.map((value) => {
            const selected = answer?.value === value;
            return (
              <View
                key={value}
                className={`skin-scale-option ${styles.scaleButton}${selected ? ` skin-option-selected ${styles.scaleSelected}` : ''}`}
                onClick={() => {
                  if (!disabled) onPickScale(value);
                }}
              >
                <Text>{value}</Text>
              </View>
            );
          })}
        </View>
        <View className={styles.scaleLabels}>
          <Text>{minLabel}</Text>
          <Text>{maxLabel}</Text>
        </View>
      </View>
    );
  }

  return (
    <View className={styles.textBox}>
      <Textarea
        id='skin-text-input'
        className={styles.textarea}
        value={answer?.text ?? ''}
        placeholder={question.required ? '请输入' : '选填，可直接跳过'}
        maxlength={TEXT_MAX_LENGTH}
        disabled={disabled}
        onInput={(event) => onText(event.detail.value)}
      />
      <Text className={styles.counter}>
        {(answer?.text ?? '').length} / {TEXT_MAX_LENGTH}
      </Text>
    </View>
  );
}
