import type { CampaignReport } from '@glow/contracts';
import { FunnelChart, LineChart, type FunnelSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { fenToYuan, formatCount } from '../../shared/format';

/* Only what the report's two charts need is registered (see overview-charts.ts): a funnel, lines, and their parts. */
echarts.use([FunnelChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { echarts };

export type CampaignChartOption = echarts.ComposeOption<FunnelSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

const BRAND_COLOR = '#b0456b';
const FUNNEL_COLORS = ['#e9c9d6', '#dba3ba', '#cc7d9e', '#b0456b', '#8c2f52', '#5e1f37'];

/** The funnel's stages in order, with the words the report uses. */
export const FUNNEL_STAGES = [
  { key: 'audience', label: '目标人数' },
  { key: 'touched', label: '触达' },
  { key: 'issued', label: '发券' },
  { key: 'claimed', label: '领取' },
  { key: 'redeemed', label: '核销' },
  { key: 'ordered', label: '下单' },
] as const satisfies readonly { key: keyof CampaignReport['funnel']; label: string }[];

/** Audience → touched → issued → claimed → redeemed → ordered, each stage labelled with its count, in that order. */
export function funnelOption(funnel: CampaignReport['funnel']): CampaignChartOption {
  return {
    color: FUNNEL_COLORS,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人' },
    series: [
      {
        name: '活动漏斗',
        type: 'funnel',
        // Keep the stages in their order even when a later one is larger (members reached by a claimable coupon).
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 8,
        bottom: 8,
        minSize: '8%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data: FUNNEL_STAGES.map((stage) => ({ name: stage.label, value: funnel[stage.key] })),
      },
    ],
  };
}

export const DAILY_SERIES = { touched: '触达', redeemed: '核销', orders: '订单', sales: '销售额' } as const;

/** Touches, redemptions and orders per day on the count axis, and sales in yuan on a second axis on the right. */
export function dailyOption(daily: CampaignReport['daily']): CampaignChartOption {
  return {
    color: ['#d9c2cc', '#fa8c16', '#1677ff', BRAND_COLOR],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: Object.values(DAILY_SERIES) },
    grid: { top: 40, left: 8, right: 8, bottom: 8 },
    xAxis: { type: 'category', data: daily.map((point) => point.date) },
    yAxis: [
      { type: 'value', name: '人 / 单', minInterval: 1 },
      { type: 'value', name: '元', splitLine: { show: false } },
    ],
    series: [
      { name: DAILY_SERIES.touched, type: 'line', data: daily.map((point) => point.touched) },
      { name: DAILY_SERIES.redeemed, type: 'line', data: daily.map((point) => point.redeemed) },
      { name: DAILY_SERIES.orders, type: 'line', data: daily.map((point) => point.orders) },
      {
        name: DAILY_SERIES.sales,
        type: 'line',
        yAxisIndex: 1,
        data: daily.map((point) => fenToYuan(point.salesFen)),
        tooltip: { valueFormatter: (value) => `¥${formatCount(Number(value))}` },
      },
    ],
  };
}
