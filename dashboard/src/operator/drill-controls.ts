/**
 * Operator controls: the token, start and stop a drill, scale by hand, post a notice.
 * Without a token every control is disabled with a note saying why. Built once per
 * language; `update` only toggles state and refreshes the service lists.
 */
import { POLICY_NAMES } from '../../../server/core/plan/types.js';
import type { ApiClient, ApiResult } from '../api/api-client.js';
import type { DrillDto, IncidentStageName, ServiceInfo } from '../api/api-types.js';
import { el, setAttr, setText } from '../shared/dom.js';
import { field, input, select, setOptions, textarea } from './form-fields.js';
import { STAGE_ORDER } from './incidents.js';
import { zonedInputToIso } from '../time/zoned-input.js';
import { forgetToken, readToken, saveToken } from './token-store.js';
import { stageText, timeText, type ViewContext } from './view-context.js';

export interface DrillControls {
  root: HTMLElement;
  /**
   * `timeZone`: the scenario's, in which the from/to fields are read and times shown;
   * `scenarioNow`: the latest tick's time, fresher than the drill's own (sent only when its status changes)
   */
  update(drill: DrillDto | null, services: readonly ServiceInfo[], timeZone: string, scenarioNow?: string): void;
}

export interface DrillControlsDeps {
  api: ApiClient;
  /** a drill the API just returned (started or stopped), ahead of the socket's drill:status */
  onDrill(drill: DrillDto): void;
}

/** Stop may answer without a body; only a drill-shaped answer is passed on. */
function isDrill(value: unknown): value is DrillDto {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && typeof (value as { status?: unknown }).status === 'string';
}

const SCENARIOS = ['feb3'] as const;

export function createDrillControls(deps: DrillControlsDeps, ctx: ViewContext): DrillControls {
  const { t } = ctx;
  const result = el('p', { class: 'result', role: 'status', 'aria-live': 'polite', 'data-testid': 'control-result' });
  let drill: DrillDto | null = null;

  async function act<T>(button: HTMLButtonElement, call: () => Promise<ApiResult<T>>, onOk?: (data: T) => void): Promise<void> {
    button.disabled = true;
    setText(result, '');
    const outcome = await call();
    button.disabled = false;
    if (outcome.ok) {
      setText(result, t('result.ok'));
      onOk?.(outcome.data);
    } else {
      setText(result, t('result.failed', { message: outcome.error.field ? `${outcome.error.message} (${outcome.error.field})` : outcome.error.message }));
    }
    refresh();
  }

  const token = createTokenPanel(ctx, () => refresh());
  const passDrill = (data: unknown): void => {
    if (isDrill(data)) deps.onDrill(data);
  };
  const start = createStartForm(ctx, (request, button) => act(button, () => deps.api.startDrill(request), passDrill));
  const current = el('p', { class: 'drill-status', 'data-testid': 'drill-status' });
  const reports = el('p', { class: 'reports' });
  const stop = el('button', { type: 'button', 'data-testid': 'drill-stop' }, t('drill.stop'));
  stop.addEventListener('click', () => {
    if (drill !== null) void act(stop, () => deps.api.stopDrill(drill?.id ?? ''), passDrill);
  });
  const scale = createScaleForm(ctx, (service, desired, button) => act(button, () => deps.api.scale(drill?.id ?? '', service, desired)));
  const notice = createNoticeForm(ctx, (request, button) => act(button, () => deps.api.postNotice(request)));
  const needsToken = el('p', { class: 'note', 'data-testid': 'token-needed' }, t('token.needed'));
  const controls = el('fieldset', { class: 'controls' }, el('legend', { class: 'visually-hidden' }, t('drill.title')), start.root, el('div', { class: 'drill-current' }, current, reports, stop), scale.root, notice.root);
  const root = el('div', { class: 'drill-controls' }, token.root, needsToken, controls, result);

  // the context this panel was built with may predate the plan's time zone
  let zone = ctx.timeZone;
  let latestNow: string | undefined;

  function refresh(): void {
    const hasToken = readToken() !== null;
    controls.disabled = !hasToken;
    needsToken.hidden = hasToken;
    const running = drill?.status === 'running';
    stop.disabled = !running;
    scale.setEnabled(running);
    const now = latestNow !== undefined && drill !== null && latestNow > drill.scenarioNow ? latestNow : drill?.scenarioNow ?? null;
    setText(current, drill === null ? t('drill.none') : `${t('drill.current')} ${drill.id}: ${t(`drillStatus.${drill.status}`)} · ${t('drill.scenarioTime')} ${timeText({ ...ctx, timeZone: zone }, now, 'dateTime')}`);
    setAttr(current, 'data-status', drill?.status ?? 'none');
    reports.replaceChildren(
      ...(drill === null
        ? []
        : [
            el('a', { href: deps.api.reportUrl(drill.id, 'html'), 'data-testid': 'report-html' }, t('drill.report')),
            ' · ',
            el('a', { href: deps.api.reportUrl(drill.id, 'json'), 'data-testid': 'report-json' }, t('drill.reportJson')),
          ]),
    );
  }

  refresh();
  return {
    root,
    update(next, services, timeZone, scenarioNow) {
      drill = next;
      zone = timeZone;
      latestNow = scenarioNow;
      start.setTimeZone(timeZone);
      scale.setServices(services);
      notice.setServices(services);
      refresh();
    },
  };
}

function createTokenPanel(ctx: ViewContext, changed: () => void): { root: HTMLElement } {
  const root = el('div', { class: 'token' });
  function render(): void {
    if (readToken() !== null) {
      const forget = el('button', { type: 'button', 'data-testid': 'token-forget' }, ctx.t('token.forget'));
      forget.addEventListener('click', () => {
        forgetToken();
        render();
        changed();
      });
      root.replaceChildren(el('span', { 'data-testid': 'token-kept' }, ctx.t('token.kept')), ' ', forget);
      return;
    }
    const tokenInput = input('token-input', { type: 'password', autocomplete: 'off', required: true });
    const form = el('form', { class: 'token-form' }, field('token-input', ctx.t('token.label'), tokenInput), el('button', { type: 'submit', 'data-testid': 'token-save' }, ctx.t('token.save')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (tokenInput.value.trim() === '') return;
      saveToken(tokenInput.value);
      render();
      changed();
    });
    root.replaceChildren(form);
  }
  render();
  return { root };
}

type StartRequest = Parameters<ApiClient['startDrill']>[0];

function createStartForm(ctx: ViewContext, submit: (request: StartRequest, button: HTMLButtonElement) => void): { root: HTMLElement; setTimeZone(zone: string): void } {
  const { t } = ctx;
  const scenario = select('drill-scenario', SCENARIOS.map((s) => ({ value: s, label: s })));
  const speed = input('drill-speed', { type: 'number', min: 1, max: 100000, step: 1, value: 60, required: true, inputmode: 'numeric' });
  const policy = select('drill-policy', [{ value: '', label: t('drill.policyDefault') }, ...POLICY_NAMES.map((p) => ({ value: p, label: p }))]);
  const source = select('drill-source', [
    { value: 'generated', label: t('drill.sourceGenerated') },
    { value: 'external', label: t('drill.sourceExternal') },
  ]);
  const from = input('drill-from', { type: 'datetime-local', step: 60 });
  const to = input('drill-to', { type: 'datetime-local', step: 60 });
  let timeZone = ctx.timeZone;
  const zoneNote = el('p', { class: 'note', id: 'drill-zone-note' }, t('drill.zoneNote', { zone: timeZone }));
  from.setAttribute('aria-describedby', zoneNote.id);
  to.setAttribute('aria-describedby', zoneNote.id);
  const button = el('button', { type: 'submit', 'data-testid': 'drill-start' }, t('drill.start'));
  const root = el(
    'form',
    { class: 'start-form', 'data-testid': 'drill-form' },
    field('drill-scenario', t('drill.scenario'), scenario),
    field('drill-speed', t('drill.speed'), speed),
    field('drill-policy', t('drill.policy'), policy),
    field('drill-source', t('drill.source'), source),
    el('div', { class: 'field-pair' }, field('drill-from', t('drill.from'), from), field('drill-to', t('drill.to'), to)),
    zoneNote,
    button,
  );
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = POLICY_NAMES.find((p) => p === policy.value);
    const fromIso = zonedInputToIso(from.value, timeZone);
    const toIso = zonedInputToIso(to.value, timeZone);
    submit(
      {
        scenario: scenario.value,
        speed: Number(speed.value),
        source: source.value === 'external' ? 'external' : 'generated',
        ...(chosen ? { policy: chosen } : {}),
        ...(fromIso ? { from: fromIso } : {}),
        ...(toIso ? { to: toIso } : {}),
      },
      button,
    );
  });
  return {
    root,
    setTimeZone(zone) {
      if (zone === timeZone) return;
      timeZone = zone;
      setText(zoneNote, t('drill.zoneNote', { zone }));
    },
  };
}

function serviceOptions(services: readonly ServiceInfo[]): { value: string; label: string }[] {
  return services.map((s) => ({ value: s.name, label: s.displayName }));
}

function createScaleForm(ctx: ViewContext, submit: (service: string, desired: number, button: HTMLButtonElement) => void) {
  const { t } = ctx;
  const service = select('scale-service', []);
  const desired = input('scale-desired', { type: 'number', min: 0, step: 1, value: 10, required: true, inputmode: 'numeric' });
  const button = el('button', { type: 'submit', 'data-testid': 'scale-submit' }, t('scale.submit'));
  const note = el('p', { class: 'note' }, t('scale.needsDrill'));
  const root = el('form', { class: 'scale-form' }, el('h3', {}, t('scale.title')), field('scale-service', t('scale.service'), service), field('scale-desired', t('scale.desired'), desired), button, note);
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(service.value, Number(desired.value), button);
  });
  return {
    root,
    setServices: (services: readonly ServiceInfo[]) => setOptions(service, serviceOptions(services)),
    setEnabled(enabled: boolean) {
      button.disabled = !enabled;
      note.hidden = enabled;
    },
  };
}

type NoticeRequest = Parameters<ApiClient['postNotice']>[0];

function createNoticeForm(ctx: ViewContext, submit: (request: NoticeRequest, button: HTMLButtonElement) => void) {
  const { t } = ctx;
  const service = select('notice-service', []);
  const stage = select('notice-stage', STAGE_ORDER.map((s) => ({ value: s, label: stageText(ctx, s) })));
  const titleEn = input('notice-title-en', { type: 'text', required: true, lang: 'en' });
  const bodyEn = textarea('notice-body-en');
  const titleZh = input('notice-title-zh', { type: 'text', required: true, lang: 'zh-CN' });
  const bodyZh = textarea('notice-body-zh');
  bodyZh.lang = 'zh-CN';
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
    button,
  );
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = STAGE_ORDER.find((s): s is IncidentStageName => s === stage.value) ?? 'investigating';
    submit({ service: service.value, stage: chosen, text: { en: { title: titleEn.value, body: bodyEn.value }, 'zh-CN': { title: titleZh.value, body: bodyZh.value } } }, button);
  });
  return { root, setServices: (services: readonly ServiceInfo[]) => setOptions(service, serviceOptions(services)) };
}
