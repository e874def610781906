/** Labelled form fields with stable ids, so every control has a visible label and a test handle. */
import { el } from '../shared/dom.js';

export function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

export function select(id: string, options: readonly { value: string; label: string }[], selected?: string): HTMLSelectElement {
  const node = el('select', { id, name: id, 'data-testid': id });
  setOptions(node, options, selected);
  return node;
}

/** Replaces the options only when they differ, keeping the user's choice where it still exists. */
export function setOptions(node: HTMLSelectElement, options: readonly { value: string; label: string }[], selected?: string): void {
  const same = node.options.length === options.length && options.every((o, i) => node.options[i]?.value === o.value && node.options[i]?.text === o.label);
  if (same) return;
  // a choice carried over a language switch before the options arrived (form-memory.ts)
  const keep = selected ?? node.dataset.pending ?? node.value;
  delete node.dataset.pending;
  node.replaceChildren(...options.map((o) => el('option', { value: o.value, selected: o.value === keep }, o.label)));
}

export function input(id: string, attrs: Record<string, string | number | boolean>): HTMLInputElement {
  return el('input', { id, name: id, 'data-testid': id, ...attrs });
}

export function textarea(id: string): HTMLTextAreaElement {
  return el('textarea', { id, name: id, 'data-testid': id, rows: 2, required: true });
}
