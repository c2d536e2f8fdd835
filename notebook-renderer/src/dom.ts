// DOM building without innerHTML: every piece of data becomes a text node, so a customer id
// like `<img src=x onerror=alert(1)>` shows as text and never as markup.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: { class?: string; title?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs.class) node.className = attrs.class;
  if (attrs.title) node.title = attrs.title;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A simple table from header labels and rows of text; `numeric[i]` right-aligns column i. */
export function textTable(headers: string[], rows: string[][], numeric: boolean[] = []): HTMLTableElement {
  const cls = (i: number) => (numeric[i] ? 'num' : undefined);
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...headers.map((h, i) => el('th', { class: cls(i) }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', { class: cls(i) }, c))))),
  );
}
