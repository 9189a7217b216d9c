import { RollbackOutlined } from '@ant-design/icons';
import type { OrderItemView, OrderRefundView, OrderView } from '@glow/contracts';
import { Alert, Button, Descriptions, Drawer, Flex, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { orderCouponText } from '../../shared/coupon-labels';
import { EMPTY, formatDateTime, formatYuan, orEmpty } from '../../shared/format';
import {
  memberName,
  ORDER_CHANNEL_LABELS,
  ORDER_STATUS_COLORS,
  ORDER_STATUS_LABELS,
  POINTS_LOT_STATUS_COLORS,
  POINTS_LOT_STATUS_LABELS,
} from '../../shared/loyalty-till-labels';
import { canRefund, describeRefundPoints } from './refund-form';

export interface OrderDrawerProps {
  order: OrderView | null;
  canRecord: boolean;
  /** The refund just recorded on the shown order, to tell the member what happened to their points. */
  lastRefund: OrderRefundView | null;
  onRefund: (order: OrderView) => void;
  onClose: () => void;
}

const itemColumns: TableColumnsType<OrderItemView> = [
  {
    title: '商品',
    key: 'name',
    render: (_, item) => (
      <Flex vertical>
        <span>{item.name}</span>
        <Typography.Text type="secondary">{item.sku}</Typography.Text>
      </Flex>
    ),
  },
  { title: '单价', dataIndex: 'unitPriceFen', key: 'price', align: 'right', render: (fen: number) => formatYuan(fen) },
  { title: '数量', dataIndex: 'quantity', key: 'quantity', align: 'right' },
  { title: '实付', dataIndex: 'paidFen', key: 'paid', align: 'right', render: (fen: number) => formatYuan(fen) },
  { title: '已退', dataIndex: 'refundedQuantity', key: 'refunded', align: 'right', render: (quantity: number) => (quantity > 0 ? quantity : EMPTY) },
];

function refundColumns(order: OrderView): TableColumnsType<OrderRefundView> {
  const names = new Map(order.items.map((item) => [item.id, item.name]));
  return [
    { title: '时间', dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => formatDateTime(at) },
    { title: '金额', dataIndex: 'amountFen', key: 'amount', align: 'right', render: (fen: number) => formatYuan(fen) },
    {
      title: '商品',
      key: 'items',
      render: (_, refund) =>
        refund.items.length > 0 ? refund.items.map((item) => `${names.get(item.itemId) ?? '商品'} ×${item.quantity}`).join('、') : '按金额/整单',
    },
    { title: '原因', dataIndex: 'reason', key: 'reason' },
    { title: '积分', key: 'points', render: (_, refund) => describeRefundPoints(refund.points) },
  ];
}

function summaryItems(order: OrderView): DescriptionsProps['items'] {
  const points = order.points;
  return [
    { key: 'status', label: '状态', children: <Tag color={ORDER_STATUS_COLORS[order.status]}>{ORDER_STATUS_LABELS[order.status]}</Tag> },
    { key: 'channel', label: '渠道', children: ORDER_CHANNEL_LABELS[order.channel] },
    {
      key: 'member',
      label: '会员',
      children: (
        <Flex vertical>
          <Link to={`/members/${order.member.id}`}>{memberName(order.member)}</Link>
          <Typography.Text type="secondary">会员号 {order.member.memberNo}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'store', label: '门店', children: orEmpty(order.store?.name) },
    { key: 'advisor', label: '录入导购', children: orEmpty(order.advisor?.name) },
    { key: 'receiptNo', label: '小票号', children: orEmpty(order.receiptNo) },
    { key: 'subtotal', label: '商品金额', children: formatYuan(order.subtotalFen) },
    { key: 'discount', label: '优惠', children: order.discountFen > 0 ? `-${formatYuan(order.discountFen)}` : EMPTY },
    ...(order.coupons.length > 0
      ? [
          {
            key: 'coupons',
            label: '优惠券',
            children: (
              <Flex vertical id="order-coupons">
                {order.coupons.map((coupon) => (
                  <span key={coupon.id}>{orderCouponText(coupon)}</span>
                ))}
              </Flex>
            ),
          },
        ]
      : []),
    { key: 'total', label: '实付', children: formatYuan(order.totalFen) },
    { key: 'refunded', label: '已退款', children: order.refundedFen > 0 ? formatYuan(order.refundedFen) : EMPTY },
    {
      key: 'points',
      label: '积分',
      children: (
        <span id="order-points">
          {points.earned.toLocaleString('zh-CN')} 分
          {points.status && (
            <Tag color={POINTS_LOT_STATUS_COLORS[points.status]} style={{ marginInlineStart: 8 }}>
              {POINTS_LOT_STATUS_LABELS[points.status]}
            </Tag>
          )}
          {points.status === 'pending' && points.activatesAt && <Typography.Text type="secondary">{formatDateTime(points.activatesAt)} 生效</Typography.Text>}
        </span>
      ),
    },
    { key: 'paidAt', label: '支付时间', children: formatDateTime(order.paidAt ?? order.createdAt) },
  ];
}

/** One order: what was bought, refunds so far and the points, with the refund action for store staff. */
export function OrderDrawer({ order, canRecord, lastRefund, onRefund, onClose }: OrderDrawerProps) {
  return (
    <Drawer id="order-drawer" open={order !== null} onClose={onClose} size={640} destroyOnHidden title={order ? `订单 ${order.orderNo}` : '订单详情'}>
      {order && (
        <Flex vertical gap={16}>
          {lastRefund && (
            <Alert
              id="refund-result"
              type="success"
              showIcon
              title={`已退款 ${formatYuan(lastRefund.amountFen)}`}
              description={`积分：${describeRefundPoints(lastRefund.points)}`}
            />
          )}
          <Descriptions bordered size="small" column={1} items={summaryItems(order)} />
          {canRecord && canRefund(order) && (
            <Flex>
              <Button id="order-refund" danger icon={<RollbackOutlined />} onClick={() => onRefund(order)}>
                退款
              </Button>
            </Flex>
          )}
          {order.items.length > 0 && (
            <div>
              <Typography.Title level={5}>商品明细</Typography.Title>
              <Table<OrderItemView> id="order-items" rowKey="id" size="small" columns={itemColumns} dataSource={order.items} pagination={false} />
            </div>
          )}
          <div>
            <Typography.Title level={5}>退款记录</Typography.Title>
            {order.refunds.length === 0 ? (
              <Typography.Text type="secondary">暂无退款</Typography.Text>
            ) : (
              <Table<OrderRefundView> id="order-refunds" rowKey="id" size="small" columns={refundColumns(order)} dataSource={order.refunds} pagination={false} />
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
