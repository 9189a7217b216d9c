import type { TierView } from '@glow/contracts';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/* Only what the tier chart needs is registered (see overview-charts.ts): bars with their axes and tooltip. */
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };

export type TierChartOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

const BRAND_COLOR = '#b0456b';

/** Members holding each tier, one column per tier from the lowest on the left, each labelled with its count. */
export function membersByTierOption(tiers: TierView[]): TierChartOption {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  return {
    color: [BRAND_COLOR],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { top: 24, left: 8, right: 16, bottom: 8 },
    xAxis: { type: 'category', data: ladder.map((tier) => tier.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '会员数', type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top' }, data: ladder.map((tier) => tier.memberCount) }],
  };
}
