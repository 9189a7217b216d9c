import type { MemberOverviewResponse } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { getMemberOverview, memberKeys } from '../../api/member.service';
import { PageSpinner } from '../../shared/page-spinner';
import { echarts, joinsByMonthOption, membersByStoreOption, storeChartHeight } from './overview-charts';

/** Share of members reachable in WeChat, in percent rounded to one decimal; null when there are no members. */
function wechatSharePercent(overview: Pick<MemberOverviewResponse, 'total' | 'wechatLinked'>): number | null {
  if (overview.total <= 0) return null;
  return Math.round((overview.wechatLinked * 1000) / overview.total) / 10;
}

/** The three statistic cards share a row and its height, whichever has a line of detail. */
const STAT_CARD_STYLE = { height: '100%' };

function OverviewContent({ overview }: { overview: MemberOverviewResponse }) {
  const share = wechatSharePercent(overview);

  return (
    <>
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} md={8}>
          <Card id="stat-total" style={STAT_CARD_STYLE}>
            <Statistic title="会员总数" value={overview.total} suffix="人" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card id="stat-new-30d" style={STAT_CARD_STYLE}>
            <Statistic title="近30天新增" value={overview.joinedLast30Days} suffix="人" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card id="stat-wechat-share" style={STAT_CARD_STYLE}>
            <Statistic
              title="微信会员占比"
              value={share ?? '—'}
              precision={share === null ? undefined : 1}
              suffix={share === null ? undefined : '%'}
            />
            <Typography.Text type="secondary">微信会员 {overview.wechatLinked.toLocaleString('zh-CN')} 人</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="近12个月入会趋势">
            <ReactEChartsCore
              id="chart-joins"
              echarts={echarts}
              option={joinsByMonthOption(overview.joinsByMonth)}
              notMerge
              style={{ height: 320 }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="各门店会员数">
            {overview.byStore.length > 0 ? (
              <ReactEChartsCore
                id="chart-stores"
                echarts={echarts}
                option={membersByStoreOption(overview.byStore)}
                notMerge
                style={{ height: storeChartHeight(overview.byStore.length) }}
              />
            ) : (
              <Empty description="暂无门店" />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export function OverviewPage() {
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: memberKeys.overview,
    queryFn: ({ signal }) => getMemberOverview(signal),
  });

  return (
    <Flex vertical gap={16} id="overview">
      {error && (
        <Alert
          id="overview-error"
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
      {data ? <OverviewContent overview={data} /> : !error && <PageSpinner />}
    </Flex>
  );
}
