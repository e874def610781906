/**
 * Operator controls: the token, start and stop a drill, scale by hand, post a notice. Each
 * control answers right under itself (feedback.ts). Without a token every control is
 * disabled with a note saying why. Built once per language (values carried over by
 * form-memory.ts); `update` only toggles state and refreshes the service lists.
 */
import type { ApiClient, ApiResult } from '../api/api-client.js';
import type { DrillDto, ServiceInfo } from '../api/api-types.js';
import { el, setAttr, setText } from '../shared/dom.js';
import { createFeedback, problemText, type Feedback } from './feedback.js';
import { isLiveSession } from './drill-phase.js';
import { createNoticeForm } from './notice-form.js';
import { createScaleForm, isScaleAnswer, scaleAnswerText } from './scale-form.js';
import { createStartForm } from './start-form.js';
import { createTokenPanel } from './token-panel.js';
import { readToken } from './token-store.js';
import { timeText, type ViewContext } from './view-context.js';

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

const FIELD_LABELS: Record<string, 'drill.scenario' | 'drill.speed' | 'drill.policy' | 'drill.source' | 'drill.from' | 'drill.to' | 'scale.service' | 'scale.desired' | 'noticeForm.stage'> = {
  scenario: 'drill.scenario', speed: 'drill.speed', policy: 'drill.policy', source: 'drill.source', from: 'drill.from', to: 'drill.to',
  service: 'scale.service', desired: 'scale.desired', stage: 'noticeForm.stage',
};

export function createDrillControls(deps: DrillControlsDeps, ctx: ViewContext): DrillControls {
  const { t } = ctx;
  let drill: DrillDto | null = null;
  let services: readonly ServiceInfo[] = [];
  const label = (field: string): string | null => {
    const key = FIELD_LABELS[field];
    return key === undefined ? null : t(key);
  };

  async function act<T>(button: HTMLButtonElement, feedback: Feedback, call: () => Promise<ApiResult<T>>, onOk: (data: T) => string): Promise<void> {
    button.disabled = true;
    feedback.clear();
    const outcome = await call();
    button.disabled = false;
    if (outcome.ok) feedback.ok(onOk(outcome.value));
    else feedback.problem(problemText(outcome.errors[0]!, t, label));
    refresh();
  }

  const token = createTokenPanel(deps.api, ctx, () => refresh());
  const start = createStartForm(ctx, (request, button) =>
    act(button, start.feedback, () => deps.api.startDrill(request), (data) => {
      deps.onDrill(data);
      return t('feedback.started', { id: data.id });
    }),
  );
  const current = el('p', { class: 'drill-status', 'data-testid': 'drill-status', 'aria-live': 'polite' });
  const stop = el('button', { type: 'button', 'data-testid': 'drill-stop' }, t('drill.stop'));
  const stopFeedback = createFeedback('stop-result');
  stop.addEventListener('click', () => {
    const id = drill?.id;
    if (id === undefined) return;
    void act(stop, stopFeedback, () => deps.api.stopDrill(id), (data) => {
      if (isDrill(data)) deps.onDrill(data);
      return t('feedback.stopped', { id });
    });
  });
  const scale = createScaleForm(ctx, (service, desired, button) =>
    act(button, scale.feedback, () => deps.api.scale(drill?.id ?? '', service, desired), (data) => {
      const name = services.find((s) => s.name === service)?.displayName ?? service;
      return isScaleAnswer(data) ? scaleAnswerText(data, name, ctx) : t('feedback.scaled', { service: name, applied: desired });
    }),
  );
  const notice = createNoticeForm(ctx, (request, button) => act(button, notice.feedback, () => deps.api.postNotice(request), () => t('feedback.noticePosted')));
  const needsToken = el('p', { class: 'note', 'data-testid': 'token-needed' }, t('token.needed'));
  const controls = el(
    'fieldset',
    { class: 'controls' },
    el('legend', { class: 'visually-hidden' }, t('drill.title')),
    el('div', { class: 'drill-current' }, current, stop, stopFeedback.root),
    start.root,
    scale.root,
    notice.root,
  );
  const root = el('div', { class: 'drill-controls' }, token.root, needsToken, controls);

  // the context this panel was built with may predate the plan's time zone
  let zone = ctx.timeZone;
  let latestNow: string | undefined;

  function statusLine(): { text: string; status: string } {
    if (drill === null || isLiveSession(drill)) return { text: t('drill.live'), status: 'live' };
    const now = latestNow !== undefined && latestNow > drill.scenarioNow ? latestNow : drill.scenarioNow;
    const time = timeText({ ...ctx, timeZone: zone }, now, 'dateTime');
    if (drill.status === 'running') return { text: t('drill.runningLine', { id: drill.id, time }), status: 'running' };
    return { text: t('drill.endedLine', { id: drill.id, status: t(`drillStatus.${drill.status}`), time }), status: drill.status };
  }

  function refresh(): void {
    const hasToken = readToken() !== null;
    controls.disabled = !hasToken;
    needsToken.hidden = hasToken;
    const running = drill !== null && !isLiveSession(drill) && drill.status === 'running';
    stop.disabled = !running;
    stop.hidden = !running;
    start.setEnabled(!running);
    scale.setEnabled(running);
    const line = statusLine();
    setText(current, line.text);
    setAttr(current, 'data-status', line.status);
  }

  refresh();
  return {
    root,
    update(next, list, timeZone, scenarioNow) {
      drill = next;
      services = list;
      zone = timeZone;
      latestNow = scenarioNow;
      start.setTimeZone(timeZone);
      scale.setServices(list);
      notice.setServices(list);
      notice.setTimeZone(timeZone);
      refresh();
    },
  };
}
