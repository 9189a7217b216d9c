import { Text, View } from '@tarojs/components';
import styles from './index.module.scss';

export interface StarRatingProps {
  id?: string;
  /** 0 while nothing is chosen, else 1–5. */
  value: number;
  onChange?: (value: number) => void;
}

const STARS = [1, 2, 3, 4, 5];
const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** Five stars; read-only without `onChange`. */
export function StarRating({ id, value, onChange }: StarRatingProps) {
  return (
    <View id={id} className={styles.rating}>
      {STARS.map((star) => (
        <Text
          key={star}
          className={`rating-star ${star <= value ? 'is-on' : ''} ${styles.star} ${star <= value ? styles.on : ''}`}
          data-value={star}
          onClick={onChange ? () => onChange(star) : undefined}
        >
          ★
        </Text>
      ))}
      {value > 0 ? <Text className={styles.word}>{WORDS[value]}</Text> : null}
    </View>
  );
}
