// The editor's scenario header and parties: id, name and role of each (docs/format.md
// "Parties", "Roles and signatories"). Renaming a party follows its preferences and stances.
import { h } from '../dom';
import { newParty, removeParty, renameParty } from '../shape/editor';
import { button, type Editor, textField } from './editor_state';

export function headerSection(ed: Editor): HTMLElement {
  const d = ed.doc;
  return h('fieldset', { class: 'ed-block', id: 'ed-scenario' }, h('legend', {}, 'Scenario'),
    h('p', { class: 'note' }, `Id: ${d.id} (fixed once chosen; a new id is a new scenario).`),
    textField('Title', 'ed-title', d.title ?? '', (v) => { d.title = v; ed.edited(); }, undefined, 'title'),
    textField('Description', 'ed-description', d.description ?? '', (v) => {
      if (v) d.description = v; else delete d.description;
      ed.edited();
    }, undefined, 'description'),
    textField('Date (YYYY-MM-DD)', 'ed-date', d.date ?? '', (v) => {
      if (v) d.date = v; else delete d.date;
      ed.edited();
    }, undefined, 'date'));
}

const ROLES = ['party', 'mediator', 'stakeholder'] as const;

export function partiesSection(ed: Editor): HTMLElement {
  const parties = ed.doc.parties ?? (ed.doc.parties = []);
  const rows = parties.map((p, k) => {
    const role = h('select', { id: `party-${k}-role`, 'data-path': `parties[${k}].role` },
      ...ROLES.map((r) => h('option', { value: r, selected: (p.role ?? 'party') === r }, r)));
    role.addEventListener('change', () => { p.role = role.value as typeof ROLES[number]; ed.edited(); });
    return h('div', { class: 'ed-row', 'data-path': `parties[${k}]` },
      textField('Id', `party-${k}-id`, p.id, () => undefined, (v) => {
        ed.doc = renameParty(ed.doc, p.id, v.trim());
        ed.restructured();
      }, `parties[${k}].id`),
      textField('Name', `party-${k}-name`, p.name ?? '', (v) => { p.name = v; ed.edited(); }, undefined, `parties[${k}].name`),
      h('label', { class: 'field', for: `party-${k}-role` }, 'Role ', role),
      button('Remove', `party-${k}-remove`, () => { ed.doc = removeParty(ed.doc, p.id); ed.restructured(); },
        { 'aria-label': `Remove party ${p.id}` }));
  });
  return h('fieldset', { class: 'ed-block', id: 'ed-parties', 'data-path': 'parties' }, h('legend', {}, 'Parties'),
    h('p', { class: 'note' }, 'Parties and mediators bargain and sign when they have preferences; stakeholders are shown beside every package but do not bargain (docs/format.md "Roles and signatories").'),
    ...rows,
    button('Add a party', 'add-party', () => { parties.push(newParty(ed.doc)); ed.restructured(); }));
}
