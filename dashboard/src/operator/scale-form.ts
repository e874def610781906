/** Scale one service by hand during a drill; the answer says what was applied and why. */
import type { ServiceInfo } from '../api/api-types.js';
import { el, setText } from '../shared/dom.js';
import { createFeedback, type Feedback } from './feedback.js';
import { field, input, select, setOptions } from './form-fields.js';
import type { ViewContext } from './view-context.js';

export interface ScaleForm {
  root: HTMLElement;
  feedback: Feedback;
  setServices(services: readonly ServiceInfo[]): void;
  setEnabled(enabled: boolean): void;
}

/** The server's answer to a scale request (server/drills/scale-answer.ts). */
export interface ScaleAnswer {
  service: string;
  requested: number;
  applied: number;
  reason: 'within-limits' | 'raised-to-minimum' | 'capped-at-maximum';
}

export function isScaleAnswer(value: unknown): value is ScaleAnswer {
  const v = value as Partial<ScaleAnswer> | null;
  return typeof v === 'object' && v !== null && typeof v.applied === 'number' && typeof v.requested === 'number' && typeof v.reason === 'string';
}

export function scaleAnswerText(answer: ScaleAnswer, displayName: string, ctx: ViewContext): string {
  const params = { service: displayName, applied: answer.applied, requested: answer.requested };
  if (answer.reason === 'raised-to-minimum') return ctx.t('feedback.scaledMin', params);
  if (answer.reason === 'capped-at-maximum') return ctx.t('feedback.scaledMax', params);
  return ctx.t('feedback.scaled', params);
}

export function createScaleForm(ctx: ViewContext, submit: (service: string, desired: number, button: HTMLButtonElement) => void): ScaleForm {
  const { t } = ctx;
  const service = select('scale-service', []);
  const desired = input('scale-desired', { type: 'number', min: 0, step: 1, value: 10, required: true, inputmode: 'numeric' });
  const button = el('button', { type: 'submit', 'data-testid': 'scale-submit' }, t('scale.submit'));
  const note = el('p', { class: 'note' }, t('scale.needsDrill'));
  const range = el('p', { class: 'note', id: 'scale-range', 'data-testid': 'scale-range' });
  desired.setAttribute('aria-describedby', range.id);
  const root = el('form', { class: 'scale-form' }, el('h3', {}, t('scale.title')), field('scale-service', t('scale.service'), service), field('scale-desired', t('scale.desired'), desired), range, button, note);
  const feedback = createFeedback('scale-result', root);
  root.append(feedback.root);
  let limits = new Map<string, ServiceInfo>();
  function bound(): void {
    const info = limits.get(service.value);
    // said, not enforced by the field: the server's answer explains a value outside it
    setText(range, info === undefined ? '' : t('scale.range', { min: info.minServers, max: info.maxServers }));
  }
  service.addEventListener('change', bound);
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(service.value, Number(desired.value), button);
  });
  return {
    root,
    feedback,
    setServices(services) {
      limits = new Map(services.map((s) => [s.name, s]));
      setOptions(service, services.map((s) => ({ value: s.name, label: s.displayName })));
      bound();
    },
    setEnabled(enabled) {
      button.disabled = !enabled;
      note.hidden = enabled;
    },
  };
}
