import { GiftOutlined } from '@ant-design/icons';
import type { RedemptionStatus, RedemptionView } from '@glow/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Input, Modal, Result, Row, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { cancelRedemption, listRedemptions, loyaltyTillKeys, pickUpRedemption, type RedemptionSearch } from '../../api/loyalty-till.service';
import { useCan } from '../../auth/permissions';
import { EMPTY, formatDateTime } from '../../shared/format';
import { memberName, REDEMPTION_STATUS_COLORS, REDEMPTION_STATUS_LABELS, REDEMPTION_STATUSES, REWARD_KIND_LABELS } from '../../shared/loyalty-till-labels';
import { TillStorePicker, useTillStore } from '../../shared/till-store-picker';
import { CouponRedeemBox } from './coupon-redeem.box';
import { cancelReasonProblem, normalizePickupCode, PICKUP_CODE_PATTERN, REASON_MAX } from './redemption-rules';

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];
const ALL = 'all';
type StatusFilter = RedemptionStatus | typeof ALL;
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: ALL, label: '全部' },
  ...REDEMPTION_STATUSES.map((status) => ({ value: status, label: REDEMPTION_STATUS_LABELS[status] })),
];

function positiveInt(raw: string | null, fallback: number, max: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

function describeRedemption(redemption: RedemptionView): string {
  return [
    redemption.member ? `${memberName(redemption.member)}（${redemption.member.memberNo}）` : memberName(null),
    `${redemption.points.toLocaleString('zh-CN')} 积分`,
    redemption.fulfilledStore ? `核销门店 ${redemption.fulfilledStore.name}` : null,
    redemption.fulfilledAt ? formatDateTime(redemption.fulfilledAt) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The counter's pickup: type or scan the member's 8-character code to hand the reward over. */
function PickupBox({ onFulfilled }: { onFulfilled: () => Promise<void> }) {
  const store = useTillStore();
  const [code, setCode] = useState('');
  const [formatProblem, setFormatProblem] = useState<string | null>(null);

  const pickup = useMutation({
    mutationFn: (typed: string) => pickUpRedemption({ code: typed, ...(store.requestStoreId ? { storeId: store.requestStoreId } : {}) }),
    onSuccess: async () => {
      setCode('');
      await onFulfilled();
    },
  });

  const submit = () => {
    const typed = normalizePickupCode(code);
    if (!PICKUP_CODE_PATTERN.test(typed)) {
      setFormatProblem('请输入 8 位提货码（字母或数字）');
      return;
    }
    if (!store.choice.fixed && !store.storeId) {
      setFormatProblem('请先选择核销门店');
      return;
    }
    setFormatProblem(null);
    pickup.mutate(typed);
  };

  const fulfilled = pickup.data;
  return (
    <Card id="pickup-box" size="small" title={<span><GiftOutlined /> 兑换核销</span>} style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          {!store.choice.fixed && <TillStorePicker id="pickup-store" till={store} />}
          <Input
            id="pickup-code-input"
            autoFocus
            autoComplete="off"
            maxLength={16}
            placeholder="输入或扫描 8 位提货码"
            status={formatProblem || pickup.isError ? 'error' : undefined}
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setFormatProblem(null);
            }}
            onPressEnter={submit}
            style={{ width: 260, fontSize: 18, letterSpacing: code ? 2 : undefined }}
          />
          <Button id="pickup-submit" type="primary" loading={pickup.isPending} onClick={submit}>
            核销
          </Button>
          <Typography.Text type="secondary">会员在小程序「我的兑换」中出示提货码</Typography.Text>
        </Flex>
        {formatProblem && <Alert id="pickup-error" type="warning" showIcon title={formatProblem} />}
        {!formatProblem && pickup.isError && <Alert id="pickup-error" type="error" showIcon title={pickup.error.message} />}
        {!formatProblem && fulfilled && !pickup.isPending && !pickup.isError && (
          <Alert
            id="pickup-result"
            type="success"
            showIcon
            title={`核销成功：${fulfilled.reward.name}（${REWARD_KIND_LABELS[fulfilled.reward.kind]}）`}
            description={describeRedemption(fulfilled)}
          />
        )}
      </Flex>
    </Card>
  );
}

function CancelModal({ redemption, onClose, onCancelled }: { redemption: RedemptionView; onClose: () => void; onCancelled: (updated: RedemptionView) => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = useMutation({
    mutationFn: (text: string) => cancelRedemption(redemption.id, { reason: text }),
    onSuccess: onCancelled,
  });

  const submit = () => {
    const text = reason.trim();
    const found = cancelReasonProblem(text);
    setProblem(found);
    if (!found) cancel.mutate(text);
  };

  return (
    <Modal
      open
      title={`取消兑换「${redemption.reward.name}」？`}
      okText="取消兑换"
      cancelText="返回"
      okButtonProps={{ id: 'redemption-cancel-submit', danger: true, loading: cancel.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Flex vertical gap={8}>
        <Typography.Text>{describeRedemption(redemption)}。取消后库存与兑换次数退回，积分退回到原来的批次（期间已过期的不再恢复）。</Typography.Text>
        <Input.TextArea
          id="redemption-cancel-reason"
          rows={2}
          maxLength={REASON_MAX}
          showCount
          placeholder="取消原因，如：顾客改选其他礼品"
          status={problem ? 'error' : undefined}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setProblem(null);
          }}
        />
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
        {cancel.isError && <Alert id="redemption-cancel-error" type="error" showIcon title={cancel.error.message} />}
      </Flex>
    </Modal>
  );
}

export function RedemptionPage() {
  const allowed = useCan('redemption:fulfil');
  // Gift and service coupons are used in store like a purchase: whoever records purchases redeems them.
  const canUseCoupons = useCan('order:record');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = REDEMPTION_STATUSES.find((candidate) => candidate === params.get('status')) ?? null;
  const memberId = params.get('memberId');
  const page = positiveInt(params.get('page'), 1, 10000);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100);
  const [cancelling, setCancelling] = useState<RedemptionView | null>(null);

  const update = (next: { status?: RedemptionStatus | null; memberId?: string | null; page?: number; pageSize?: number }) => {
    const merged = { status, memberId, page, pageSize, ...next };
    const result = new URLSearchParams();
    if (merged.status) result.set('status', merged.status);
    if (merged.memberId) result.set('memberId', merged.memberId);
    if (merged.page !== 1) result.set('page', String(merged.page));
    if (merged.pageSize !== DEFAULT_PAGE_SIZE) result.set('pageSize', String(merged.pageSize));
    setParams(result);
  };

  const search: RedemptionSearch = { status: status ?? undefined, memberId: memberId ?? undefined, page, pageSize };
  const { data, error, isFetching } = useQuery({
    queryKey: loyaltyTillKeys.redemptionList(search),
    queryFn: ({ signal }) => listRedemptions(search, signal),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: loyaltyTillKeys.redemptions });

  if (!allowed) return <Result status="403" title="没有权限核销兑换" subTitle="兑换核销仅对导购、店长与管理员开放" />;

  const cancelled = async (updated: RedemptionView) => {
    setCancelling(null);
    message.success(`已取消兑换「${updated.reward.name}」，积分已退回`);
    await Promise.all([
      refresh(),
      updated.member ? queryClient.invalidateQueries({ queryKey: loyaltyTillKeys.memberPoints(updated.member.id) }) : Promise.resolve(),
    ]);
  };

  const columns: TableColumnsType<RedemptionView> = [
    { title: '兑换时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: '奖励',
      key: 'reward',
      render: (_, redemption) => (
        <Flex gap={8} align="center">
          <span>{redemption.reward.name}</span>
          <Tag>{REWARD_KIND_LABELS[redemption.reward.kind]}</Tag>
        </Flex>
      ),
    },
    {
      title: '会员',
      key: 'member',
      render: (_, redemption) =>
        redemption.member ? (
          <Flex vertical>
            <Link to={`/members/${redemption.member.id}`}>{memberName(redemption.member)}</Link>
            <Typography.Text type="secondary">{redemption.member.memberNo}</Typography.Text>
          </Flex>
        ) : (
          memberName(null)
        ),
    },
    { title: '积分', dataIndex: 'points', key: 'points', width: 90, align: 'right', render: (points: number) => points.toLocaleString('zh-CN') },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (value: RedemptionStatus) => <Tag color={REDEMPTION_STATUS_COLORS[value]}>{REDEMPTION_STATUS_LABELS[value]}</Tag>,
    },
    {
      title: '领取/取消',
      key: 'settled',
      render: (_, redemption) =>
        redemption.fulfilledAt
          ? `${formatDateTime(redemption.fulfilledAt)}${redemption.fulfilledStore ? ` · ${redemption.fulfilledStore.name}` : ''}`
          : redemption.cancelledAt
            ? formatDateTime(redemption.cancelledAt)
            : EMPTY,
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, redemption) =>
        redemption.status === 'issued' ? (
          <Button type="link" size="small" danger className="redemption-cancel" onClick={() => setCancelling(redemption)}>
            取消
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16} id="redemption-page">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={canUseCoupons ? 12 : 24}>
          <PickupBox onFulfilled={refresh} />
        </Col>
        {canUseCoupons && (
          <Col xs={24} xl={12}>
            <CouponRedeemBox />
          </Col>
        )}
      </Row>
      <Card title="兑换记录">
        <Flex vertical gap={16}>
          <Flex gap={12} wrap align="center">
            <Segmented<StatusFilter>
              id="redemption-status-filter"
              options={STATUS_OPTIONS}
              value={status ?? ALL}
              onChange={(value) => update({ status: value === ALL ? null : value, page: 1 })}
            />
            {memberId && (
              <Tag closable onClose={() => update({ memberId: null, page: 1 })}>
                仅看该会员的兑换
              </Tag>
            )}
          </Flex>
          {error && <Alert id="redemption-error" type="error" showIcon title={error.message} />}
          <Table<RedemptionView>
            id="redemption-table"
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isFetching}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条兑换`,
            }}
            onChange={(pagination) => {
              const nextSize = pagination.pageSize ?? pageSize;
              update({ page: nextSize === pageSize ? (pagination.current ?? 1) : 1, pageSize: nextSize });
            }}
            scroll={{ x: 960 }}
          />
        </Flex>
      </Card>
      {cancelling && <CancelModal key={cancelling.id} redemption={cancelling} onClose={() => setCancelling(null)} onCancelled={(updated) => void cancelled(updated)} />}
    </Flex>
  );
}
