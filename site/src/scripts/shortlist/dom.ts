// Building the shortlist pages' DOM without a framework: elements with text content only (never
// innerHTML), so provider texts and the person's own words cannot inject markup.
type Child = Node | string | false | null | undefined;
type Attributes = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Empties an element and fills it again. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** `{name}` placeholders, as shared/i18n's fill (which would bring every message into the bundle). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

export function pluralForm(intlLocale: string, forms: { one: string; other: string }, count: number): string {
  return new Intl.PluralRules(intlLocale).select(count) === 'one' ? forms.one : forms.other;
}

/** A link the printed page can show with its full address (print.css prints http links' href). */
export function absoluteHref(path: string): string {
  return new URL(path, window.location.href).href;
}
