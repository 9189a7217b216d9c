import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import type { CampaignReport } from '@glow/contracts';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS } from '@glow/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Statistic, Tag, Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { Link, useParams } from 'react-router-dom';
import { campaignKeys, downloadCampaignReport, getCampaignReport } from '../../api/campaign.service';
import { useCan } from '../../auth/permissions';
import { saveBlob } from '../../shared/download';
import { formatCount, formatDateTime, formatPercentOrEmpty, formatYuan, formatYuanOrEmpty } from '../../shared/format';
import { PageSpinner } from '../../shared/page-spinner';
import { dailyOption, echarts, funnelOption } from './campaign-charts';
import { actionText, scheduleText } from './campaign-form';
import { CAMPAIGN_STATUS_COLORS } from './campaign-status';

const STAT_CARD_STYLE = { height: '100%' };

interface Stat {
  id: string;
  title: string;
  value: string;
  /** A second line: what the figure is compared with or made of. */
  note?: string;
}

/** The report's figures as the cards show them: counts grouped, rates in percent, money in yuan, — where there is none. */
export function reportStats(report: CampaignReport): Stat[] {
  const { funnel } = report;
  return [
    { id: 'stat-audience', title: '目标人数', value: formatCount(funnel.audience), note: `其中对照组 ${formatCount(funnel.holdout)} 人` },
    { id: 'stat-touched', title: '触达', value: formatCount(funnel.touched), note: `订阅消息 ${formatCount(funnel.messaged)} 条` },
    { id: 'stat-issued', title: '发券', value: formatCount(funnel.issued) },
    { id: 'stat-claim-rate', title: '领取率', value: formatPercentOrEmpty(report.claimRate), note: `领取 ${formatCount(funnel.claimed)} 张` },
    { id: 'stat-redemption-rate', title: '核销率', value: formatPercentOrEmpty(report.redemptionRate), note: `核销 ${formatCount(funnel.redeemed)} 张` },
    { id: 'stat-conversion', title: '转化率', value: formatPercentOrEmpty(report.conversionRate), note: `对照组转化率 ${formatPercentOrEmpty(report.holdoutConversionRate)}` },
    { id: 'stat-orders', title: '归因订单', value: formatCount(report.orders), note: `对照组 ${formatCount(report.holdoutOrders)} 单` },
    { id: 'stat-sales', title: '归因销售额', value: formatYuan(report.salesFen), note: `对照组 ${formatYuan(report.holdoutSalesFen)}` },
    { id: 'stat-incremental', title: '增量销售额', value: formatYuanOrEmpty(report.incrementalSalesFen), note: report.incrementalSalesFen === null ? '未设置对照组' : undefined },
    { id: 'stat-cost', title: '成本', value: formatYuan(report.costFen), note: '核销优惠券的成本' },
    { id: 'stat-roi', title: 'ROI', value: formatPercentOrEmpty(report.roi), note: '（归因销售额 − 成本）÷ 成本' },
  ];
}

function ReportContent({ report }: { report: CampaignReport }) {
  const { campaign } = report;
  const exportFile = useMutation({
    mutationFn: () => downloadCampaignReport(campaign.id),
    onSuccess: (blob) => saveBlob(blob, `活动数据-${campaign.name}.xlsx`),
  });

  return (
    <>
      <Card
        title={
          <Flex gap={8} align="center">
            <span id="campaign-report-name">{campaign.name}</span>
            <Tag color={CAMPAIGN_STATUS_COLORS[campaign.status]}>{CAMPAIGN_STATUS_LABELS[campaign.status]}</Tag>
          </Flex>
        }
        extra={
          <Button id="campaign-report-export" icon={<DownloadOutlined />} loading={exportFile.isPending} onClick={() => exportFile.mutate()}>
            导出 Excel
          </Button>
        }
      >
        {exportFile.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={exportFile.error.message} />}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="类型">{CAMPAIGN_KIND_LABELS[campaign.kind]}</Descriptions.Item>
          <Descriptions.Item label="目标人群">{campaign.segment?.name ?? '全部会员'}</Descriptions.Item>
          <Descriptions.Item label="执行方式">{scheduleText(campaign)}</Descriptions.Item>
          <Descriptions.Item label="动作">{campaign.actions.map(actionText).join('、')}</Descriptions.Item>
          <Descriptions.Item label="启动时间">{formatDateTime(campaign.launchedAt)}</Descriptions.Item>
          <Descriptions.Item label="归因规则">触达后 {campaign.attributionDays} 天内的订单，或使用本活动优惠券的订单</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]} id="campaign-report-stats">
        {reportStats(report).map((stat) => (
          <Col key={stat.id} xs={12} md={8} xl={6}>
            <Card id={stat.id} size="small" style={STAT_CARD_STYLE}>
              <Statistic title={stat.title} value={stat.value} />
              {stat.note && <Typography.Text type="secondary">{stat.note}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title="活动漏斗">
            <ReactEChartsCore id="campaign-funnel" echarts={echarts} option={funnelOption(report.funnel)} notMerge style={{ height: 340 }} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="每日趋势">
            <ReactEChartsCore id="campaign-daily" echarts={echarts} option={dailyOption(report.daily)} notMerge style={{ height: 340 }} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** One campaign's results: the funnel from audience to orders, the lift over the holdout, cost and ROI, day by day. */
export function CampaignReportPage() {
  const { id = '' } = useParams<{ id: string }>();
  const allowed = useCan('campaign:configure');
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: campaignKeys.report(id),
    queryFn: ({ signal }) => getCampaignReport(id, signal),
    enabled: allowed && id !== '',
  });

  if (!allowed) return <Result status="403" title="没有权限查看活动数据" subTitle="活动数据仅对市场与管理员开放" />;

  return (
    <Flex vertical gap={16} id="campaign-report">
      <Link to="/campaigns">
        <ArrowLeftOutlined /> 返回活动列表
      </Link>
      {error && (
        <Alert
          id="campaign-report-error"
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
