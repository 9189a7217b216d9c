import { DownloadOutlined } from '@ant-design/icons';
import type { AnalyticsKpis, AnalyticsQueryDto, StoreAnalyticsView } from '@glow/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Result, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { analyticsKeys, downloadStoreAnalytics, getStoreAnalytics } from '../../api/analytics.service';
import { useCan } from '../../auth/permissions';
import { saveBlob } from '../../shared/download';
import { EMPTY, formatCount, formatDateTime, formatPercentOrEmpty, formatYuan, formatYuanOrEmpty } from '../../shared/format';
import { PageSpinner } from '../../shared/page-spinner';
import { StoreRangeFilter, useStoreRange } from '../../shared/store-range-filter';
import {
  advisorsChartHeight,
  advisorsOption,
  cohortOption,
  echarts,
  newVsReturningOption,
  salesDailyOption,
  tierDistributionOption,
  topAdvisors,
  TOP_ADVISORS,
} from './analytics-charts';

/** The analytics page opens on the last 90 business days, today included. */
const DEFAULT_RANGE_DAYS = 90;
/** Ranges offered as one click; any other range is picked in the calendar. */
const QUICK_RANGE_DAYS = [30, 90, 180, 365] as const;
const STAT_CARD_STYLE = { height: '100%' };

interface Kpi {
  id: string;
  title: string;
  value: string;
  note?: string;
}

/** The KPI cards: counts grouped, money in yuan, shares in percent, — where a figure has no base. */
export function analyticsKpis(kpis: AnalyticsKpis): Kpi[] {
  return [
    { id: 'kpi-members', title: '会员数', value: formatCount(kpis.members) },
    { id: 'kpi-buyers', title: '购买会员', value: formatCount(kpis.buyers) },
    { id: 'kpi-orders', title: '订单数', value: formatCount(kpis.orders) },
    { id: 'kpi-sales', title: '销售额', value: formatYuan(kpis.salesFen) },
    { id: 'kpi-aov', title: '客单价', value: formatYuanOrEmpty(kpis.aovFen), note: '销售额 ÷ 订单数' },
    { id: 'kpi-active-share', title: '活跃占比', value: formatPercentOrEmpty(kpis.activeShare), note: '截至期末近 90 天有购买的会员占比' },
    { id: 'kpi-churn', title: '流失率', value: formatPercentOrEmpty(kpis.churnRate), note: '上一周期购买、本期未再购买的会员占比' },
    { id: 'kpi-clv', title: '客户终身价值', value: formatYuanOrEmpty(kpis.clvFen), note: '购买会员的人均累计实付' },
    { id: 'kpi-repurchase-30', title: '30 天复购率', value: formatPercentOrEmpty(kpis.repurchase30) },
    { id: 'kpi-repurchase-90', title: '90 天复购率', value: formatPercentOrEmpty(kpis.repurchase90) },
    { id: 'kpi-repurchase-180', title: '180 天复购率', value: formatPercentOrEmpty(kpis.repurchase180) },
    { id: 'kpi-new-returning', title: '新客 / 老客', value: `${formatCount(kpis.newBuyers)} / ${formatCount(kpis.returningBuyers)}`, note: '期内购买的新客与老客人数' },
  ];
}

type AdvisorRow = StoreAnalyticsView['advisors'][number];

const ADVISOR_COLUMNS: TableColumnsType<AdvisorRow & { rank: number }> = [
  { title: '排名', dataIndex: 'rank', key: 'rank', width: 60 },
  { title: '导购', dataIndex: 'name', key: 'name' },
  { title: '门店', dataIndex: 'storeName', key: 'storeName', render: (name: string | null) => name ?? EMPTY },
  { title: '订单', dataIndex: 'orders', key: 'orders', width: 90, align: 'right', render: formatCount },
  { title: '销售额', dataIndex: 'salesFen', key: 'salesFen', width: 140, align: 'right', render: formatYuan },
  { title: '服务会员', dataIndex: 'members', key: 'members', width: 100, align: 'right', render: formatCount },
];

function AnalyticsContent({ view }: { view: StoreAnalyticsView }) {
  const top = topAdvisors(view.advisors);
  return (
    <>
      <Row gutter={[16, 16]} id="analytics-kpis">
        {analyticsKpis(view.kpis).map((kpi) => (
          <Col key={kpi.id} xs={12} md={8} xl={6}>
            <Card id={kpi.id} size="small" style={STAT_CARD_STYLE}>
              <Statistic title={kpi.title} value={kpi.value} />
              {kpi.note && <Typography.Text type="secondary">{kpi.note}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="每日销售额">
            <ReactEChartsCore id="analytics-sales" echarts={echarts} option={salesDailyOption(view.salesDaily)} notMerge style={{ height: 320 }} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="会员等级分布">
            {view.tierDistribution.length > 0 ? (
              <ReactEChartsCore id="analytics-tiers" echarts={echarts} option={tierDistributionOption(view.tierDistribution)} notMerge style={{ height: 320 }} />
            ) : (
              <Empty description="暂无会员" />
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title="新客与老客（按月）">
            <ReactEChartsCore id="analytics-new-returning" echarts={echarts} option={newVsReturningOption(view.newVsReturning)} notMerge style={{ height: 340 }} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="入会月份同期群：入会后各月购买比例">
            <ReactEChartsCore
              id="analytics-cohorts"
              echarts={echarts}
              option={cohortOption(view.cohorts)}
              notMerge
              style={{ height: Math.max(340, view.cohorts.length * 28 + 96) }}
            />
          </Card>
        </Col>
      </Row>
      <Card title={`导购业绩排行（按销售额，前 ${TOP_ADVISORS} 名）`}>
        {top.length > 0 ? (
          <Flex vertical gap={16}>
            <ReactEChartsCore id="analytics-advisors" echarts={echarts} option={advisorsOption(top)} notMerge style={{ height: advisorsChartHeight(top.length) }} />
            <Table<AdvisorRow & { rank: number }>
              id="analytics-advisor-table"
              rowKey="advisorId"
              size="small"
              columns={ADVISOR_COLUMNS}
              dataSource={top.map((advisor, index) => ({ ...advisor, rank: index + 1 }))}
              pagination={false}
            />
          </Flex>
        ) : (
          <Empty description="期内没有导购成交" />
        )}
      </Card>
    </>
  );
}

/** Store-wide analytics: members, sales, repurchase and churn, tiers, cohorts and advisors, for a store and a date range. */
export function AnalyticsPage() {
  const allowed = useCan('analytics:view');
  const filter = useStoreRange(DEFAULT_RANGE_DAYS);
  const search: AnalyticsQueryDto = filter.query;
  const { data, error, isFetching, isPlaceholderData, refetch } = useQuery({
    queryKey: analyticsKeys.view(search),
    queryFn: ({ signal }) => getStoreAnalytics(search, signal),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  const exportFile = useMutation({
    mutationFn: (query: AnalyticsQueryDto) => downloadStoreAnalytics(query),
    onSuccess: (blob, query) => saveBlob(blob, `数据分析-${query.from}至${query.to}.xlsx`),
  });

  if (!allowed) return <Result status="403" title="没有权限查看数据分析" subTitle="数据分析仅对市场、店长与管理员开放" />;

  return (
    <Flex vertical gap={16} id="analytics-page">
      <Card>
        <Flex gap={12} wrap align="center" justify="space-between">
          <StoreRangeFilter filter={filter} idPrefix="analytics" quickDays={QUICK_RANGE_DAYS} />
          <Flex gap={12} align="center">
            {data && (
              <Typography.Text id="analytics-refreshed" type="secondary">
                数据更新于 {formatDateTime(data.refreshedAt)}
              </Typography.Text>
            )}
            <Button id="analytics-export" icon={<DownloadOutlined />} loading={exportFile.isPending} onClick={() => exportFile.mutate(search)}>
              导出 Excel
            </Button>
          </Flex>
        </Flex>
        {exportFile.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={exportFile.error.message} />}
      </Card>
      {error && (
        <Alert
          id="analytics-error"
          type="error"
          showIcon
          title={error.message}
          action={
            <Button size="small" loading={isFetching} onClick={() => void refetch()}>
              重试
            </Button>
          }
        />
      )}
      {data ? (
        <div style={{ opacity: isPlaceholderData ? 0.6 : 1, display: 'flex', flexDirection: 'column', gap: 16 }}>
          <AnalyticsContent view={data} />
        </div>
      ) : (
        !error && <PageSpinner />
      )}
    </Flex>
  );
}
