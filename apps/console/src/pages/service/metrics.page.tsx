import type { ServiceMetricsQuery, ServiceMetricsRow } from '@glow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, Result, Row, Table, type TableColumnsType } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { getServiceMetrics, serviceKeys } from '../../api/service.service';
import { useCan } from '../../auth/permissions';
import { EMPTY, formatCount, formatYuan } from '../../shared/format';
import { PageSpinner } from '../../shared/page-spinner';
import { StoreRangeFilter, useStoreRange } from '../../shared/store-range-filter';
import { barsHeight, csatOption, dailyOption, echarts, firstResponseOption, formatCsat, formatSeconds, storesOption, workloadOption } from './service-charts';

/** Service is read over weeks rather than quarters: the quick ranges are shorter than the analytics page's. */
const QUICK_DAYS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;

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
  const filter = useStoreRange(DEFAULT_DAYS);
  const { scoped, storeId } = filter;
  const search: ServiceMetricsQuery = filter.query;
  const { data, error, isPlaceholderData } = useQuery({
    queryKey: serviceKeys.metrics(search),
    queryFn: ({ signal }) => getServiceMetrics(search, signal),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });

  if (!allowed) return <Result status="403" title="没有权限查看服务数据" />;

  return (
    <Flex vertical gap={16} id="service-metrics-page">
      <Card>
        <StoreRangeFilter filter={filter} idPrefix="service-metrics" quickDays={QUICK_DAYS} />
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
