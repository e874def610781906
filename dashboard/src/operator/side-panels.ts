/**
 * The side column: one panel per row of this table, a heading over the element its view
 * renders into. The heading carries its message key, so a change of language relabels it
 * like every other [data-i18n] node.
 */
import type { MessageKey, Translate } from '../i18n/translate.js';
import { el } from '../shared/dom.js';

interface SidePanel {
  /** names the heading: `<name>-title` */
  name: string;
  title: MessageKey;
  /** the element the view renders into */
  body: { tag: 'div' | 'ol'; id: string; className?: string; testId?: string };
}

const SIDE_PANELS: readonly SidePanel[] = [
  { name: 'controls', title: 'drill.title', body: { tag: 'div', id: 'controls' } },
  { name: 'history', title: 'history.title', body: { tag: 'ol', id: 'history', className: 'history', testId: 'drill-history' } },
  { name: 'notices', title: 'notices.title', body: { tag: 'ol', id: 'notice-list', className: 'incidents', testId: 'notice-list' } },
  { name: 'timeline', title: 'timeline.title', body: { tag: 'ol', id: 'timeline', className: 'timeline', testId: 'timeline' } },
  { name: 'plan', title: 'plan.title', body: { tag: 'div', id: 'plan', testId: 'plan' } },
];

export function sidePanels(t: Translate): HTMLElement[] {
  return SIDE_PANELS.map(({ name, title, body }) =>
    el(
      'section',
      { 'aria-labelledby': `${name}-title`, class: 'panel' },
      el('h2', { id: `${name}-title`, 'data-i18n': title }, t(title)),
      el(body.tag, { id: body.id, class: body.className, 'data-testid': body.testId }),
    ),
  );
}
