// View 6 — Stability: states × decision makers × concepts, equilibria, the status-quo path.
import { explain } from '../api';
import { h, note } from '../dom';
import type { GmcrResult } from '../model';
import { equilibriaLines, stabilityRows } from '../shape/stability';
import { isMediator, type ViewContext } from './context';

export async function stabilityView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  if (ctx.caller.role === 'observer') { root.append(note('An observer is not shown analysis results.')); return; }
  if (!ctx.scenario.doc.conflict && isMediator(ctx)) {
    root.append(note('The scenario has no conflict: section, so there is no stability analysis (docs/gmcr.md).'));
    return;
  }
  let run;
  try {
    run = await ctx.api.latestRun<GmcrResult>(ctx.scenario.id, 'gmcr', ctx.scenario.revision, {}, isMediator(ctx));
  } catch (e) {
    root.append(note(explain(e), 'error'));
    return;
  }
  if (!run) { root.append(note('No stability analysis has been run yet; the mediator can run one.')); return; }
  const r = run.result;
  const { dms, concepts, rows } = stabilityRows(r);
  if (r.options?.length)
    root.append(h('p', {}, 'States are one Y/N per option, in this order: '),
      h('ol', { class: 'options' }, ...r.options.map((o) => h('li', {}, h('b', {}, o.id), o.label ? ` — ${o.label}` : ''))));
  if (dms.length === 0) root.append(note('Which decision maker finds which state stable is shown to the mediator only; these are the equilibria.'));
  root.append(h('div', { class: 'scroll' }, h('table', { class: 'stability' },
    h('caption', {}, `${r.states?.count ?? rows.length} feasible states; ✓ stable for that decision maker under that concept; highlighted rows are equilibria; SQ the status quo`),
    h('thead', {},
      h('tr', {}, h('th', { scope: 'col', rowspan: 2 }, 'state'),
        ...dms.map((d) => h('th', { scope: 'colgroup', colspan: concepts.length }, d)), h('th', { scope: 'col', rowspan: 2 }, 'equilibrium under')),
      h('tr', {}, ...dms.flatMap(() => concepts.map((c) => h('th', { scope: 'col' }, c))))),
    h('tbody', {}, ...rows.map((row) => h('tr', { class: `${row.equilibriumUnder.length ? 'eq' : ''}${row.statusQuo ? ' sq' : ''}` },
      h('th', { scope: 'row' }, h('code', {}, row.state), row.statusQuo ? ' SQ' : ''),
      ...dms.flatMap((d) => concepts.map((c) => h('td', { class: row.stable[d][c] ? 'yes' : '' }, row.stable[d][c] ? '✓' : ''))),
      h('td', {}, row.equilibriumUnder.join(', '))))))));
  root.append(h('h3', {}, 'Equilibria'), h('ul', {}, ...equilibriaLines(r).map((t) => h('li', {}, t))));
  if (r.status_quo) root.append(h('p', {}, 'Status quo: ', h('code', {}, r.status_quo.state)));
  const paths = r.status_quo?.paths.listed ?? [];
  if (paths.length) {
    root.append(h('h3', {}, 'From the status quo'), h('ul', {}, ...paths.map((p) => h('li', {}, h('code', {}, p.target), ': ',
      p.by_improvements ? p.by_improvements.map((s) => (s.mover ? `(${s.mover}) ` : '') + s.state).join(' → ') : 'not reachable by unilateral improvements'))));
  }
}
