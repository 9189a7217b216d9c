import { PlusOutlined } from '@ant-design/icons';
import type { CouponTemplateView } from '@glow/contracts';
import { COUPON_KIND_LABELS, COUPON_TEMPLATE_STATUSES, COUPON_TEMPLATE_STATUS_LABELS, type CouponTemplateStatus } from '@glow/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Progress, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router-dom';
import { couponKeys, listCouponTemplates, setCouponTemplateStatus, type CouponTemplateSearch } from '../../api/coupon.service';
import { useCan } from '../../auth/permissions';
import { COUPON_KIND_COLORS, COUPON_TEMPLATE_STATUS_COLORS } from '../../shared/coupon-labels';
import { CouponTemplateDrawer } from './coupon-template.drawer';
import {
  ACTION_TARGETS,
  isStatusAction,
  redemptionPercent,
  statusActionConfirmation,
  TEMPLATE_ACTION_LABELS,
  templateActions,
  validityLines,
  type StatusAction,
} from './template-actions';

/** The counters are live (claims, redemptions at the tills): the list is read again this often while it is open. */
export const COUNTERS_REFRESH_MS = 10_000;

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];
const ALL = 'all';
type StatusFilter = CouponTemplateStatus | typeof ALL;
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: ALL, label: '全部' },
  ...COUPON_TEMPLATE_STATUSES.map((status) => ({ value: status, label: COUPON_TEMPLATE_STATUS_LABELS[status] })),
];
const STATUS_DONE_MESSAGES: Record<StatusAction, string> = { publish: '已发布', pause: '已暂停', resume: '已恢复', end: '已结束' };

/** An open drawer: a template to edit or view, or `null` for a new one. */
type DrawerState = { template: CouponTemplateView | null } | null;

function positiveInt(raw: string | null, fallback: number, max: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

const count = (value: number) => value.toLocaleString('zh-CN');

/** Coupon templates: what each one gives, whether it is live, how many were issued, claimed and used, as it happens. */
export function CouponTemplatesPage() {
  const canConfigure = useCan('coupon:configure');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = COUPON_TEMPLATE_STATUSES.find((candidate) => candidate === params.get('status')) ?? null;
  const q = params.get('q') ?? '';
  const page = positiveInt(params.get('page'), 1, 10_000);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100);
  const [typed, setTyped] = useState(q);
  const [drawer, setDrawer] = useState<DrawerState>(null);

  const update = (next: { status?: CouponTemplateStatus | null; q?: string; page?: number; pageSize?: number }) => {
    const merged = { status, q, page, pageSize, ...next };
    const result = new URLSearchParams();
    if (merged.status) result.set('status', merged.status);
    if (merged.q) result.set('q', merged.q);
    if (merged.page !== 1) result.set('page', String(merged.page));
    if (merged.pageSize !== DEFAULT_PAGE_SIZE) result.set('pageSize', String(merged.pageSize));
    setParams(result);
  };

  const search: CouponTemplateSearch = { status: status ?? undefined, q: q || undefined, page, pageSize };
  const { data, error, isPending, isPlaceholderData } = useQuery({
    queryKey: couponKeys.templateList(search),
    queryFn: ({ signal }) => listCouponTemplates(search, signal),
    placeholderData: keepPreviousData,
    refetchInterval: COUNTERS_REFRESH_MS,
  });

  const changeStatus = useMutation({
    mutationFn: ({ template, action }: { template: CouponTemplateView; action: StatusAction }) => setCouponTemplateStatus(template.id, ACTION_TARGETS[action]),
    onSuccess: async (saved, { action }) => {
      message.success(`${STATUS_DONE_MESSAGES[action]} ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: couponKeys.templates });
    },
    onError: (failure) => message.error(failure.message),
  });

  const act = (template: CouponTemplateView, action: StatusAction) => {
    const confirmation = statusActionConfirmation(action, template);
    if (!confirmation) {
      changeStatus.mutate({ template, action });
      return;
    }
    modal.confirm({
      ...confirmation,
      okText: TEMPLATE_ACTION_LABELS[action],
      okButtonProps: { danger: action === 'end', id: `coupon-confirm-${action}` },
      cancelText: '返回',
      // A failure is reported by the mutation's own message; the dialog closes either way.
      onOk: () => changeStatus.mutateAsync({ template, action }).catch(() => undefined),
    });
  };

  const columns: TableColumnsType<CouponTemplateView> = [
    {
      title: '优惠券',
      key: 'name',
      fixed: 'left',
      width: 200,
      render: (_, template) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <span className="coupon-template-name">{template.name}</span>
          <Typography.Text type="secondary" className="coupon-template-code">
            {template.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 90,
      render: (kind: CouponTemplateView['kind']) => <Tag color={COUPON_KIND_COLORS[kind]}>{COUPON_KIND_LABELS[kind]}</Tag>,
    },
    {
      title: '券面',
      key: 'face',
      width: 170,
      render: (_, template) => (
        <Flex vertical className="coupon-template-face">
          <Typography.Text strong style={{ color: '#b0456b', fontSize: 16 }}>
            {template.face.headline}
          </Typography.Text>
          <Typography.Text type="secondary">{template.face.condition}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (value: CouponTemplateStatus) => (
        <Tag className="coupon-template-status" color={COUPON_TEMPLATE_STATUS_COLORS[value]}>
          {COUPON_TEMPLATE_STATUS_LABELS[value]}
        </Tag>
      ),
    },
    {
      title: '有效期',
      key: 'validity',
      width: 220,
      render: (_, template) => (
        <Flex vertical>
          {validityLines(template).map((line, index) => (
            <Typography.Text key={line} type={index === 0 ? undefined : 'secondary'}>
              {line}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      title: '库存（剩余/总量）',
      key: 'stock',
      width: 140,
      render: (_, template) => (
        <Flex vertical gap={0} className="coupon-template-stock">
          <span>{template.totalStock === null ? '不限量' : `${count(template.counters.remaining ?? 0)} / ${count(template.totalStock)}`}</span>
          <Typography.Text type="secondary">{template.claimable ? '领券中心可领' : '仅发放'}</Typography.Text>
        </Flex>
      ),
    },
    { title: '已发放', key: 'issued', width: 80, align: 'right', render: (_, template) => <span className="counter-issued">{count(template.counters.issued)}</span> },
    { title: '已领取', key: 'claimed', width: 80, align: 'right', render: (_, template) => <span className="counter-claimed">{count(template.counters.claimed)}</span> },
    { title: '已核销', key: 'redeemed', width: 80, align: 'right', render: (_, template) => <span className="counter-redeemed">{count(template.counters.redeemed)}</span> },
    { title: '已过期', key: 'expired', width: 80, align: 'right', render: (_, template) => <span className="counter-expired">{count(template.counters.expired)}</span> },
    {
      title: '核销率',
      key: 'rate',
      width: 130,
      render: (_, template) => (
        <Progress className="coupon-redemption-rate" percent={redemptionPercent(template.counters)} size="small" format={(percent) => `${percent ?? 0}%`} />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      fixed: 'right',
      render: (_, template) => (
        <Flex gap={0} wrap>
          {templateActions(template.status, canConfigure).map((action) => (
            <Button
              key={action}
              type="link"
              size="small"
              danger={action === 'end'}
              data-action={action}
              loading={changeStatus.isPending && changeStatus.variables?.template.id === template.id && changeStatus.variables.action === action}
              onClick={() => (isStatusAction(action) ? act(template, action) : setDrawer({ template }))}
            >
              {TEMPLATE_ACTION_LABELS[action]}
            </Button>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      id="coupon-templates"
      title="优惠券"
      extra={
        canConfigure && (
          <Button id="coupon-create" type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ template: null })}>
            新建优惠券
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        {!canConfigure && <Alert type="info" showIcon title="您可以查看优惠券及其发放、核销情况；新建、编辑与上下线由市场或管理员操作。" />}
        <Flex gap={12} wrap align="center">
          <Segmented<StatusFilter>
            id="coupon-status-filter"
            options={STATUS_OPTIONS}
            value={status ?? ALL}
            onChange={(value) => update({ status: value === ALL ? null : value, page: 1 })}
          />
          <Input.Search
            id="coupon-search"
            allowClear
            maxLength={40}
            placeholder="按名称或编码搜索"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onSearch={(value) => update({ q: value.trim(), page: 1 })}
            style={{ width: 260 }}
          />
          <Typography.Text type="secondary">发放与核销数据每 10 秒自动刷新</Typography.Text>
        </Flex>
        {error && <Alert id="coupon-templates-error" type="error" showIcon title={error.message} />}
        <Table<CouponTemplateView>
          id="coupon-template-table"
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          // The list refreshes itself every few seconds; only the first load and a new search show the spinner.
          loading={isPending || isPlaceholderData}
          onRow={(template) => ({ 'data-template-code': template.code }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            hideOnSinglePage: true,
            showTotal: (total) => `共 ${total} 张优惠券`,
          }}
          onChange={(pagination) => {
            const nextSize = pagination.pageSize ?? pageSize;
            update({ page: nextSize === pageSize ? (pagination.current ?? 1) : 1, pageSize: nextSize });
          }}
          scroll={{ x: 1560 }}
          locale={{ emptyText: q || status ? '没有符合条件的优惠券' : '还没有优惠券' }}
        />
      </Flex>
      <CouponTemplateDrawer open={drawer !== null} template={drawer?.template ?? null} canConfigure={canConfigure} onClose={() => setDrawer(null)} />
    </Card>
  );
}
