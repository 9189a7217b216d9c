import type { StoreAnalyticsView } from '@glow/contracts';
import { BarChart, HeatmapChart, LineChart, PieChart, type BarSeriesOption, type HeatmapSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { fenToYuan, formatCount, toPercent } from '../../shared/format';

/* Only what the analytics charts need is registered (see overview-charts.ts). */
echarts.use([LineChart, BarChart, PieChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

export type AnalyticsChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
>;

const BRAND_COLOR = '#b0456b';
const SECOND_COLOR = '#1677ff';
const NEW_COLOR = '#f0a7c2';
const TIER_COLORS = ['#f5c2d3', '#c0c0c0', '#d4a017', '#333333', '#b0456b', '#8c2f52', '#1677ff'];

export const TOP_ADVISORS = 10;

const yuanLabel = (value: unknown) => `¥${formatCount(Number(value))}`;

/** Sales per business day in yuan as a line, with the orders on a second axis. */
export function salesDailyOption(daily: StoreAnalyticsView['salesDaily']): AnalyticsChartOption {
  return {
    color: [BRAND_COLOR, SECOND_COLOR],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['销售额', '订单数'] },
    grid: { top: 40, left: 8, right: 8, bottom: 8 },
    xAxis: { type: 'category', data: daily.map((day) => day.date) },
    yAxis: [
      { type: 'value', name: '元' },
      { type: 'value', name: '单', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: '销售额', type: 'line', areaStyle: { opacity: 0.15 }, showSymbol: false, data: daily.map((day) => fenToYuan(day.salesFen)), tooltip: { valueFormatter: yuanLabel } },
      { name: '订单数', type: 'line', yAxisIndex: 1, showSymbol: false, data: daily.map((day) => day.orders) },
    ],
  };
}

/** New and returning buyers per month as stacked columns. */
export function newVsReturningOption(months: StoreAnalyticsView['newVsReturning']): AnalyticsChartOption {
  return {
    color: [NEW_COLOR, BRAND_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: ['新客', '老客'] },
    grid: { top: 40, left: 8, right: 8, bottom: 8 },
    xAxis: { type: 'category', data: months.map((month) => month.month) },
    yAxis: { type: 'value', name: '人', minInterval: 1 },
    series: [
      { name: '新客', type: 'bar', stack: 'buyers', barMaxWidth: 36, data: months.map((month) => month.newBuyers) },
      { name: '老客', type: 'bar', stack: 'buyers', barMaxWidth: 36, data: months.map((month) => month.returningBuyers) },
    ],
  };
}

/** Members by tier as a ring, each slice labelled with its share. */
export function tierDistributionOption(tiers: StoreAnalyticsView['tierDistribution']): AnalyticsChartOption {
  return {
    color: TIER_COLORS,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        name: '会员等级',
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b} {d}%' },
        data: tiers.map((tier) => ({ name: tier.tierName, value: tier.members })),
      },
    ],
  };
}

/** Column labels of the cohort table: the join month itself, then each month after it. */
export function cohortMonthLabels(cohorts: StoreAnalyticsView['cohorts']): string[] {
  const months = Math.max(0, ...cohorts.map((cohort) => cohort.retention.length));
  return Array.from({ length: months }, (_, index) => (index === 0 ? '当月' : `第${index}月`));
}

/** Join-month cohorts (rows, oldest at the top) by months since joining (columns): the share buying, in percent. */
export function cohortOption(cohorts: StoreAnalyticsView['cohorts']): AnalyticsChartOption {
  return {
    tooltip: { position: 'top', formatter: '{b}：{@[2]}%' },
    // Room under the month labels for the colour scale.
    grid: { top: 8, left: 8, right: 8, bottom: 72 },
    xAxis: { type: 'category', data: cohortMonthLabels(cohorts), splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: cohorts.map((cohort) => `${cohort.month}（${formatCount(cohort.size)}人）`), splitArea: { show: true } },
    visualMap: { min: 0, max: 100, orient: 'horizontal', left: 'center', bottom: 4, itemWidth: 12, itemHeight: 200, text: ['100%', '0%'], inRange: { color: ['#fdf2f6', BRAND_COLOR] } },
    series: [
      {
        name: '复购留存',
        type: 'heatmap',
        label: { show: true, formatter: '{@[2]}%' },
        data: cohorts.flatMap((cohort, row) => cohort.retention.map((share, column) => [column, row, toPercent(share)])),
      },
    ],
  };
}

/** The advisors with the most sales, best first. */
export function topAdvisors(advisors: StoreAnalyticsView['advisors'], limit = TOP_ADVISORS): StoreAnalyticsView['advisors'] {
  return [...advisors].sort((a, b) => b.salesFen - a.salesFen || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit);
}

/** The leaderboard as horizontal bars of sales in yuan, best at the top. */
export function advisorsOption(top: StoreAnalyticsView['advisors']): AnalyticsChartOption {
  return {
    color: [BRAND_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: yuanLabel },
    grid: { top: 8, left: 8, right: 96, bottom: 8 },
    xAxis: { type: 'value', axisLabel: { show: false } },
    yAxis: { type: 'category', inverse: true, data: top.map((advisor) => advisor.name) },
    series: [
      {
        name: '销售额',
        type: 'bar',
        barMaxWidth: 20,
        label: { show: true, position: 'right', formatter: (params) => yuanLabel(params.value) },
        data: top.map((advisor) => fenToYuan(advisor.salesFen)),
      },
    ],
  };
}

export function advisorsChartHeight(rows: number): number {
  return Math.max(160, rows * 32 + 24);
}
