import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts drawn here, bundled: the page needs nothing from the network but the API.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

/**
 * Draws a bar chart into `element` (SVG, so it stays sharp and can be checked), stacked when
 * asked; marks the element `data-rendered` once ECharts has finished drawing it.
 */
export function drawBars(
  element: HTMLElement,
  options: { categories: readonly string[]; series: readonly Series[]; stacked?: boolean; horizontal?: boolean; percent?: boolean },
): void {
  element.removeAttribute('data-rendered');
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, undefined, { renderer: 'svg' });
  const category = { type: 'category' as const, data: [...options.categories] };
  const value = {
    type: 'value' as const,
    ...(options.percent && { max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }),
  };
  chart.on('finished', () => element.setAttribute('data-rendered', 'true'));
  chart.setOption(
    {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 36, bottom: 40, containLabel: true },
      xAxis: options.horizontal ? value : category,
      yAxis: options.horizontal ? { ...category, inverse: true } : value,
      series: options.series.map((series) => ({
        type: 'bar' as const,
        name: series.name,
        data: [...series.values],
        ...(options.stacked && { stack: 'total' }),
      })),
    },
    true,
  );
}
