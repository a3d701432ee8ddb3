// View — Graph: the conflict's state graph (docs/gmcr.md "The graph"). States as boxes in
// columns by the number of options taken, moves coloured by decision maker (improvements solid),
// the status quo in bold, its paths thick; choose the concept whose equilibria are highlighted,
// click (or focus + Enter) a state for its name, the moves from it and why it is stable or not.
import { explain } from '../api';
import { h, note, select } from '../dom';
import { BOX_H, boxWidth, edgeGeometry, type GmcrGraphResult, highlighted, label, stateDetails } from '../shape/graph';
import { isMediator, type ViewContext } from './context';

const SVG = 'http://www.w3.org/2000/svg';
function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...kids: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of kids) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export async function graphView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  if (!isMediator(ctx)) {
    root.append(note('The state graph (every decision maker\'s moves and the status quo) is shown to the mediator only; the Stability view lists the equilibria.'));
    return;
  }
  if (!ctx.scenario.doc.conflict) {
    root.append(note('The scenario has no conflict: section, so there is no state graph (docs/gmcr.md).'));
    return;
  }
  let run;
  try {
    run = await ctx.api.latestRun<GmcrGraphResult>(ctx.scenario.id, 'gmcr', ctx.scenario.revision, { graph: true }, true);
  } catch (e) {
    root.append(note(explain(e), 'error'));
    return;
  }
  const r = run?.result;
  const g = r?.graph;
  if (!r || !g) { root.append(note('No graph in the stability analysis.')); return; }
  if (!g.drawn) { root.append(note(g.note)); return; }
  const nodes = g.nodes ?? [], edges = g.edges ?? [];
  const concepts = (g.concepts ?? []).map((c) => c.concept);
  const conceptColour = Object.fromEntries((g.concepts ?? []).map((c) => [c.concept, c.colour]));
  const dmColour = Object.fromEntries((g.decision_makers ?? []).map((d) => [d.id, d.colour]));
  let concept = ctx.state.graphConcept && (concepts.includes(ctx.state.graphConcept) || ctx.state.graphConcept === 'any') ? ctx.state.graphConcept : 'any';

  const box = boxWidth(g);
  const width = Math.max(g.width ?? 600, 400), height = g.height ?? 400;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'State graph of the conflict', class: 'gmcr-graph', width: '100%' });
  const edgeLayer = s('g', { class: 'edges' });
  for (const e of edges) {
    const { d, head } = edgeGeometry(nodes[e.from], nodes[e.to], box);
    const colour = dmColour[e.dm] ?? '#888';
    const opacity = e.improvement ? 0.85 : 0.3;
    edgeLayer.append(
      s('path', { class: `mv${e.improvement ? ' imp' : ''}${e.status_quo_path ? ' sqp' : ''}`, d, fill: 'none', stroke: colour,
        'stroke-width': e.status_quo_path ? 3 : e.improvement ? 1.4 : 0.8, 'stroke-opacity': e.status_quo_path ? 1 : opacity,
        'stroke-dasharray': e.improvement ? 'none' : '3 3', 'data-from': e.from, 'data-to': e.to },
      s('title', {}, `${e.dm}: ${nodes[e.from].pattern} → ${nodes[e.to].pattern}${e.improvement ? ' (improvement)' : ''}`)),
      s('polygon', { points: head, fill: colour, 'fill-opacity': opacity }));
  }
  const details = h('div', { id: 'graph-details', class: 'graph-details', 'aria-live': 'polite' },
    h('p', { class: 'note' }, 'Click a state (or focus it and press Enter) to see its name, the moves from it and why it is stable or not.'));
  const nodeLayer = s('g', { class: 'nodes' });
  const groups: SVGGElement[] = [];
  nodes.forEach((n, k) => {
    const rect = s('rect', { x: n.x - box / 2, y: n.y - BOX_H / 2, width: box, height: BOX_H, rx: 3, fill: '#fff',
      stroke: n.status_quo ? '#000' : '#888', 'stroke-width': n.status_quo ? 2.5 : 1 });
    const grp = s('g', { class: `st${n.status_quo ? ' sq' : ''}`, tabindex: 0, role: 'button', 'data-node': k, 'data-pattern': n.pattern,
      'aria-label': `${n.pattern}: ${n.name}${n.status_quo ? ', status quo' : ''}${n.equilibrium.length ? `, equilibrium under ${n.equilibrium.join(', ')}` : ''}` },
    s('title', {}, `${n.pattern}: ${n.name}`), rect,
    s('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle', 'font-family': 'monospace', 'font-size': 12 }, label(n)));
    if (n.status_quo) grp.append(s('text', { x: n.x - box / 2 - 4, y: n.y + 4, 'text-anchor': 'end', 'font-size': 11 }, 'SQ'));
    let dot = n.x + box / 2 + 6;
    for (const c of concepts) {
      if (!n.equilibrium.includes(c)) continue;
      grp.append(s('circle', { cx: dot, cy: n.y, r: 3.5, fill: conceptColour[c] ?? '#999' }, s('title', {}, c)));
      dot += 8;
    }
    const pick = () => show(k);
    grp.addEventListener('click', pick);
    grp.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') { ev.preventDefault(); pick(); } });
    grp.style.cursor = 'pointer';
    groups.push(grp);
    nodeLayer.append(grp);
  });
  svg.append(edgeLayer, nodeLayer);

  function paint(): void {
    const hl = highlighted(g!, concept);
    groups.forEach((grp, k) => {
      grp.classList.toggle('hl', hl.has(k));
      grp.querySelector('rect')!.setAttribute('fill', hl.has(k) ? '#fff3c4' : '#fff');
    });
  }
  function show(k: number): void {
    const d = stateDetails(r!, k);
    groups.forEach((grp, j) => grp.classList.toggle('chosen', j === k));
    groups.forEach((grp, j) => grp.querySelector('rect')!.setAttribute('stroke', j === k ? '#0969da' : nodes[j].status_quo ? '#000' : '#888'));
    details.replaceChildren(
      h('h3', {}, h('code', {}, nodes[k].pattern), ' — ', nodes[k].name),
      ...d.facts.map((f) => h('p', {}, f)),
      h('h4', {}, 'Moves from it'),
      d.moves.length ? h('ul', { class: 'moves' }, ...d.moves.map((m) => h('li', {}, `${m.name}: `,
        ...m.to.flatMap((t, i) => [i ? ', ' : '', h('code', {}, t.pattern), t.improvement ? ' (improvement)' : ''])))) : h('p', {}, 'No decision maker can move from it.'),
      d.why.length ? h('h4', {}, 'Why it is stable or not') : '',
      d.why.length ? h('ul', { class: 'why' }, ...d.why.map((w) => h('li', {}, w))) : '');
  }

  const legend = h('ul', { class: 'legend', style: 'display:flex;flex-wrap:wrap;gap:2px 16px;list-style:none;padding:0' },
    ...(g.decision_makers ?? []).map((d) => h('li', {}, h('span', { style: `color:${d.colour}` }, '━━ '), `moves of ${d.name}`)),
    h('li', {}, 'solid: an improvement of the mover; dashed: another move; thick: a path from the status quo; bold box: the status quo (SQ); shaded: equilibrium under the chosen concept; dots: every concept it is an equilibrium under'),
    ...(g.concepts ?? []).map((c) => h('li', {}, h('span', { style: `color:${c.colour}` }, '● '), c.concept)));
  root.append(
    h('div', { class: 'controls' }, select('Highlight equilibria under', 'graph-concept',
      [{ value: 'any', text: 'any concept' }, ...concepts.map((c) => ({ value: c, text: c }))], concept,
      (v) => { concept = v; ctx.state.graphConcept = v; paint(); })),
    h('p', { class: 'note' }, g.note),
    legend,
    h('div', { class: 'scroll graph' }, svg),
    details);
  paint();
}
