/**
 * The answer to a button, shown right under it: a sentence for a person, which clears itself
 * after a while (successes) or when the form is edited again (problems), so no old "Done."
 * lingers a screen away from what caused it.
 */
import type { ApiError } from '../api/api-client.js';
import type { Translate } from '../i18n/translate.js';
import { el, setAttr, setText } from '../shared/dom.js';

export const SUCCESS_SHOWN_MS = 8000;

export interface Feedback {
  root: HTMLElement;
  ok(text: string): void;
  problem(text: string): void;
  clear(): void;
}

export function createFeedback(testid: string, form?: HTMLElement): Feedback {
  const root = el('p', { class: 'feedback', role: 'status', 'aria-live': 'polite', 'data-testid': testid, hidden: true });
  let timer: ReturnType<typeof setTimeout> | null = null;
  function show(tone: 'ok' | 'problem', text: string): void {
    if (timer !== null) clearTimeout(timer);
    timer = tone === 'ok' ? setTimeout(clear, SUCCESS_SHOWN_MS) : null;
    setAttr(root, 'data-tone', tone);
    setText(root, text);
    root.hidden = false;
    // the answer must be seen where the person is looking, however long the page
    root.scrollIntoView?.({ block: 'nearest' });
  }
  function clear(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    setText(root, '');
    root.hidden = true;
  }
  form?.addEventListener('input', clear);
  return { root, ok: (text) => show('ok', text), problem: (text) => show('problem', text), clear };
}

/** Maximum speed named in the server's refusal ("at most N"), for a sentence of our own. */
function maxSpeedIn(message: string): string | null {
  return /at most (\d+(?:\.\d+)?)/.exec(message)?.[1] ?? null;
}

/** A refusal in words for a person, in the page's language; the server's text is for the API. */
export function problemText(error: ApiError, t: Translate, fieldLabel: (field: string) => string | null): string {
  if (error.status === 0) return t('problem.network');
  if (error.status === 401) return t('problem.token');
  if (error.status === 403) return t('problem.forbidden');
  switch (error.code) {
    case 'drill.running':
      return t('problem.running');
    case 'drill.not-running':
      return t('problem.notRunning');
    case 'drill.speed':
      return t('problem.speed', { max: maxSpeedIn(error.message) ?? '?' });
    case 'drill.range':
      return t('problem.range');
  }
  const field = error.field?.split('.').pop();
  if (field === 'speed') return t('problem.speedRange', { max: 10000 });
  const label = field === undefined ? null : fieldLabel(field);
  return label === null ? t('problem.other', { code: error.code }) : t('problem.field', { field: label });
}
