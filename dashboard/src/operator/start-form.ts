/** The form that starts a drill: scenario, speed, policy, traffic source and an optional window. */
import type { ApiClient } from '../api/api-client.js';
import type { PolicyName } from '../api/api-types.js';
import { everyMember } from '../shared/every-member.js';
import { el, setAttr, setText } from '../shared/dom.js';
import { formatTime } from '../time/format-time.js';
import { zonedInputToIso } from '../time/zoned-input.js';
import { createFeedback, type Feedback } from './feedback.js';
import { field, input, select } from './form-fields.js';
import { isoToZonedInput, SCENARIO_WINDOWS } from './scenario-windows.js';
import type { ViewContext } from './view-context.js';

const POLICY_NAMES = everyMember<PolicyName>()(['step', 'target-tracking', 'predictive', 'none']);

export type StartRequest = Parameters<ApiClient['startDrill']>[0];

export interface StartForm {
  root: HTMLElement;
  feedback: Feedback;
  setTimeZone(zone: string): void;
  /** false while a drill runs: one drill at a time */
  setEnabled(enabled: boolean): void;
}

export function createStartForm(ctx: ViewContext, submit: (request: StartRequest, button: HTMLButtonElement) => void): StartForm {
  const { t } = ctx;
  const names = Object.keys(SCENARIO_WINDOWS);
  const scenario = select('drill-scenario', names.map((s) => ({ value: s, label: s === 'feb3' ? t('scenario.feb3') : s })));
  const speed = input('drill-speed', { type: 'number', min: 1, max: 10000, step: 1, value: 60, required: true, inputmode: 'numeric' });
  const policy = select('drill-policy', [{ value: '', label: t('drill.policyDefault') }, ...POLICY_NAMES.map((p) => ({ value: p, label: t(`policy.${p}`) }))]);
  const source = select('drill-source', [
    { value: 'generated', label: t('drill.sourceGenerated') },
    { value: 'external', label: t('drill.sourceExternal') },
  ]);
  const from = input('drill-from', { type: 'datetime-local', step: 60 });
  const to = input('drill-to', { type: 'datetime-local', step: 60 });
  let timeZone = ctx.timeZone;
  const zoneNote = el('p', { class: 'note', id: 'drill-zone-note', 'data-testid': 'drill-zone-note' });
  from.setAttribute('aria-describedby', zoneNote.id);
  to.setAttribute('aria-describedby', zoneNote.id);
  const button = el('button', { type: 'submit', 'data-testid': 'drill-start' }, t('drill.start'));
  const blocked = el('p', { class: 'note', 'data-testid': 'drill-start-blocked', hidden: true }, t('drill.startBlocked'));
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
    blocked,
  );
  const feedback = createFeedback('control-result', root);
  root.append(feedback.root);

  /** Bounds the pickers to the scenario and says which dates it covers. */
  function describeWindow(): void {
    const window = SCENARIO_WINDOWS[scenario.value];
    if (window === undefined) {
      setText(zoneNote, t('drill.zoneNote', { zone: timeZone }));
      return;
    }
    for (const picker of [from, to]) {
      setAttr(picker, 'min', isoToZonedInput(window.start, timeZone));
      setAttr(picker, 'max', isoToZonedInput(window.end, timeZone));
    }
    const at = (iso: string): string => formatTime(iso, timeZone, ctx.language, 'dateTime');
    setText(zoneNote, `${t('drill.covers', { scenario: scenario.selectedOptions[0]?.text ?? scenario.value, from: at(window.start), to: at(window.end), zone: timeZone })} ${t('drill.zoneNote', { zone: timeZone })}`);
  }
  scenario.addEventListener('change', describeWindow);
  describeWindow();

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
    feedback,
    setTimeZone(zone) {
      if (zone === timeZone) return;
      timeZone = zone;
      describeWindow();
    },
    setEnabled(enabled) {
      button.disabled = !enabled;
      blocked.hidden = enabled;
    },
  };
}
