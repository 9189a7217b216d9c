import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { StarRating } from '../../../../components/star-rating';
import { Button } from '../../../../components/ui';
import { errorMessage } from '../../../../services/http';
import { formatStamp } from '../../../../utils/shanghai-time';
import styles from './index.module.scss';

export const CSAT_COMMENT_MAX = 300;

export interface CsatCardProps {
  id?: string;
  title: string;
  /** Rating allowed until (ISO); past it the card only says so. */
  until: string | null;
  /** The score already given, if any. */
  rated: number | null;
  expired: boolean;
  /** Sends the rating; a rejection's message is shown on the card. */
  onSubmit: (score: number, comment: string) => Promise<void>;
}

/** 1–5 stars and an optional comment for a conversation or a ticket; 感谢评价 once sent. */
export function CsatCard({ id, title, until, rated, expired, onSubmit }: CsatCardProps) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [given, setGiven] = useState<number | null>(rated);

  if (given !== null) {
    return (
      <View id={id} className={`csat-card ${styles.card}`} data-state='rated'>
        <Text className={styles.title}>{title}</Text>
        <StarRating value={given} />
        <Text className={`csat-thanks ${styles.thanks}`}>感谢评价</Text>
      </View>
    );
  }

  if (expired) {
    return (
      <View id={id} className={`csat-card ${styles.card}`} data-state='expired'>
        <Text className={styles.title}>{title}</Text>
        <Text className={`csat-expired ${styles.note}`}>{until ? `评价已于 ${formatStamp(until)} 截止` : '评价已截止'}</Text>
      </View>
    );
  }

  const submit = async () => {
    if (score < 1) return;
    setSending(true);
    setError(null);
    try {
      await onSubmit(score, comment);
      setGiven(score);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <View id={id} className={`csat-card ${styles.card}`} data-state='open'>
      <Text className={styles.title}>{title}</Text>
      <StarRating value={score} onChange={setScore} />
      <Textarea
        className={`csat-comment ${styles.textarea}`}
        value={comment}
        placeholder='说说你的感受（选填）'
        maxlength={CSAT_COMMENT_MAX}
        onInput={(event) => setComment(event.detail.value.slice(0, CSAT_COMMENT_MAX))}
      />
      {until ? <Text className={styles.note}>请在 {formatStamp(until)} 前评价</Text> : null}
      {error ? <Text className={`csat-error ${styles.error}`}>{error}</Text> : null}
      <Button className='csat-submit' type='primary' size='small' disabled={score < 1} loading={sending} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  );
}
