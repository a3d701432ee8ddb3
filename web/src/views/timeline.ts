// View 7 — Timeline: events and stance changes over time.
import { chart, PALETTE } from '../charts';
import { h, note, table } from '../dom';
import { countsByMonth, timelineItems, type EventRecord, type StanceRecord } from '../shape/timeline';
import type { ViewContext } from './context';

export async function timelineView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  const sid = encodeURIComponent(ctx.scenario.id);
  const [ev, hist] = await Promise.all([
    ctx.api.get<{ events: EventRecord[] }>(`/api/scenarios/${sid}/events`),
    ctx.api.get<{ stances: StanceRecord[] }>(`/api/scenarios/${sid}/history?limit=500`),
  ]);
  const items = timelineItems(ev.events, hist.stances);
  if (items.length === 0) { root.append(note('Nothing recorded yet.')); return; }
  const c = countsByMonth(items);
  const el = h('div', { class: 'chart short' });
  root.append(el);
  chart(el, {
    grid: { left: 10, right: 10, top: 30, bottom: 20, containLabel: true }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: c.months }, yAxis: { type: 'value', minInterval: 1 },
    series: c.kinds.map((k, i) => ({ name: k, type: 'bar', stack: 'n', data: c.counts[i], itemStyle: { color: PALETTE[i % PALETTE.length] } })),
  }, 'Events and stance changes per month');
  root.append(table(['date', 'kind', 'what'], items.map((i) => [i.date, h('span', { class: `kind ${i.source}` }, i.kind), i.text]),
    `${ev.events.length} events and ${hist.stances.length} recorded stance changes`, 'timeline'));
}
