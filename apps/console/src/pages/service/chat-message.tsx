import { ExclamationCircleFilled, GiftOutlined, ShoppingOutlined, CalendarOutlined } from '@ant-design/icons';
import type { ChatMessageView } from '@glow/contracts';
import { Button, Flex, Image, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties, ReactNode } from 'react';
import { BOOKING_STATUS_LABELS } from '../../shared/labels';
import { formatDateTime, formatYuan } from '../../shared/format';
import { bookingBody, couponBody, productBody, readReceipt, systemBody, textBody, type PendingMessage } from './chat-state';

const BRAND = '#b0456b';

const bubbleStyle = (mine: boolean): CSSProperties => ({
  maxWidth: 420,
  padding: '8px 12px',
  borderRadius: 10,
  background: mine ? '#fbe9f0' : '#f5f5f5',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
});

const cardStyle: CSSProperties = { width: 260, border: '1px solid #f0f0f0', borderRadius: 8, padding: 10, background: '#fff' };

function ProductCard({ message }: { message: ChatMessageView }) {
  const body = productBody(message);
  return (
    <Flex gap={10} style={cardStyle} className="chat-card chat-card-product">
      {body.imageUrl ? <Image src={body.imageUrl} width={56} height={56} preview={false} /> : <ShoppingOutlined style={{ fontSize: 40, color: BRAND }} />}
      <Flex vertical>
        <Typography.Text strong>{body.name}</Typography.Text>
        <Typography.Text type="danger">{formatYuan(body.priceFen)}</Typography.Text>
      </Flex>
    </Flex>
  );
}

function CouponCard({ message }: { message: ChatMessageView }) {
  const body = couponBody(message);
  return (
    <Flex gap={10} style={{ ...cardStyle, background: '#fff7f9' }} className="chat-card chat-card-coupon">
      <GiftOutlined style={{ fontSize: 32, color: BRAND }} />
      <Flex vertical>
        <Typography.Text strong>{body.name}</Typography.Text>
        <Typography.Text type="secondary">{body.summary}</Typography.Text>
        {body.memberCouponId && (
          <Tag color="green" className="chat-card-issued" style={{ alignSelf: 'flex-start' }}>
            已发放到会员账户
          </Tag>
        )}
      </Flex>
    </Flex>
  );
}

function BookingCard({ message }: { message: ChatMessageView }) {
  const body = bookingBody(message);
  const status = BOOKING_STATUS_LABELS[body.status as keyof typeof BOOKING_STATUS_LABELS] ?? body.status;
  return (
    <Flex gap={10} style={cardStyle} className="chat-card chat-card-booking">
      <CalendarOutlined style={{ fontSize: 32, color: BRAND }} />
      <Flex vertical>
        <Typography.Text strong>{body.serviceName}</Typography.Text>
        <Typography.Text type="secondary">
          {body.storeName} · {formatDateTime(body.startsAt)}
        </Typography.Text>
        <Tag style={{ alignSelf: 'flex-start' }}>{status}</Tag>
      </Flex>
    </Flex>
  );
}

function Content({ message, mine }: { message: ChatMessageView; mine: boolean }) {
  switch (message.type) {
    case 'text':
      return (
        <div className="chat-bubble" style={bubbleStyle(mine)}>
          {textBody(message).text}
        </div>
      );
    case 'image':
      return <Image className="chat-image" src={(message.body as { url: string }).url} width={180} style={{ borderRadius: 8 }} />;
    case 'product':
      return <ProductCard message={message} />;
    case 'coupon':
      return <CouponCard message={message} />;
    case 'booking':
      return <BookingCard message={message} />;
    case 'system':
      return null;
  }
}

function senderLabel(message: ChatMessageView): ReactNode {
  if (message.senderKind === 'bot')
    return (
      <Tag color="purple" className="chat-bot-label" style={{ marginInlineEnd: 0 }}>
        智能助手
      </Tag>
    );
  return <Typography.Text type="secondary">{message.senderName ?? (message.senderKind === 'member' ? '会员' : '顾问')}</Typography.Text>;
}

export interface ChatMessageItemProps {
  message: ChatMessageView;
  memberReadSeq: number;
}

/** One stored message: the member (and the bot) on the left, advisors on the right, system lines centred. */
export function ChatMessageItem({ message, memberReadSeq }: ChatMessageItemProps) {
  if (message.type === 'system') {
    return (
      <div className="chat-message chat-system" data-seq={message.seq} style={{ textAlign: 'center', margin: '8px 0' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {systemBody(message).text} · {dayjs(message.createdAt).format('HH:mm')}
        </Typography.Text>
      </div>
    );
  }
  const mine = message.senderKind === 'advisor';
  const receipt = readReceipt(message, memberReadSeq);
  return (
    <Flex
      vertical
      align={mine ? 'flex-end' : 'flex-start'}
      gap={4}
      className={`chat-message chat-from-${message.senderKind}`}
      data-seq={message.seq}
      data-message-id={message.id}
      style={{ margin: '8px 0' }}
    >
      <Flex gap={6} align="center">
        {senderLabel(message)}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(message.createdAt).format('HH:mm')}
        </Typography.Text>
      </Flex>
      <Content message={message} mine={mine} />
      <Flex gap={6}>
        {message.flagged && (
          <Tag color="orange" className="message-flagged" icon={<ExclamationCircleFilled />}>
            待审核
          </Tag>
        )}
        {message.delivery === 'failed' && (
          <Tag color="red" className="message-delivery-failed">
            发送失败
          </Tag>
        )}
        {receipt && message.delivery !== 'failed' && (
          <Typography.Text type="secondary" className={receipt === '已读' ? 'message-read' : 'message-unread'} style={{ fontSize: 12 }}>
            {receipt}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

/** A message on its way: sending…, or failed with why and a 重发 button (same clientId). */
export function PendingMessageItem({ pending, onResend }: { pending: PendingMessage; onResend: (clientId: string) => void }) {
  return (
    <Flex vertical align="flex-end" gap={4} className="chat-message chat-pending" data-client-id={pending.clientId} style={{ margin: '8px 0', opacity: 0.75 }}>
      <div className="chat-bubble" style={bubbleStyle(true)}>
        {pending.preview}
      </div>
      {pending.state === 'sending' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          发送中…
        </Typography.Text>
      ) : (
        <Flex gap={6} align="center">
          <Typography.Text type="danger" className="chat-pending-error" style={{ fontSize: 12 }}>
            发送失败：{pending.error}
          </Typography.Text>
          <Button size="small" type="link" className="chat-resend" onClick={() => onResend(pending.clientId)}>
            重发
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
