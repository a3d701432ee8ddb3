// Timeline items: recorded events and stance changes, newest last.
export interface EventRecord { id: number; date: string; kind: string; text: string }
export interface StanceRecord { version: string; party: string; point: string; stance: string; set_at: string; set_by?: string }
export interface TimelineItem { date: string; kind: string; text: string; source: 'event' | 'stance' }

export function timelineItems(events: EventRecord[], stances: StanceRecord[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...events.map((e) => ({ date: e.date, kind: e.kind, text: e.text, source: 'event' as const })),
    ...stances.map((s) => ({
      date: s.set_at.slice(0, 10), kind: `stance: ${s.stance}`,
      text: `${s.party} on ${s.point} (${s.version}): ${s.stance}`, source: 'stance' as const,
    })),
  ];
  return items.sort((a, b) => a.date.localeCompare(b.date));
}

// Events per kind and month ("YYYY-MM"), for a stacked bar chart.
export function countsByMonth(items: TimelineItem[]): { months: string[]; kinds: string[]; counts: number[][] } {
  const months = [...new Set(items.map((i) => i.date.slice(0, 7)))].sort();
  const kinds = [...new Set(items.map((i) => (i.source === 'stance' ? 'stance change' : i.kind)))].sort();
  const counts = kinds.map((k) => months.map((m) => items.filter((i) =>
    i.date.startsWith(m) && (i.source === 'stance' ? 'stance change' : i.kind) === k).length));
  return { months, kinds, counts };
}
