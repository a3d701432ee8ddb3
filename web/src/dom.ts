// Building DOM safely: text always goes through textContent, never innerHTML.
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

// A labelled <select>; calls onChange with the chosen value.
export function select(label: string, id: string, options: { value: string; text: string }[], value: string,
                       onChange: (v: string) => void): HTMLElement {
  const sel = h('select', { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.text)));
  return h('label', { class: 'field', for: id }, label + ' ', sel);
}

export function table(head: string[], rows: (string | Node)[][], caption?: string, cls = ''): HTMLElement {
  return h('div', { class: 'scroll' }, h('table', { class: cls },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c)))))));
}

export function note(text: string, cls = 'note'): HTMLElement {
  return h('p', { class: cls }, text);
}
