type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | number | undefined | ((event: Event) => void)>;

/** A tiny element builder: `on*` keys become listeners, booleans toggle attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Replaces the page's content and moves focus to the new heading, so screen readers announce the step. */
export function show(root: HTMLElement, ...content: Node[]): void {
  root.replaceChildren(...content);
  const heading = root.querySelector<HTMLElement>('h2, h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}
