import type { RecommendationReport } from '@glow/contracts';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
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
import { formatPercent, toPercent } from '../../shared/format';

/* Only what these charts need is registered (see overview-charts.ts): bars, a line, and their axes, tooltip and legend. */
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { echarts };

export type RecommendationChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

type ProductRow = RecommendationReport['byProduct'][number];

export const TOP_PRODUCTS = 10;

const BRAND_COLOR = '#b0456b';
const IMPRESSION_COLOR = '#d9c2cc';
const CTR_COLOR = '#fa8c16';

/** The most clicked products, ties broken by click-through, then by name for a stable order. */
export function topProductsByClicks(byProduct: readonly ProductRow[], limit = TOP_PRODUCTS): ProductRow[] {
  return [...byProduct].sort((a, b) => b.clicks - a.clicks || b.ctr - a.ctr || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit);
}

/** Impressions and clicks per list position as columns, with click-through as a line on its own (percent) axis. */
export function ctrByPositionOption(byPosition: RecommendationReport['byPosition']): RecommendationChartOption {
  const rows = [...byPosition].sort((a, b) => a.position - b.position);
  return {
    color: [IMPRESSION_COLOR, BRAND_COLOR, CTR_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: ['曝光', '点击', '点击率'] },
    grid: { top: 40, left: 8, right: 8, bottom: 8 },
    xAxis: { type: 'category', data: rows.map((row) => `第${row.position}位`) },
    yAxis: [
      { type: 'value', name: '次数', minInterval: 1 },
      { type: 'value', name: '点击率', min: 0, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: '曝光', type: 'bar', barMaxWidth: 28, data: rows.map((row) => row.impressions) },
      { name: '点击', type: 'bar', barMaxWidth: 28, data: rows.map((row) => row.clicks) },
      {
        name: '点击率',
        type: 'line',
        yAxisIndex: 1,
        smooth: false,
        symbolSize: 8,
        data: rows.map((row) => toPercent(row.ctr)),
        tooltip: { valueFormatter: (value) => `${String(value)}%` },
      },
    ],
  };
}

/** The top products by clicks as horizontal bars (names are long), each labelled with its clicks and click-through. */
export function topProductsOption(top: readonly ProductRow[]): RecommendationChartOption {
  return {
    color: [BRAND_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { top: 8, left: 8, right: 96, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false } },
    yAxis: { type: 'category', inverse: true, data: top.map((row) => row.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: '点击',
        type: 'bar',
        barMaxWidth: 20,
        label: { show: true, position: 'right' },
        data: top.map((row) => ({ value: row.clicks, label: { formatter: `${row.clicks} · ${formatPercent(row.ctr)}` } })),
      },
    ],
  };
}

export function topProductsChartHeight(rows: number): number {
  return Math.max(200, rows * 32 + 24);
}
