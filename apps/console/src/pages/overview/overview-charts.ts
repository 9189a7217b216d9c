import type { MemberOverviewResponse } from '@glow/contracts';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
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

/*
 * Only what the overview's two bar charts need is registered, so the page's lazy chunk carries a fraction of
 * ECharts. Add a chart or component type here before using it in an option: ECharts ignores unregistered ones.
 */
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { echarts };

export type OverviewChartOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

export const WECHAT_SERIES = '小程序入会';
export const STORE_SERIES = '门店入会';

const WECHAT_COLOR = '#07c160';
const BRAND_COLOR = '#b0456b';

/** Joins per month by channel, as stacked columns: one column per month, oldest on the left. */
export function joinsByMonthOption(joinsByMonth: MemberOverviewResponse['joinsByMonth']): OverviewChartOption {
  return {
    color: [WECHAT_COLOR, BRAND_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [WECHAT_SERIES, STORE_SERIES] },
    grid: { top: 40, left: 8, right: 16, bottom: 8 },
    // Every month's label where there is room; on a narrow card ECharts drops the ones that would overlap.
    xAxis: { type: 'category', data: joinsByMonth.map((row) => row.month), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: WECHAT_SERIES, type: 'bar', stack: 'joins', barMaxWidth: 32, data: joinsByMonth.map((row) => row.wechat) },
      { name: STORE_SERIES, type: 'bar', stack: 'joins', barMaxWidth: 32, data: joinsByMonth.map((row) => row.store) },
    ],
  };
}

/** Members per store as horizontal bars (store names are long), in the API's order from the top. */
export function membersByStoreOption(byStore: MemberOverviewResponse['byStore']): OverviewChartOption {
  return {
    color: [BRAND_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { top: 8, left: 8, right: 48, bottom: 8 },
    // Each bar is labelled with its count, so the value axis keeps its grid lines but not its (crowded) labels.
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false } },
    yAxis: { type: 'category', inverse: true, data: byStore.map((row) => row.storeName) },
    series: [
      {
        name: '会员数',
        type: 'bar',
        barMaxWidth: 24,
        label: { show: true, position: 'right' },
        data: byStore.map((row) => row.members),
      },
    ],
  };
}

/** Enough height for every store's bar, within what a dashboard card can hold. */
export function storeChartHeight(stores: number): number {
  return Math.min(Math.max(240, stores * 36 + 40), 640);
}
