import type { ServiceMetricsQuery, ServiceMetricsRow } from '@glow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Empty, Flex, Result, Row, Segmented, Select, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { getServiceMetrics, serviceKeys } from '../../api/service.service';
import { listStores, storeKeys } from '../../api/store.service';
import { storeScopeOf, useCan } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { EMPTY, formatCount, formatYuan } from '../../shared/format';
import { PageSpinner } from '../../shared/page-spinner';
import { lastDays, rangeFrom, type DateRange } from '../analytics/analytics-filters';
import { barsHeight, csatOption, dailyOption, echarts, firstResponseOption, formatCsat, formatSeconds, storesOption, workloadOption } from './service-charts';

const ALL_STORES = 'all';
const DATE_FORMAT = 'YYYY-MM-DD';
const CUSTOM = 0;
/** Service is read over weeks rather than quarters: the quick ranges are shorter than the analytics page's. */
const QUICK_DAYS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;
const QUICK_OPTIONS = [...QUICK_DAYS.map((days) => ({ value: days, label: `近${days}天` })), { value: CUSTOM, label: '自定义', disabled: true }];

function quickOf(range: DateRange, now: Date): number | null {
  return (
    QUICK_DAYS.find((days) => {
      const quick = lastDays(days, now);
      return quick.from === range.from && quick.to === range.to;
    }) ?? null
  );
}

const COLUMNS: TableColumnsType<ServiceMetricsRow> = [
  { title: '顾问', dataIndex: 'name', key: 'name', fixed: 'left', width: 100 },
  { title: '门店', dataIndex: 'storeName', key: 'storeName', width: 120, render: (name: string | null) => name ?? EMPTY },
  { title: '会话', dataIndex: 'conversations', key: 'conversations', width: 70, align: 'right', render: formatCount },
  { title: '首次响应', dataIndex: 'firstResponseSeconds', key: 'firstResponse', width: 100, align: 'right', render: formatSeconds },
  { title: '平均响应', dataIndex: 'avgResponseSeconds', key: 'avgResponse', width: 100, align: 'right', render: formatSeconds },
  { title: '解决时长', dataIndex: 'resolutionSeconds', key: 'resolution', width: 100, align: 'right', render: formatSeconds },
  {
    title: '满意度',
    key: 'csat',
    width: 110,
    align: 'right',
    render: (_, row) => `${formatCsat(row.csatAverage)}（${formatCount(row.csatCount)} 评）`,
  },
  { title: '解决工单', dataIndex: 'ticketsResolved', key: 'ticketsResolved', width: 90, align: 'right', render: formatCount },
  { title: '跟进完成/待办', key: 'tasks', width: 110, align: 'right', render: (_, row) => `${formatCount(row.tasksDone)} / ${formatCount(row.tasksOpen)}` },
  { title: '名下会员销售', dataIndex: 'attributedSalesFen', key: 'sales', width: 130, align: 'right', render: formatYuan },
];

/** Advisor service metrics: response times, CSAT and workload per advisor and store, and by day. */
export function ServiceMetricsPage() {
  const allowed = useCan('service:metrics');
  const session = useSession();
  // Advisors and store managers see their own store only (the API scopes them as well); marketers and admins pick any or all.
  const scopedStoreId = storeScopeOf(session?.staff);
  const scoped = scopedStoreId !== null;
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const range = params.get('from') || params.get('to') ? rangeFrom(params.get('from'), params.get('to'), now) : lastDays(DEFAULT_DAYS, now);
  const storeId = scoped ? scopedStoreId : params.get('storeId');
  const search: ServiceMetricsQuery = { from: range.from, to: range.to, storeId: storeId ?? undefined };

  const update = (next: Partial<DateRange> & { storeId?: string | null }) => {
    const merged = { ...range, storeId, ...next };
    const result = new URLSearchParams({ from: merged.from, to: merged.to });
    if (!scoped && merged.storeId) result.set('storeId', merged.storeId);
    setParams(result);
  };

  const stores = useQuery({ queryKey: storeKeys.all, queryFn: ({ signal }) => listStores(signal), enabled: allowed && !scoped });
  const { data, error, isPlaceholderData } = useQuery({
    queryKey: serviceKeys.metrics(search),
    queryFn: ({ signal }) => getServiceMetrics(search, signal),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });

  if (!allowed) return <Result status="403" title="没有权限查看服务数据" />;

  const storeOptions = scoped
    ? [{ value: scopedStoreId ?? '', label: session?.staff.storeName ?? '本店' }]
    : [{ value: ALL_STORES, label: '全部门店' }, ...(stores.data ?? []).map((store) => ({ value: store.id, label: `${store.name}（${store.city}）` }))];

  return (
    <Flex vertical gap={16} id="service-metrics-page">
      <Card>
        <Flex gap={12} wrap align="center">
          <Select<string>
            id="service-metrics-store"
            value={storeId ?? ALL_STORES}
            options={storeOptions}
            disabled={scoped}
            loading={stores.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(value) => update({ storeId: value === ALL_STORES ? null : value })}
            style={{ width: 220 }}
          />
          <Segmented<number>
            id="service-metrics-quick-range"
            options={QUICK_OPTIONS}
            value={quickOf(range, now) ?? CUSTOM}
            onChange={(days) => days !== CUSTOM && update(lastDays(days, now))}
          />
          <DatePicker.RangePicker
            id={{ start: 'service-metrics-range', end: 'service-metrics-range-end' }}
            allowClear={false}
            format={DATE_FORMAT}
            value={[dayjs(range.from), dayjs(range.to)]}
            onChange={(picked) => {
              const [from, to] = picked ?? [];
              if (from && to) update({ from: from.format(DATE_FORMAT), to: to.format(DATE_FORMAT) });
            }}
          />
        </Flex>
      </Card>
      {error && <Alert id="service-metrics-error" type="error" showIcon title={error.message} />}
      {data ? (
        <Flex vertical gap={16} style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="首次响应时长（中位数，分钟）">
                {data.advisors.length > 0 ? (
                  <ReactEChartsCore id="service-metrics-first-response" echarts={echarts} option={firstResponseOption(data.advisors)} notMerge style={{ height: barsHeight(data.advisors.length) }} />
                ) : (
                  <Empty description="期内没有顾问接待" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="满意度（1–5 分）">
                {data.advisors.length > 0 ? (
                  <ReactEChartsCore id="service-metrics-csat" echarts={echarts} option={csatOption(data.advisors)} notMerge style={{ height: barsHeight(data.advisors.length) }} />
                ) : (
                  <Empty description="期内没有顾问接待" />
                )}
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="会话与跟进完成">
                <ReactEChartsCore id="service-metrics-workload" echarts={echarts} option={workloadOption(data.advisors)} notMerge style={{ height: 320 }} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="每日趋势">
                <ReactEChartsCore id="service-metrics-daily" echarts={echarts} option={dailyOption(data.daily)} notMerge style={{ height: 320 }} />
              </Card>
            </Col>
          </Row>
          {!scoped && !storeId && (
            <Card title="门店对比">
              <ReactEChartsCore id="service-metrics-stores" echarts={echarts} option={storesOption(data.stores)} notMerge style={{ height: 320 }} />
            </Card>
          )}
          <Card title="顾问明细">
            <Table<ServiceMetricsRow>
              id="service-metrics-table"
              rowKey="id"
              size="small"
              columns={COLUMNS}
              dataSource={data.advisors}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: '期内没有顾问接待' }}
            />
          </Card>
        </Flex>
      ) : (
        !error && <PageSpinner />
      )}
    </Flex>
  );
}
