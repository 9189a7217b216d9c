import type { ServiceMetricsResponse, ServiceMetricsRow } from '@glow/contracts';
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
import { EMPTY } from '../../shared/format';

/* Only what the service charts need is registered (see overview-charts.ts): bars, lines and their parts. */
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { echarts };

export type ServiceChartOption = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

const BRAND_COLOR = '#b0456b';
const SECOND_COLOR = '#1677ff';
const THIRD_COLOR = '#faad14';

/** Seconds as minutes with one decimal for a chart; none stays none (a gap, not a zero). */
export function toMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/** 45秒, 3分20秒, 1小时5分 — or — when there is nothing to measure. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return EMPTY;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}秒`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return whole % 60 === 0 ? `${minutes}分` : `${minutes}分${whole % 60}秒`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}小时` : `${hours}小时${minutes % 60}分`;
}

export function formatCsat(average: number | null): string {
  return average === null ? EMPTY : average.toFixed(1);
}

const minutesLabel = (value: unknown) => (value === null || value === undefined || value === '-' ? EMPTY : `${String(value)} 分钟`);

/** Advisors ordered by a figure, the ones without it last (so nobody reads a missing figure as the best). */
function ranked(rows: readonly ServiceMetricsRow[], figure: (row: ServiceMetricsRow) => number | null, ascending: boolean): ServiceMetricsRow[] {
  return [...rows].sort((a, b) => {
    const x = figure(a);
    const y = figure(b);
    if (x === null || y === null) return x === null ? (y === null ? a.name.localeCompare(b.name, 'zh-CN') : 1) : -1;
    return ascending ? x - y : y - x;
  });
}

function horizontalBars(rows: ServiceMetricsRow[], name: string, values: (number | null)[], unit: (value: unknown) => string, color: string, max?: number): ServiceChartOption {
  return {
    color: [color],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: unit },
    grid: { top: 8, left: 8, right: 72, bottom: 8 },
    xAxis: { type: 'value', max, axisLabel: { show: false } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.name) },
    series: [{ name, type: 'bar', barMaxWidth: 18, label: { show: true, position: 'right', formatter: (params) => unit(params.value) }, data: values }],
  };
}

/** Median first response per advisor in minutes, fastest at the top. */
export function firstResponseOption(advisors: readonly ServiceMetricsRow[]): ServiceChartOption {
  const rows = ranked(advisors, (row) => row.firstResponseSeconds, true);
  return horizontalBars(rows, '首次响应（中位数）', rows.map((row) => toMinutes(row.firstResponseSeconds)), minutesLabel, BRAND_COLOR);
}

/** CSAT average per advisor on the 1–5 scale, best at the top. */
export function csatOption(advisors: readonly ServiceMetricsRow[]): ServiceChartOption {
  const rows = ranked(advisors, (row) => row.csatAverage, false);
  const label = (value: unknown) => (typeof value === 'number' ? value.toFixed(1) : EMPTY);
  return horizontalBars(rows, '满意度', rows.map((row) => (row.csatAverage === null ? null : Math.round(row.csatAverage * 10) / 10)), label, THIRD_COLOR, 5);
}

/** Conversations handled and tasks done per advisor, side by side, busiest first. */
export function workloadOption(advisors: readonly ServiceMetricsRow[]): ServiceChartOption {
  const rows = ranked(advisors, (row) => row.conversations, false);
  return {
    color: [BRAND_COLOR, SECOND_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: ['会话数', '完成跟进'] },
    grid: { top: 40, left: 8, right: 8, bottom: 8 },
    xAxis: { type: 'category', data: rows.map((row) => row.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '会话数', type: 'bar', barMaxWidth: 24, data: rows.map((row) => row.conversations) },
      { name: '完成跟进', type: 'bar', barMaxWidth: 24, data: rows.map((row) => row.tasksDone) },
    ],
  };
}

/** Per day: conversations started, median first response in minutes and CSAT, each on its own axis. */
export function dailyOption(daily: ServiceMetricsResponse['daily']): ServiceChartOption {
  return {
    color: [BRAND_COLOR, SECOND_COLOR, THIRD_COLOR],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['会话数', '首次响应（分钟）', '满意度'] },
    grid: { top: 40, left: 8, right: 96, bottom: 8 },
    xAxis: { type: 'category', data: daily.map((day) => day.day) },
    yAxis: [
      { type: 'value', name: '会话', minInterval: 1 },
      { type: 'value', name: '分钟', splitLine: { show: false } },
      { type: 'value', name: '满意度', min: 0, max: 5, offset: 48, splitLine: { show: false } },
    ],
    series: [
      { name: '会话数', type: 'line', showSymbol: false, areaStyle: { opacity: 0.12 }, data: daily.map((day) => day.conversations) },
      { name: '首次响应（分钟）', type: 'line', yAxisIndex: 1, connectNulls: false, data: daily.map((day) => toMinutes(day.firstResponseSeconds)) },
      { name: '满意度', type: 'line', yAxisIndex: 2, connectNulls: false, data: daily.map((day) => (day.csatAverage === null ? null : Math.round(day.csatAverage * 10) / 10)) },
    ],
  };
}

/** Stores side by side: conversations (bars), median first response in minutes (bars) and CSAT (a line). */
export function storesOption(stores: readonly ServiceMetricsRow[]): ServiceChartOption {
  const rows = ranked(stores, (row) => row.conversations, false);
  return {
    color: [BRAND_COLOR, SECOND_COLOR, THIRD_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: ['会话数', '首次响应（分钟）', '满意度'] },
    grid: { top: 40, left: 8, right: 96, bottom: 8 },
    xAxis: { type: 'category', data: rows.map((row) => row.name) },
    yAxis: [
      { type: 'value', name: '会话', minInterval: 1 },
      { type: 'value', name: '分钟', splitLine: { show: false } },
      { type: 'value', name: '满意度', min: 0, max: 5, offset: 48, splitLine: { show: false } },
    ],
    series: [
      { name: '会话数', type: 'bar', barMaxWidth: 28, data: rows.map((row) => row.conversations) },
      { name: '首次响应（分钟）', type: 'bar', yAxisIndex: 1, barMaxWidth: 28, data: rows.map((row) => toMinutes(row.firstResponseSeconds)) },
      { name: '满意度', type: 'line', yAxisIndex: 2, data: rows.map((row) => (row.csatAverage === null ? null : Math.round(row.csatAverage * 10) / 10)) },
    ],
  };
}

export function barsHeight(rows: number): number {
  return Math.max(160, rows * 32 + 24);
}
