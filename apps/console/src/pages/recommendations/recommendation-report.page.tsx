import type { RecommendationReport } from '@glow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Result, Row, Segmented, Statistic, Table, type TableColumnsType } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { getRecommendationReport, recommendationKeys } from '../../api/recommendation.service';
import { useCan } from '../../auth/permissions';
import { formatPercent, toPercent } from '../../shared/format';
import { PageSpinner } from '../../shared/page-spinner';
import { ctrByPositionOption, echarts, topProductsByClicks, topProductsChartHeight, topProductsOption, TOP_PRODUCTS } from './recommendation-charts';

const DAY_OPTIONS = [
  { value: 7, label: '近7天' },
  { value: 30, label: '近30天' },
  { value: 90, label: '近90天' },
];

type ProductRow = RecommendationReport['byProduct'][number];

const productColumns: TableColumnsType<ProductRow> = [
  { title: 'SKU', dataIndex: 'sku', key: 'sku', width: 160 },
  { title: '商品', dataIndex: 'name', key: 'name' },
  { title: '曝光', dataIndex: 'impressions', key: 'impressions', width: 100, align: 'right', sorter: (a, b) => a.impressions - b.impressions },
  {
    title: '点击',
    dataIndex: 'clicks',
    key: 'clicks',
    width: 100,
    align: 'right',
    sorter: (a, b) => a.clicks - b.clicks,
    defaultSortOrder: 'descend',
  },
  {
    title: '点击率',
    dataIndex: 'ctr',
    key: 'ctr',
    width: 100,
    align: 'right',
    sorter: (a, b) => a.ctr - b.ctr,
    render: (ctr: number) => formatPercent(ctr),
  },
];

const STAT_CARD_STYLE = { height: '100%' };

function ReportContent({ report }: { report: RecommendationReport }) {
  if (report.totals.impressions === 0) {
    return (
      <Card>
        <Empty description={`近${report.days}天没有推荐曝光`} />
      </Card>
    );
  }
  const top = topProductsByClicks(report.byProduct);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card id="stat-impressions" style={STAT_CARD_STYLE}>
            <Statistic title="曝光" value={report.totals.impressions} suffix="次" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card id="stat-clicks" style={STAT_CARD_STYLE}>
            <Statistic title="点击" value={report.totals.clicks} suffix="次" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card id="stat-ctr" style={STAT_CARD_STYLE}>
            <Statistic title="点击率" value={toPercent(report.totals.ctr)} precision={1} suffix="%" />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="各推荐位点击率">
            <ReactEChartsCore id="chart-ctr-position" echarts={echarts} option={ctrByPositionOption(report.byPosition)} notMerge style={{ height: 320 }} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`点击最多的商品（前${TOP_PRODUCTS}）`}>
            {top.length > 0 ? (
              <ReactEChartsCore
                id="chart-top-products"
                echarts={echarts}
                option={topProductsOption(top)}
                notMerge
                style={{ height: topProductsChartHeight(top.length) }}
              />
            ) : (
              <Empty description="暂无点击" />
            )}
          </Card>
        </Col>
      </Row>
      <Card title="商品明细">
        <Table<ProductRow>
          id="recommendation-products"
          rowKey="productId"
          size="small"
          columns={productColumns}
          dataSource={report.byProduct}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        />
      </Card>
    </>
  );
}

export function RecommendationReportPage() {
  const allowed = useCan('recommendation:view');
  const [days, setDays] = useState(30);
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: recommendationKeys.report(days),
    queryFn: ({ signal }) => getRecommendationReport(days, signal),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });

  if (!allowed) return <Result status="403" title="没有权限查看推荐效果" subTitle="推荐效果报表仅对市场与管理员开放" />;

  return (
    <Flex vertical gap={16} id="recommendation-report">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <span>肤质测试推荐的曝光与点击（同一推荐列表中同一商品的点击只计一次）</span>
          <Segmented<number> id="recommendation-days" options={DAY_OPTIONS} value={days} onChange={setDays} />
        </Flex>
      </Card>
      {error && (
        <Alert
          id="recommendation-error"
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
      {data ? <ReportContent report={data} /> : !error && <PageSpinner />}
    </Flex>
  );
}
