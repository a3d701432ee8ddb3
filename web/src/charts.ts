// ECharts, with only the charts and components the dashboard uses (smaller bundle), drawn as
// SVG. Charts are disposed when a view is left and resized with the window.
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent,
  TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart, AriaComponent, DataZoomComponent,
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
  VisualMapComponent, SVGRenderer]);

export type Chart = echarts.ECharts;
export type Option = echarts.EChartsCoreOption;

const live = new Set<Chart>();

export function chart(el: HTMLElement, option: Option, label: string): Chart {
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  const c = echarts.init(el, null, { renderer: 'svg' });
  c.setOption({ aria: { enabled: true, label: { description: label } }, animation: false, ...option });
  live.add(c);
  return c;
}

export function disposeCharts(): void {
  for (const c of live) c.dispose();
  live.clear();
}

let timer: number | undefined;
window.addEventListener('resize', () => {
  clearTimeout(timer);
  timer = window.setTimeout(() => live.forEach((c) => c.resize()), 100);
});

export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a5c00', '#444444'];
export const STANCE_COLOURS: Record<string, string> = {
  accept: '#2da44e', conditional: '#d4a72c', reject: '#e5534b', unknown: '#d0d7de',
};
