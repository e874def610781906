/**
 * The token field. A token is checked against the server when entered (GET /api/v1/whoami,
 * the cheapest authenticated read) and kept only when the server knows it and lets it run
 * drills; the answer appears right under the field.
 */
import type { ApiClient } from '../api/api-client.js';
import { el } from '../shared/dom.js';
import { createFeedback } from './feedback.js';
import { field, input } from './form-fields.js';
import { forgetToken, readToken, saveToken } from './token-store.js';
import type { ViewContext } from './view-context.js';

const ROLES = ['admin', 'operator', 'ingest'] as const;

export function createTokenPanel(api: Pick<ApiClient, 'whoami'>, ctx: ViewContext, changed: () => void): { root: HTMLElement } {
  const { t } = ctx;
  const root = el('div', { class: 'token' });
  const feedback = createFeedback('token-feedback');

  function render(): void {
    if (readToken() !== null) {
      const forget = el('button', { type: 'button', 'data-testid': 'token-forget' }, t('token.forget'));
      forget.addEventListener('click', () => {
        forgetToken();
        feedback.clear();
        render();
        changed();
      });
      root.replaceChildren(el('p', {}, el('span', { 'data-testid': 'token-kept' }, t('token.kept')), ' ', forget), feedback.root);
      return;
    }
    const tokenInput = input('token-input', { type: 'password', autocomplete: 'off', required: true });
    const save = el('button', { type: 'submit', 'data-testid': 'token-save' }, t('token.save'));
    const form = el('form', { class: 'token-form' }, field('token-input', t('token.label'), tokenInput), save);
    tokenInput.addEventListener('input', () => feedback.clear());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const candidate = tokenInput.value.trim();
      if (candidate === '') return;
      void check(candidate, save);
    });
    root.replaceChildren(form, feedback.root);
  }

  async function check(candidate: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    feedback.ok(t('token.checking'));
    // the client reads the token from the store on every call: keep it while asking
    saveToken(candidate);
    const answer = await api.whoami();
    button.disabled = false;
    if (!answer.ok) {
      forgetToken();
      const status = answer.errors[0]?.status;
      feedback.problem(status === 0 ? t('problem.network') : status === 403 ? t('token.wrongRole') : t('token.unknown'));
      return;
    }
    const { name, role: given } = answer.value;
    const role = ROLES.find((r) => r === given);
    render();
    feedback.ok(t('token.accepted', { name, role: role === undefined ? given : t(`role.${role}`) }));
    changed();
  }

  render();
  return { root };
}
