import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type {
  BookingStatusValue,
  ChatBookingBody,
  ChatCouponBody,
  ChatImageBody,
  ChatMessageView,
  ChatProductBody,
  ChatSystemBody,
  ChatTextBody,
  CsatSubject,
} from '@glow/contracts';
import { Button } from '../../../../components/ui';
import { assetUrl } from '../../../../utils/asset-url';
import { BOOKING_STATUS_LABELS } from '../../../../utils/booking';
import { type PendingMessage, csatExpired, csatInviteOf, offersHandover } from '../../../../utils/chat-state';
import { formatFen } from '../../../../utils/money';
import { COUPON_PAGES, SHOP_PAGES, bookingDetailPage, couponDetailPage } from '../../../../utils/navigation';
import { formatDateTime } from '../../../../utils/shanghai-time';
import { ratedScore } from '../../csat-memory';
import { CsatCard } from '../csat-card';
import styles from './index.module.scss';

export interface ChatMessageProps {
  message: ChatMessageView;
  /** 已读 under the member's own message. */
  read: boolean;
  /** The bot is still answering, so its 转人工 offer can be taken. */
  handoverOpen: boolean;
  handingOver: boolean;
  onHandover: () => void;
  onPreview: (url: string) => void;
  onRate: (subject: CsatSubject, subjectId: string, score: number, comment: string) => Promise<void>;
  now: Date;
}

/** One stored message: a bubble (text, image or card), a system line, or a CSAT card. */
export function ChatMessage({ message, read, handoverOpen, handingOver, onHandover, onPreview, onRate, now }: ChatMessageProps) {
  const hooks = { 'data-seq': message.seq, 'data-id': message.id, 'data-sender': message.senderKind, 'data-type': message.type };

  if (message.type === 'system') {
    const invite = csatInviteOf(message);
    if (invite) {
      return (
        <View className={`chat-message chat-csat ${styles.systemRow}`} {...hooks}>
          <CsatCard
            title={(message.body as ChatSystemBody).text || '请为本次服务评分'}
            until={invite.until}
            rated={ratedScore(invite.subjectId)}
            expired={csatExpired(invite, now)}
            onSubmit={(score, comment) => onRate(invite.subject, invite.subjectId, score, comment)}
          />
        </View>
      );
    }
    return (
      <View className={`chat-message chat-system ${styles.systemRow}`} {...hooks}>
        <Text className={styles.systemText}>{(message.body as ChatSystemBody).text}</Text>
      </View>
    );
  }

  const mine = message.senderKind === 'member';
  const label = message.senderKind === 'bot' ? '智能助手' : message.senderKind === 'advisor' ? (message.senderName ?? '顾问') : null;
  return (
    <View className={`chat-message ${mine ? 'is-mine' : 'is-theirs'} ${styles.row} ${mine ? styles.mine : ''}`} {...hooks}>
      <View className={styles.column}>
        {label ? <Text className={`chat-sender ${styles.sender}`}>{label}</Text> : null}
        <Content message={message} mine={mine} onPreview={onPreview} />
        {offersHandover(message) && handoverOpen ? (
          <View className={styles.handover}>
            <Button className='chat-handover' type='primary' fill='outline' size='small' loading={handingOver} onClick={onHandover}>
              转人工
            </Button>
          </View>
        ) : null}
        {mine && read ? <Text className={`chat-read ${styles.read}`}>已读</Text> : null}
      </View>
    </View>
  );
}

function Content({ message, mine, onPreview }: { message: ChatMessageView; mine: boolean; onPreview: (url: string) => void }) {
  const bubble = `${styles.bubble} ${mine ? styles.bubbleMine : ''}`;
  switch (message.type) {
    case 'text':
      return (
        <Text className={`chat-text ${bubble}`} userSelect>
          {(message.body as ChatTextBody).text}
        </Text>
      );
    case 'image': {
      const url = assetUrl((message.body as ChatImageBody).url) ?? '';
      return <Image className={`chat-image ${styles.image}`} src={url} mode='widthFix' onClick={() => onPreview(url)} />;
    }
    case 'product': {
      const body = message.body as ChatProductBody;
      // There is no product detail page yet: the card opens the shop.
      return (
        <View className={`chat-card chat-product ${styles.card}`} data-product-id={body.productId} onClick={() => void Taro.navigateTo({ url: SHOP_PAGES.shop })}>
          {body.imageUrl ? <Image className={styles.cardImage} src={assetUrl(body.imageUrl) ?? ''} mode='aspectFill' /> : null}
          <View className={styles.cardText}>
            <Text className={styles.cardTitle}>{body.name}</Text>
            <Text className={styles.cardPrice}>{formatFen(body.priceFen)}</Text>
          </View>
        </View>
      );
    }
    case 'coupon': {
      const body = message.body as ChatCouponBody;
      const url = body.memberCouponId ? couponDetailPage(body.memberCouponId) : COUPON_PAGES.claimCenter;
      return (
        <View className={`chat-card chat-coupon ${styles.card} ${styles.coupon}`} data-template-id={body.templateId} onClick={() => void Taro.navigateTo({ url })}>
          <View className={styles.cardText}>
            <Text className={styles.cardTitle}>{body.name}</Text>
            <Text className={styles.cardMeta}>{body.summary}</Text>
            <Text className={styles.cardAction}>{body.memberCouponId ? '已放入券包，查看 ›' : '去领取 ›'}</Text>
          </View>
        </View>
      );
    }
    case 'booking': {
      const body = message.body as ChatBookingBody;
      const status = BOOKING_STATUS_LABELS[body.status as BookingStatusValue] as string | undefined;
      return (
        <View
          className={`chat-card chat-booking ${styles.card}`}
          data-booking-id={body.bookingId}
          onClick={() => void Taro.navigateTo({ url: bookingDetailPage(body.bookingId) })}
        >
          <View className={styles.cardText}>
            <Text className={styles.cardTitle}>{body.serviceName}</Text>
            <Text className={styles.cardMeta}>{body.storeName}</Text>
            <Text className={styles.cardMeta}>
              {formatDateTime(body.startsAt)}
              {status ? ` · ${status}` : ''}
            </Text>
          </View>
        </View>
      );
    }
    default:
      return <Text className={bubble}>[暂不支持的消息]</Text>;
  }
}

/**
 * One of the member's messages on its way: a spinner while sending, 发送失败 (tap to retry) when it failed. Its class is
 * `chat-pending`, not `chat-message`, which stays for stored messages (with their `data-seq`).
 */
export function PendingBubble({ pending, onRetry }: { pending: PendingMessage; onRetry: () => void }) {
  const failed = pending.status === 'failed';
  const { preview } = pending;
  return (
    <View className={`chat-pending is-mine ${styles.row} ${styles.mine}`} data-client-id={pending.clientId} data-status={pending.status}>
      <View className={styles.column}>
        <View className={styles.pendingLine}>
          {failed ? (
            <Text className={`chat-retry ${styles.failed}`} onClick={onRetry}>
              !
            </Text>
          ) : (
            <View className={`chat-spinner ${styles.spinner}`} />
          )}
          {preview.kind === 'text' ? <Text className={`chat-text ${styles.bubble} ${styles.bubbleMine}`}>{preview.text}</Text> : null}
          {preview.kind === 'image' ? <Image className={`chat-image ${styles.image}`} src={preview.path} mode='widthFix' /> : null}
          {preview.kind === 'card' ? <Text className={`${styles.bubble} ${styles.bubbleMine}`}>{preview.label}</Text> : null}
        </View>
        {failed ? (
          <Text className={`chat-pending-error ${styles.pendingError}`} onClick={onRetry}>
            {pending.error ?? '发送失败，点击重试'}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
