import { type ReactNode, useState } from 'react';
import Taro from '@tarojs/taro';
import type { SubscribeTemplateKey } from '@glow/domain';
import { askToSubscribe, type SubscribeAnswers } from '../../services/subscribe';
import { Button } from '../ui';

export interface SubscribeButtonProps {
  id?: string;
  className?: string;
  /** The messages to ask for in one prompt (at most three). */
  keys: readonly SubscribeTemplateKey[];
  /** After the prompt and its report, e.g. to reload the credits shown. */
  onAnswered?: (answers: SubscribeAnswers) => void;
  children: ReactNode;
}

/** A button whose tap opens WeChat's subscribe prompt for `keys` and says how it went. */
export function SubscribeButton({ id, className, keys, onAnswered, children }: SubscribeButtonProps) {
  const [asking, setAsking] = useState(false);

  const onClick = async () => {
    if (asking) return;
    // The prompt must open in the tap itself: nothing is awaited before it.
    const pending = askToSubscribe(keys);
    setAsking(true);
    const answers = await pending;
    setAsking(false);
    const given = Object.values(answers);
    if (given.includes('accept')) void Taro.showToast({ title: '订阅成功', icon: 'success' });
    // Nothing asked at all: settings not loaded yet, the prompt failed, or a browser outside the demo.
    else if (given.length === 0) void Taro.showToast({ title: '暂时无法订阅，请稍后再试', icon: 'none' });
    onAnswered?.(answers);
  };

  return (
    <Button id={id} className={className} type='primary' size='small' fill='outline' loading={asking} onClick={() => void onClick()}>
      {children}
    </Button>
  );
}
