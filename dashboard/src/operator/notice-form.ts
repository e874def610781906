/** Post a notice by hand, in both languages. */
import type { ApiClient } from '../api/api-client.js';
import type { IncidentStageName, ServiceInfo } from '../api/api-types.js';
import { el } from '../shared/dom.js';
import { zonedInputToIso } from '../time/zoned-input.js';
import { createFeedback, type Feedback } from './feedback.js';
import { field, input, select, setOptions, textarea } from './form-fields.js';
import { STAGE_ORDER } from './incidents.js';
import { stageText, type ViewContext } from './view-context.js';

type NoticeRequest = Parameters<ApiClient['postNotice']>[0];

export interface NoticeForm {
  root: HTMLElement;
  feedback: Feedback;
  setServices(services: readonly ServiceInfo[]): void;
  setTimeZone(zone: string): void;
}

export function createNoticeForm(ctx: ViewContext, submit: (request: NoticeRequest, button: HTMLButtonElement) => void): NoticeForm {
  const { t } = ctx;
  const service = select('notice-service', []);
  const stage = select('notice-stage', STAGE_ORDER.map((s) => ({ value: s, label: stageText(ctx, s) })));
  const titleEn = input('notice-title-en', { type: 'text', required: true, lang: 'en' });
  const bodyEn = textarea('notice-body-en');
  const titleZh = input('notice-title-zh', { type: 'text', required: true, lang: 'zh-CN' });
  const bodyZh = textarea('notice-body-zh');
  bodyZh.lang = 'zh-CN';
  const causeEn = input('notice-cause-en', { type: 'text', lang: 'en' });
  const causeZh = input('notice-cause-zh', { type: 'text', lang: 'zh-CN' });
  const delay = input('notice-expected-delay', { type: 'number', min: 0, max: 86_400, step: 1 });
  // read in the scenario's zone, like the drill window
  const recovery = input('notice-expected-recovery', { type: 'datetime-local', step: 60 });
  let zone = ctx.timeZone;
  const button = el('button', { type: 'submit', 'data-testid': 'notice-submit' }, t('noticeForm.submit'));
  const root = el(
    'form',
    { class: 'notice-form' },
    el('h3', {}, t('noticeForm.title')),
    field('notice-service', t('scale.service'), service),
    field('notice-stage', t('noticeForm.stage'), stage),
    field('notice-title-en', t('noticeForm.titleEn'), titleEn),
    field('notice-body-en', t('noticeForm.bodyEn'), bodyEn),
    field('notice-title-zh', t('noticeForm.titleZh'), titleZh),
    field('notice-body-zh', t('noticeForm.bodyZh'), bodyZh),
    field('notice-cause-en', t('noticeForm.causeEn'), causeEn),
    field('notice-cause-zh', t('noticeForm.causeZh'), causeZh),
    field('notice-expected-delay', t('noticeForm.delay'), delay),
    field('notice-expected-recovery', t('noticeForm.recovery'), recovery),
    button,
  );
  const feedback = createFeedback('notice-result', root);
  root.append(feedback.root);
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = STAGE_ORDER.find((s): s is IncidentStageName => s === stage.value) ?? 'investigating';
    const recoveryIso = zonedInputToIso(recovery.value, zone);
    const cause = causeEn.value.trim() && causeZh.value.trim() ? { en: causeEn.value.trim(), 'zh-CN': causeZh.value.trim() } : null;
    const delaySeconds = delay.value === '' ? null : Number(delay.value);
    submit(
      {
        service: service.value,
        stage: chosen,
        text: { en: { title: titleEn.value, body: bodyEn.value }, 'zh-CN': { title: titleZh.value, body: bodyZh.value } },
        ...(cause ? { cause } : {}),
        ...(delaySeconds !== null && Number.isFinite(delaySeconds) ? { expectedDelayMs: Math.round(delaySeconds * 1000) } : {}),
        ...(recoveryIso ? { expectedRecoveryAt: recoveryIso } : {}),
      },
      button,
    );
  });
  return {
    root,
    feedback,
    setServices: (services) => setOptions(service, services.map((s) => ({ value: s.name, label: s.displayName }))),
    setTimeZone(next) {
      zone = next;
    },
  };
}
