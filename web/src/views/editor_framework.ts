// The editor's framework: versions (drafts) and their points, each point with the option (or
// value) it sets on each issue (docs/format.md "Framework"). Stances are recorded elsewhere
// (the stance routes); the editor keeps those the document already has.
import { h } from '../dom';
import type { IssueDoc, PointDoc, VersionDoc } from '../model';
import { optionLabel } from '../model';
import { newPoint, newVersion, optionIds, setPointSetting, setsValue } from '../shape/editor';
import { button, type Editor, numberField, textField } from './editor_state';

function settingField(ed: Editor, point: PointDoc, issue: IssueDoc, id: string, path: string): HTMLElement {
  const current = setsValue(point, issue);
  let input: HTMLInputElement | HTMLSelectElement;
  if (issue.range) {
    input = h('input', { id, type: 'number', step: 'any', value: current, 'data-path': path });
  } else {
    const ids = optionIds(issue);
    input = h('select', { id, 'data-path': path }, h('option', { value: '', selected: current === '' }, '(open)'),
      ...(issue.options ?? []).map((o, j) => h('option', { value: ids[j], selected: current === ids[j] }, optionLabel(o))));
  }
  input.addEventListener(issue.range ? 'input' : 'change', () => {
    Object.assign(point, setPointSetting(point, issue, input.value));
    if (!point.sets || Object.keys(point.sets).length === 0) delete point.sets;
    ed.edited();
  });
  return h('label', { class: 'field', for: id }, `${issue.id} `, input);
}

function pointBlock(ed: Editor, v: VersionDoc, k: number, j: number): HTMLElement {
  const p = v.points![j];
  const at = `framework.versions[${k}].points[${j}]`;
  return h('div', { class: 'ed-point', 'data-path': at },
    h('div', { class: 'ed-row' },
      textField('Point id', `point-${k}-${j}-id`, p.id, (x) => { p.id = x.trim(); ed.edited(); }, undefined, `${at}.id`),
      numberField('Number', `point-${k}-${j}-number`, p.number, (x) => { p.number = x ?? j + 1; ed.edited(); }, `${at}.number`),
      button('Remove', `point-${k}-${j}-remove`, () => { v.points!.splice(j, 1); ed.restructured(); }, { 'aria-label': `Remove point ${p.id}` })),
    textField('Text', `point-${k}-${j}-text`, p.text ?? '', (x) => { p.text = x; ed.edited(); }, undefined, `${at}.text`),
    h('div', { class: 'ed-row' }, h('span', { class: 'note' }, 'Sets:'),
      ...(ed.doc.issues ?? []).map((i) => settingField(ed, p, i, `point-${k}-${j}-set-${i.id}`, `${at}.sets.${i.id}`))));
}

export function frameworkSection(ed: Editor): HTMLElement {
  // Read without creating: drawing the form never changes the document.
  const versions = ed.doc.framework?.versions ?? [];
  const blocks = versions.map((v, k) => {
    const at = `framework.versions[${k}]`;
    const points = v.points ?? [];
    return h('div', { class: 'ed-version', 'data-path': at },
      h('div', { class: 'ed-row' },
        textField('Version id', `version-${k}-id`, v.id, (x) => { v.id = x.trim(); ed.edited(); }, undefined, `${at}.id`),
        textField('Label', `version-${k}-label`, v.label ?? '', (x) => {
          if (x) v.label = x; else delete v.label;
          ed.edited();
        }, undefined, `${at}.label`),
        textField('Date', `version-${k}-date`, v.date ?? '', (x) => {
          if (x) v.date = x; else delete v.date;
          ed.edited();
        }, undefined, `${at}.date`),
        button('Remove', `version-${k}-remove`, () => { versions.splice(k, 1); ed.restructured(); }, { 'aria-label': `Remove version ${v.id}` })),
      ...points.map((_, j) => pointBlock(ed, v, k, j)),
      button('Add a point', `add-point-${k}`, () => { v.points = [...points, newPoint(ed.doc, v)]; ed.restructured(); }));
  });
  return h('fieldset', { class: 'ed-block', id: 'ed-framework', 'data-path': 'framework' }, h('legend', {}, 'Versions and points'),
    h('p', { class: 'note' }, 'An issue no point of a version sets is open in that version. Point ids are unique across versions.'),
    ...blocks,
    button('Add a version', 'add-version', () => {
      const fw = ed.doc.framework ?? (ed.doc.framework = {});
      fw.versions = [...(fw.versions ?? []), newVersion(ed.doc)];
      ed.restructured();
    }));
}
