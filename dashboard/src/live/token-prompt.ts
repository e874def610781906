/**
 * The reader's token prompt for a server whose reads are private: hidden until the server
 * refuses a read or the live feed, then it shows why and takes a token. The token is kept
 * like the operator's (token-store.ts: this browser session only, never in the address),
 * and every read and socket handshake sends it from then on.
 */
import type { Translate } from '../i18n/translate.js';
import { saveToken } from '../operator/token-store.js';
import { el, setText } from '../shared/dom.js';

export interface TokenPrompt {
  root: HTMLElement;
  /** show the prompt with the server's reason */
  show(reason: string): void;
  hide(): void;
}

export function createTokenPrompt(t: Translate, onToken: () => void): TokenPrompt {
  const reason = el('p', { role: 'alert', 'data-testid': 'token-prompt-reason' });
  const input = el('input', { id: 'access-token', type: 'password', autocomplete: 'off', required: true, 'data-testid': 'token-prompt-input' });
  const form = el(
    'form',
    { class: 'token-prompt banner', 'data-testid': 'token-prompt', hidden: true },
    el('p', {}, t('access.needed')),
    reason,
    el('label', { for: 'access-token' }, t('access.label')),
    ' ',
    input,
    ' ',
    el('button', { type: 'submit', 'data-testid': 'token-prompt-save' }, t('token.save')),
  );
  const hide = (): void => {
    form.hidden = true;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim() === '') return;
    saveToken(input.value);
    input.value = '';
    hide();
    onToken();
  });
  return {
    root: form,
    show(text) {
      setText(reason, text);
      form.hidden = false;
    },
    hide,
  };
}
