// The editor's issues: discrete options (ordered) or a numeric range (docs/format.md
// "Issues"). Renaming an issue follows the preferences and the points that set it.
import { h } from '../dom';
import type { IssueDoc, OptionDoc } from '../model';
import { freshId, newIssue, optionIds, removeIssue, renameIssue, renameOption } from '../shape/editor';
import { button, type Editor, numberField, textField } from './editor_state';

function optionsBlock(ed: Editor, issue: IssueDoc, k: number): HTMLElement {
  // Plain string options become {id, label} objects so that a label can be added.
  const options = (issue.options ?? []).map((o) => (typeof o === 'string' ? { id: o } : o)) as OptionDoc[];
  issue.options = options;
  const rows = options.map((o, j) => h('div', { class: 'ed-row ed-option' },
    textField('Option id', `issue-${k}-opt-${j}-id`, o.id, () => undefined, (v) => {
      ed.doc = renameOption(ed.doc, issue.id, o.id, v.trim());
      ed.restructured();
    }, `issues[${k}].options[${j}].id`),
    textField('Label', `issue-${k}-opt-${j}-label`, o.label ?? '', (v) => {
      if (v) o.label = v; else delete o.label;
      ed.edited();
    }, undefined, `issues[${k}].options[${j}].label`),
    button('Remove', `issue-${k}-opt-${j}-remove`, () => { options.splice(j, 1); ed.restructured(); },
      { 'aria-label': `Remove option ${o.id}` })));
  return h('div', { class: 'ed-options' }, ...rows,
    button('Add an option', `add-option-${k}`, () => {
      options.push({ id: freshId('O', optionIds(issue)) });
      ed.restructured();
    }));
}

function rangeBlock(ed: Editor, issue: IssueDoc, k: number): HTMLElement {
  const r = issue.range ?? (issue.range = { min: 0, max: 100, step: 10 });
  const at = `issues[${k}].range`;
  return h('div', { class: 'ed-row' },
    numberField('Min', `issue-${k}-min`, r.min, (v) => { r.min = v ?? 0; ed.edited(); }, `${at}.min`),
    numberField('Max', `issue-${k}-max`, r.max, (v) => { r.max = v ?? 0; ed.edited(); }, `${at}.max`),
    numberField('Step', `issue-${k}-step`, r.step, (v) => {
      if (v === undefined) delete r.step; else r.step = v;
      ed.edited();
    }, `${at}.step`),
    textField('Unit', `issue-${k}-unit`, r.unit ?? '', (v) => {
      if (v) r.unit = v; else delete r.unit;
      ed.edited();
    }, undefined, `${at}.unit`));
}

export function issuesSection(ed: Editor): HTMLElement {
  const issues = ed.doc.issues ?? (ed.doc.issues = []);
  const blocks = issues.map((issue, k) => h('div', { class: 'ed-issue', 'data-path': `issues[${k}]` },
    h('div', { class: 'ed-row' },
      textField('Issue id', `issue-${k}-id`, issue.id, () => undefined, (v) => {
        ed.doc = renameIssue(ed.doc, issue.id, v.trim());
        ed.restructured();
      }, `issues[${k}].id`),
      textField('Title', `issue-${k}-title`, issue.title ?? '', (v) => { issue.title = v; ed.edited(); }, undefined, `issues[${k}].title`),
      h('span', { class: 'note' }, issue.range ? 'numeric range' : 'options, in order'),
      button('Remove', `issue-${k}-remove`, () => { ed.doc = removeIssue(ed.doc, issue.id); ed.restructured(); },
        { 'aria-label': `Remove issue ${issue.id}` })),
    issue.range ? rangeBlock(ed, issue, k) : optionsBlock(ed, issue, k)));
  return h('fieldset', { class: 'ed-block', id: 'ed-issues', 'data-path': 'issues' }, h('legend', {}, 'Issues'),
    ...blocks,
    h('div', { class: 'buttons' },
      button('Add an issue with options', 'add-issue', () => { issues.push(newIssue(ed.doc, 'options')); ed.restructured(); }),
      button('Add a range issue', 'add-range-issue', () => { issues.push(newIssue(ed.doc, 'range')); ed.restructured(); })));
}
