import type { OrderRefundView, OrderStatus, OrderView } from '@glow/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { loyaltyTillKeys } from '../../api/loyalty-till.service';
import { listOrders, orderKeys, type OrderSearch } from '../../api/order.service';
import { listStores, storeKeys } from '../../api/store.service';
import { storeScopeOf, useCan } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { EMPTY, formatDateTime, formatYuan, orEmpty } from '../../shared/format';
import { useIdempotencyKeys } from '../../shared/idempotency-key';
import { memberName, ORDER_CHANNEL_LABELS, ORDER_STATUS_COLORS, ORDER_STATUS_LABELS, ORDER_STATUSES } from '../../shared/loyalty-till-labels';
import { OrderDrawer } from './order-drawer';
import { latestRefund } from './refund-form';
import { RefundModal } from './refund.modal';

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];
/** The API accepts a query of 1 to 32 characters (an order or receipt number). */
const MAX_QUERY_LENGTH = 32;
const STATUS_OPTIONS = ORDER_STATUSES.map((status) => ({ value: status, label: ORDER_STATUS_LABELS[status] }));

function positiveInt(raw: string | null, fallback: number, max: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

interface ListParams {
  q: string;
  status: OrderStatus | null;
  storeId: string | null;
  memberId: string | null;
  page: number;
  pageSize: number;
}

/** The refund shown in the drawer after it was recorded. */
interface RecordedRefund {
  orderId: string;
  refund: OrderRefundView;
}

export function OrderListPage() {
  const canRecord = useCan('order:record');
  const session = useSession();
  const scoped = storeScopeOf(session?.staff) !== null;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [params, setParams] = useSearchParams();
  const current: ListParams = {
    q: params.get('q') ?? '',
    status: ORDER_STATUSES.find((status) => status === params.get('status')) ?? null,
    storeId: scoped ? null : params.get('storeId'),
    memberId: params.get('memberId'),
    page: positiveInt(params.get('page'), 1, 10000),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
  };
  const { q, status, storeId, memberId, page, pageSize } = current;

  // The box follows the URL when it changes from outside (back/forward), and is free to edit otherwise.
  const [draft, setDraft] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setDraft(q);
  }
  const [selected, setSelected] = useState<OrderView | null>(null);
  const [refunding, setRefunding] = useState<OrderView | null>(null);
  const [recorded, setRecorded] = useState<RecordedRefund | null>(null);

  const update = (next: Partial<ListParams>) => {
    const merged = { ...current, ...next };
    const result = new URLSearchParams();
    if (merged.q) result.set('q', merged.q);
    if (merged.status) result.set('status', merged.status);
    if (merged.storeId) result.set('storeId', merged.storeId);
    if (merged.memberId) result.set('memberId', merged.memberId);
    if (merged.page !== 1) result.set('page', String(merged.page));
    if (merged.pageSize !== DEFAULT_PAGE_SIZE) result.set('pageSize', String(merged.pageSize));
    setParams(result);
  };

  const { data: stores } = useQuery({ queryKey: storeKeys.all, queryFn: ({ signal }) => listStores(signal), enabled: !scoped });
  const search: OrderSearch = {
    q: q || undefined,
    status: status ?? undefined,
    storeId: storeId ?? undefined,
    memberId: memberId ?? undefined,
    page,
    pageSize,
  };
  const { data, error, isFetching } = useQuery({
    queryKey: orderKeys.list(search),
    queryFn: ({ signal }) => listOrders(search, signal),
    placeholderData: keepPreviousData,
  });

  const open = (order: OrderView) => {
    setSelected(order);
    setRecorded((shown) => (shown?.orderId === order.id ? shown : null));
  };

  const refunded = async (order: OrderView) => {
    const refund = latestRefund(order);
    setRefunding(null);
    setSelected(order);
    if (refund) {
      setRecorded({ orderId: order.id, refund });
      message.success(`已退款 ${formatYuan(refund.amountFen)}`);
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: orderKeys.lists }),
      queryClient.invalidateQueries({ queryKey: loyaltyTillKeys.memberPoints(order.member.id) }),
    ]);
  };

  const columns: TableColumnsType<OrderView> = [
    { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 180 },
    { title: '时间', key: 'time', width: 150, render: (_, order) => formatDateTime(order.paidAt ?? order.createdAt) },
    { title: '门店', key: 'store', render: (_, order) => orEmpty(order.store?.name) },
    {
      title: '会员',
      key: 'member',
      render: (_, order) => (
        <Flex vertical>
          <Link to={`/members/${order.member.id}`} onClick={(event) => event.stopPropagation()}>
            {memberName(order.member)}
          </Link>
          <Typography.Text type="secondary">{order.member.memberNo}</Typography.Text>
        </Flex>
      ),
    },
    { title: '渠道', dataIndex: 'channel', key: 'channel', width: 70, render: (channel: OrderView['channel']) => ORDER_CHANNEL_LABELS[channel] },
    { title: '金额', dataIndex: 'totalFen', key: 'total', width: 120, align: 'right', render: (fen: number) => formatYuan(fen) },
    { title: '已退款', dataIndex: 'refundedFen', key: 'refunded', width: 120, align: 'right', render: (fen: number) => (fen > 0 ? formatYuan(fen) : EMPTY) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (value: OrderStatus) => <Tag color={ORDER_STATUS_COLORS[value]}>{ORDER_STATUS_LABELS[value]}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, order) => (
        <Button
          type="link"
          size="small"
          className="order-view"
          onClick={(event) => {
            event.stopPropagation();
            open(order);
          }}
        >
          查看
        </Button>
      ),
    },
  ];

  return (
    <Card title="订单">
      <Flex vertical gap={16}>
        <Flex gap={12} wrap>
          <Input.Search
            id="order-search"
            allowClear
            enterButton="搜索"
            maxLength={MAX_QUERY_LENGTH}
            placeholder="订单号或小票号"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onSearch={(value) => update({ q: value.trim(), page: 1 })}
            style={{ maxWidth: 320 }}
          />
          <Select<OrderStatus>
            id="order-status-filter"
            allowClear
            placeholder="全部状态"
            options={STATUS_OPTIONS}
            value={status ?? undefined}
            onChange={(value) => update({ status: value ?? null, page: 1 })}
            style={{ width: 140 }}
          />
          {!scoped && (
            <Select<string>
              id="order-store-filter"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部门店"
              options={(stores ?? []).map((store) => ({ value: store.id, label: `${store.name}（${store.city}）` }))}
              // Until the stores arrive, a store id from the URL would show as a raw id.
              value={storeId && stores ? storeId : undefined}
              onChange={(value) => update({ storeId: value ?? null, page: 1 })}
              style={{ width: 220 }}
            />
          )}
          {memberId && (
            <Tag id="order-member-filter" closable onClose={() => update({ memberId: null, page: 1 })} style={{ alignSelf: 'center' }}>
              仅看该会员的订单
            </Tag>
          )}
        </Flex>
        {error && <Alert id="order-error" type="error" showIcon title={error.message} />}
        <Table<OrderView>
          id="order-table"
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          onRow={(order) => ({ onClick: () => open(order), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 笔订单`,
          }}
          onChange={(pagination) => {
            const nextSize = pagination.pageSize ?? pageSize;
            update({ page: nextSize === pageSize ? (pagination.current ?? 1) : 1, pageSize: nextSize });
          }}
          scroll={{ x: 1100 }}
        />
      </Flex>
      <OrderDrawer
        order={selected}
        canRecord={canRecord}
        lastRefund={recorded && selected && recorded.orderId === selected.id ? recorded.refund : null}
        onRefund={setRefunding}
        onClose={() => setSelected(null)}
      />
      {refunding && (
        <RefundModal key={refunding.id} order={refunding} open keys={keys} onClose={() => setRefunding(null)} onRefunded={(order) => void refunded(order)} />
      )}
    </Card>
  );
}
