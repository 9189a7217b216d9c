import { CalendarOutlined, GiftOutlined, PlusOutlined, ShoppingOutlined, UserOutlined } from '@ant-design/icons';
import type { BookingView, ChatMessageView, ConversationView, Customer360View } from '@glow/contracts';
import { CONVERSATION_STATUS_LABELS, TICKET_STATUS_LABELS } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Card, Divider, Empty, Flex, Input, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { getCustomer360, serviceKeys } from '../../api/service.service';
import { addMemberTag, tagKeys } from '../../api/tag.service';
import { formatCount, formatDate, formatDateTime, formatYuan, orEmpty } from '../../shared/format';
import { BOOKING_STATUS_LABELS } from '../../shared/labels';
import { tagLabelProblem } from '../members/member-tags.card';
import { BookForMemberModal } from './book-for-member.modal';
import { CouponModal, ProductCardModal } from './chat-pickers';
import type { ComposerSend } from './chat-composer';
import { CHANNEL_SHORT_LABELS, TICKET_STATUS_COLORS } from './service-labels';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Flex vertical gap={6} id={id} className="c360-section">
      <Typography.Text strong>{title}</Typography.Text>
      {children}
    </Flex>
  );
}

const none = (text: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {text}
  </Typography.Text>
);

const bookingStatus = (status: string) => BOOKING_STATUS_LABELS[status as keyof typeof BOOKING_STATUS_LABELS] ?? status;

function Profile({ view }: { view: Customer360View }) {
  const { member, tier, points, skin } = view;
  return (
    <>
      <Flex gap={12} align="center">
        <Avatar size={48} src={member.avatarUrl ?? undefined} icon={<UserOutlined />} />
        <Flex vertical style={{ minWidth: 0 }}>
          <Space size={6}>
            <Typography.Text strong id="c360-name">
              {member.name ?? member.memberNo}
            </Typography.Text>
            {tier && <Tag color="gold">{tier.name}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {member.memberNo} · {orEmpty(member.phoneMasked)}
          </Typography.Text>
          <Link to={`/members/${member.id}`} id="c360-member-link" style={{ fontSize: 12 }}>
            查看会员详情
          </Link>
        </Flex>
      </Flex>
      {tier && (
        <Section title="会员等级" id="c360-tier">
          <Progress percent={tier.progressPercent} size="small" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tier.toNextLabel ?? (tier.nextName ? `距 ${tier.nextName}` : '已是最高等级')}
          </Typography.Text>
        </Section>
      )}
      <Section title="积分" id="c360-points">
        <Typography.Text>
          可用 <Typography.Text strong>{formatCount(points.balance)}</Typography.Text>
        </Typography.Text>
        {points.expiringSoon > 0 && (
          <Typography.Text type="warning" id="c360-points-expiring" style={{ fontSize: 12 }}>
            {formatCount(points.expiringSoon)} 积分将于 {orEmpty(points.expiringOn)} 过期
          </Typography.Text>
        )}
      </Section>
      <Section title="肤质档案" id="c360-skin">
        {skin ? (
          <>
            <Typography.Text>{orEmpty(skin.skinType)}</Typography.Text>
            <Flex wrap gap={4}>
              {skin.concerns.map((concern) => (
                <Tag key={concern}>{concern}</Tag>
              ))}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              测试于 {formatDate(skin.testedAt)}
            </Typography.Text>
          </>
        ) : (
          none('尚未做过肤质测试')
        )}
      </Section>
    </>
  );
}

function TagEditor({ memberId, tags, editable }: { memberId: string; tags: Customer360View['tags']; editable: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (value: string) => addMemberTag(memberId, value),
    onSuccess: async (next, value) => {
      setLabel('');
      message.success(`已添加标签「${value}」`);
      queryClient.setQueryData<Customer360View>(serviceKeys.customer360(memberId), (view) => (view ? { ...view, tags: next.map((tag) => ({ id: tag.tagId, name: tag.label })) } : view));
      await queryClient.invalidateQueries({ queryKey: tagKeys.all });
    },
    onError: (error) => message.error(error.message),
  });
  const submit = () => {
    const value = label.trim();
    const found = tagLabelProblem(value);
    setProblem(found);
    if (!found) add.mutate(value);
  };
  return (
    <Section title="标签" id="c360-tags">
      <Flex wrap gap={4}>
        {tags.length === 0 && none('暂无标签')}
        {tags.map((tag) => (
          <Tag key={tag.id} color="magenta" className="c360-tag">
            {tag.name}
          </Tag>
        ))}
      </Flex>
      {editable && (
        <>
          <Space.Compact>
            <Input
              id="c360-tag-input"
              size="small"
              placeholder="添加标签"
              maxLength={12}
              value={label}
              status={problem ? 'error' : undefined}
              onChange={(event) => {
                setLabel(event.target.value);
                setProblem(null);
              }}
              onPressEnter={submit}
            />
            <Button id="c360-tag-add" size="small" icon={<PlusOutlined />} loading={add.isPending} onClick={submit}>
              添加标签
            </Button>
          </Space.Compact>
          {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
        </>
      )}
    </Section>
  );
}

function History({ view }: { view: Customer360View }) {
  return (
    <>
      <Section title="可用优惠券" id="c360-coupons">
        {view.coupons.length === 0 && none('没有可用优惠券')}
        {view.coupons.map((coupon) => (
          <Flex key={coupon.id} vertical className="c360-coupon">
            <Typography.Text>{coupon.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {coupon.summary} · 至 {formatDate(coupon.validUntil)}
            </Typography.Text>
          </Flex>
        ))}
      </Section>
      <Section title="预约" id="c360-bookings">
        {view.bookings.upcoming.length + view.bookings.past.length === 0 && none('没有预约')}
        {[...view.bookings.upcoming.map((b) => ({ ...b, upcoming: true })), ...view.bookings.past.map((b) => ({ ...b, upcoming: false }))].map((booking) => (
          <Flex key={booking.id} justify="space-between" className={booking.upcoming ? 'c360-booking-upcoming' : 'c360-booking-past'}>
            <Typography.Text style={{ fontSize: 12 }}>
              {formatDateTime(booking.startsAt)} {booking.serviceName}
            </Typography.Text>
            <Tag color={booking.upcoming ? 'blue' : 'default'}>{bookingStatus(booking.status)}</Tag>
          </Flex>
        ))}
      </Section>
      <Section title="最近订单" id="c360-orders">
        {view.orders.length === 0 && none('没有订单')}
        {view.orders.map((order) => (
          <Flex key={order.id} vertical className="c360-order">
            <Flex justify="space-between">
              <Typography.Text style={{ fontSize: 12 }}>{formatDate(order.paidAt)}</Typography.Text>
              <Typography.Text style={{ fontSize: 12 }}>{formatYuan(order.paidFen)}</Typography.Text>
            </Flex>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {order.items}
            </Typography.Text>
          </Flex>
        ))}
      </Section>
      <Section title="复购提醒" id="c360-repurchase">
        {view.repurchaseDue.length === 0 && none('暂无复购提醒')}
        {view.repurchaseDue.map((due) => (
          <Flex key={due.productId} justify="space-between" className={due.overdue ? 'c360-repurchase-overdue' : 'c360-repurchase'}>
            <Typography.Text type={due.overdue ? 'danger' : undefined} style={{ fontSize: 12 }}>
              {due.productName}
            </Typography.Text>
            <Typography.Text type={due.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {due.overdue ? `已过期 · ${due.dueOn}` : due.dueOn}
            </Typography.Text>
          </Flex>
        ))}
      </Section>
      <Section title="历史会话" id="c360-conversations">
        {view.conversations.length === 0 && none('没有历史会话')}
        {view.conversations.map((item) => (
          <Flex key={item.id} vertical className="c360-conversation">
            <Flex gap={4}>
              <Typography.Text style={{ fontSize: 12 }}>{formatDate(item.createdAt)}</Typography.Text>
              <Tag>{CHANNEL_SHORT_LABELS[item.channel]}</Tag>
              <Tag>{CONVERSATION_STATUS_LABELS[item.status]}</Tag>
            </Flex>
            {item.lastPreview && (
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {item.lastPreview}
              </Typography.Text>
            )}
          </Flex>
        ))}
      </Section>
      <Section title="工单" id="c360-tickets">
        {view.tickets.length === 0 && none('没有工单')}
        {view.tickets.map((ticket) => (
          <Flex key={ticket.id} justify="space-between" align="center" className="c360-ticket" data-ticket-id={ticket.id}>
            <Link to={`/service/tickets/${ticket.id}`} style={{ fontSize: 12 }}>
              {ticket.ticketNo} {ticket.title}
            </Link>
            <Tag color={TICKET_STATUS_COLORS[ticket.status]}>{TICKET_STATUS_LABELS[ticket.status]}</Tag>
          </Flex>
        ))}
      </Section>
    </>
  );
}

type Action = 'product' | 'coupon' | 'booking' | null;

export interface Customer360PanelProps {
  memberId: string;
  conversation: ConversationView;
  /** Whether the advisor may write into the conversation now (theirs, and the WeChat window open). */
  canWrite: boolean;
  canCompensate: boolean;
  canTag: boolean;
  canBook: boolean;
  onSend: ComposerSend;
  onCompensated: (message: ChatMessageView) => void;
}

/** Everything about the member beside the conversation, with the quick actions an advisor takes from it. */
export function Customer360Panel({ memberId, conversation, canWrite, canCompensate, canTag, canBook, onSend, onCompensated }: Customer360PanelProps) {
  const [action, setAction] = useState<Action>(null);
  // An audited read: once per member while the workbench is open, not on every focus.
  const { data: view, error, isPending } = useQuery({ queryKey: serviceKeys.customer360(memberId), queryFn: ({ signal }) => getCustomer360(memberId, signal), staleTime: 5 * 60_000 });
  const app = conversation.channel === 'app';

  const onBooked = (booking: BookingView, sendCard: boolean) => {
    if (sendCard && canWrite) onSend({ type: 'booking', bookingId: booking.id }, `[预约] ${booking.service.name}`);
  };

  return (
    <Card id="customer-360" size="small" title="客户 360" styles={{ body: { overflowY: 'auto', maxHeight: 'calc(100vh - 220px)' } }}>
      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending && !error && <Spin />}
      {view && (
        <Flex vertical gap={12}>
          <Profile view={view} />
          <Flex wrap gap={6} id="c360-actions">
            <Button id="c360-send-product" size="small" icon={<ShoppingOutlined />} disabled={!canWrite} onClick={() => setAction('product')}>
              发送商品卡片
            </Button>
            {canCompensate && (
              <Button id="c360-compensate" size="small" icon={<GiftOutlined />} onClick={() => setAction('coupon')}>
                发放补偿券
              </Button>
            )}
            {canBook && (
              <Button id="c360-book" size="small" icon={<CalendarOutlined />} onClick={() => setAction('booking')}>
                代客预约
              </Button>
            )}
          </Flex>
          <TagEditor memberId={memberId} tags={view.tags} editable={canTag} />
          <Divider style={{ margin: 0 }} />
          <History view={view} />
        </Flex>
      )}
      {!view && !isPending && !error && <Empty description="没有会员信息" />}
      {action === 'product' && (
        <ProductCardModal
          onClose={() => setAction(null)}
          onPick={(product) => {
            onSend({ type: 'product', productId: product.id }, `[商品] ${product.name}`);
            setAction(null);
          }}
        />
      )}
      {action === 'coupon' && (
        <CouponModal
          conversationId={conversation.id}
          canSendCard={false}
          canCompensate={canCompensate}
          onCompensated={onCompensated}
          onSendCard={() => undefined}
          onClose={() => setAction(null)}
        />
      )}
      {action === 'booking' && (
        <BookForMemberModal
          memberId={memberId}
          defaultStoreId={conversation.storeId}
          canSendCard={app && canWrite}
          onBooked={onBooked}
          onClose={() => setAction(null)}
        />
      )}
    </Card>
  );
}
