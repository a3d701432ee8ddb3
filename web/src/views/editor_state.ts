// The editor's state shared by its parts: the document being edited, the revision it was based
// on, and two notifications — `edited` (a value changed: the checks run again after a pause)
// and `restructured` (something was added, removed or renamed: the form is drawn again).
import type { Api } from '../api';
import { h } from '../dom';
import type { Doc } from '../shape/editor';

// Set while the form is being drawn again (editor.ts).
export const redrawing = { now: false };

export interface Editor {
  api: Api;
  doc: Doc;
  base: number;          // the revision the document was based on (0: not stored yet)
  party: string | null;  // a party edits only its own preferences
  edited(): void;
  restructured(): void;
}

// A labelled text input writing through `set` on every keystroke; `commit` (optional) runs
// when the field is left (ids: renaming follows references, then the form is redrawn).
export function textField(label: string, id: string, value: string, set: (v: string) => void,
                          commit?: (v: string) => void, path?: string): HTMLElement {
  const input = h('input', { id, type: 'text', value, 'data-path': path, spellcheck: 'false' });
  input.addEventListener('input', () => set(input.value));
  // Chromium fires `change` on a focused field while the redraw removes it: a commit then
  // would rename again from the old value and leave the page drawn from an older document.
  if (commit) {
    input.addEventListener('change', () => {
      if (!redrawing.now && input.isConnected && input.value.trim() !== value.trim()) commit(input.value);
    });
  }
  return h('label', { class: 'field', for: id }, label + ' ', input);
}

export function numberField(label: string, id: string, value: number | undefined, set: (v: number | undefined) => void,
                            path?: string): HTMLElement {
  const input = h('input', { id, type: 'number', step: 'any', value: value === undefined ? '' : String(value), 'data-path': path });
  input.addEventListener('input', () => set(input.value === '' ? undefined : Number(input.value)));
  return h('label', { class: 'field', for: id }, label + ' ', input);
}

// A 0–1 slider with its value written beside it.
export function slider(label: string, id: string, value: number, onInput: (v: number) => void, path?: string):
  { el: HTMLElement; set(v: number): void } {
  const input = h('input', { id, type: 'range', min: '0', max: '1', step: '0.01', value: String(value), 'data-path': path });
  const out = h('output', { for: id, id: `${id}-value` }, fmt(value));
  input.addEventListener('input', () => { out.textContent = fmt(Number(input.value)); onInput(Number(input.value)); });
  return {
    el: h('label', { class: 'field slider', for: id }, label + ' ', input, out),
    set(v: number) { input.value = String(v); out.textContent = fmt(v); },
  };
}

export function fmt(x: number): string { return (Math.round(x * 10000) / 10000).toString(); }

export function button(text: string, id: string, onclick: () => void, extra: Record<string, string> = {}): HTMLButtonElement {
  return h('button', { type: 'button', id, onclick, ...extra }, text);
}
