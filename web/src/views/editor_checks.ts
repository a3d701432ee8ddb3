// The editor's live checks, computed by the server, never here: the diagnostics of
// `accord validate` (POST /api/validate) and, for a mediator, evaluate and bargain on the
// unsaved document (POST /api/analyses/{engine}); the canonical YAML from the server's writer
// for the download.
import { explain } from '../api';
import { h, table } from '../dom';
import type { ScenarioDoc } from '../model';
import type { Validation } from '../shape/editor';
import { bargainingParties, diagnosticLine, fieldFor } from '../shape/editor';
import type { Editor } from './editor_state';

export interface Checks {
  el: HTMLElement;
  // Runs the checks on `doc` after a pause (the latest call wins).
  schedule(doc: ScenarioDoc): void;
  // The checks of `doc` now; resolves with the validation (and its canonical YAML).
  now(doc: ScenarioDoc): Promise<Validation>;
}

const PAUSE_MS = 300;

function markFields(form: HTMLElement, v: Validation): void {
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const fields = [...form.querySelectorAll<HTMLElement>('[data-path]')];
  const paths = fields.map((f) => f.dataset.path!);
  for (const d of v.diagnostics) {
    if (d.severity !== 'error') continue;
    const best = fieldFor(d.path, paths);
    if (best !== null) fields.filter((f) => f.dataset.path === best).forEach((f) => f.setAttribute('aria-invalid', 'true'));
  }
}

function statusLine(v: Validation): HTMLElement {
  const text = v.valid ? `Valid scenario (${v.warnings} warning${v.warnings === 1 ? '' : 's'}), as \`accord validate\` says.`
    : `${v.errors} error${v.errors === 1 ? '' : 's'}, ${v.warnings} warning${v.warnings === 1 ? '' : 's'} (the checks of \`accord validate\`).`;
  return h('p', { class: v.valid ? 'finding ok' : 'finding', id: 'ed-valid', 'data-valid': v.valid ? 'true' : 'false' }, text);
}

function diagnosticsList(v: Validation): HTMLElement {
  return h('ul', { class: 'ed-diagnostics', id: 'ed-diagnostics' },
    ...v.diagnostics.map((d) => h('li', { class: `diag-${d.severity}`, 'data-path': d.path }, diagnosticLine(d))));
}

type Row = (string | Node)[];
interface EvalOut { version: string | null; parties?: { party: string; utility: { min: number; max: number }; reservation: number; verdict: string }[] }
interface BargainOut { finding: string; parties: string[]; zone: { exists: boolean; count: number }; solutions?: { nash?: { package: Record<string, unknown>; utilities: number[] } | null } }

const f3 = (x: number) => x.toFixed(3);

async function previews(ed: Editor, doc: ScenarioDoc, box: HTMLElement, isCurrent: () => boolean): Promise<void> {
  const versions = doc.framework?.versions ?? [];
  const params = versions.length ? { version: versions[versions.length - 1].id } : {};
  const parts: HTMLElement[] = [];
  if (versions.length) {
    try {
      const r = (await ed.api.request<{ result: EvalOut }>('POST', '/api/analyses/evaluate', { scenario: doc, params })).result;
      const rows: Row[] = (r.parties ?? []).map((p) => [p.party,
        p.utility.max - p.utility.min > 1e-9 ? `${f3(p.utility.min)}–${f3(p.utility.max)}` : f3(p.utility.min),
        f3(p.reservation), h('span', { class: `v-${p.verdict}` }, p.verdict)]);
      parts.push(h('div', { id: 'ed-evaluate' }, table(['party', 'utility', 'reservation', 'verdict'], rows, `Evaluation of ${r.version} (unsaved document)`)));
    } catch (e) { parts.push(h('p', { class: 'note' }, `Evaluation: ${explain(e)}`)); }
  }
  if (bargainingParties(doc).length === 0) {
    parts.push(h('p', { class: 'note', id: 'ed-bargain-none' }, 'Bargaining starts once a party or mediator has preferences.'));
    if (isCurrent()) box.replaceChildren(...parts);
    return;
  }
  try {
    const b = (await ed.api.request<{ result: BargainOut }>('POST', '/api/analyses/bargain', { scenario: doc, params })).result;
    const nash = b.solutions?.nash;
    parts.push(h('p', { class: b.zone.exists ? 'finding ok' : 'finding', id: 'ed-bargain' },
      `Bargaining among ${b.parties.join(', ')}: ${b.zone.exists ? `a zone of agreement of ${b.zone.count} package${b.zone.count === 1 ? '' : 's'}` : 'no zone of agreement'} (${b.finding}).`
      + (nash ? ` Nash package: ${Object.entries(nash.package).map(([k, x]) => `${k}=${String(x)}`).join(', ')}; utilities ${nash.utilities.map(f3).join(', ')}.` : '')));
  } catch (e) { parts.push(h('p', { class: 'note' }, `Bargaining: ${explain(e)}`)); }
  if (isCurrent()) box.replaceChildren(...parts);
}

export function checksPanel(ed: Editor, form: () => HTMLElement): Checks {
  const status = h('div', { id: 'ed-status', role: 'status', 'aria-live': 'polite' });
  const list = h('div', {});
  const results = h('div', { id: 'ed-results' });
  const el = h('section', { class: 'ed-checks', id: 'ed-checks', 'aria-label': 'Checks' }, h('h3', {}, 'Checks'), status, list,
    h('p', { class: 'note' }, 'Each problem names its field (outlined in the form); lines and columns count in the document as sent to the server (JSON, 2-space indented).'),
    ed.party ? h('p', { class: 'note' }, 'Evaluations of an unsaved document are run by the mediator; yours appear once the mediator runs them.')
      : h('div', {}, h('h3', {}, 'Result of the unsaved document'), results));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  async function now(doc: ScenarioDoc): Promise<Validation> {
    const mine = ++seq;
    el.setAttribute('aria-busy', 'true');
    try {
      const v = await ed.api.request<Validation>('POST', '/api/validate', { scenario: doc, canonical: 'yaml', name: `${doc.id || 'scenario'}.json` });
      if (mine === seq) {
        status.replaceChildren(statusLine(v));
        list.replaceChildren(diagnosticsList(v));
        markFields(form(), v);
        if (v.valid && !ed.party) await previews(ed, doc, results, () => mine === seq);
        else if (!ed.party) results.replaceChildren(h('p', { class: 'note' }, 'Shown once the document is valid.'));
      }
      return v;
    } catch (e) {
      if (mine === seq) status.replaceChildren(h('p', { class: 'message error' }, explain(e)));
      throw e;
    } finally {
      if (mine === seq) { el.removeAttribute('aria-busy'); el.setAttribute('data-checked', String(mine)); }
    }
  }
  return {
    el,
    now,
    schedule(doc: ScenarioDoc) {
      clearTimeout(timer);
      el.setAttribute('aria-busy', 'true');
      timer = setTimeout(() => { now(JSON.parse(JSON.stringify(doc))).catch(() => undefined); }, PAUSE_MS);
    },
  };
}
