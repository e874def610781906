/**
 * The operator dashboard: socket pushes go through the pure store; the page redraws at most
 * once per animation frame, charts in place from the accumulated tick changes.
 */
import type { ApiClient } from '../api/api-client.js';
import type { Language, PlanSummary } from '../api/api-types.js';
import { createServiceCharts, type ServiceCharts } from '../charts/service-charts.js';
import { triggerMarks } from '../charts/trigger-marks.js';
import { languageSwitch } from '../i18n/browser-language.js';
import { translator } from '../i18n/translate.js';
import { createConnectionBadge } from '../live/connection-badge.js';
import { initialConnection, nextConnection, type ConnectionSignal } from '../live/connection-state.js';
import { openLiveLink } from '../live/socket-link.js';
import { createTokenPrompt } from '../live/token-prompt.js';
import { readToken } from './token-store.js';
import { applyDrillStatus, applyEvent, applyNotice, applySnapshot, applyTickBatch, emptyLiveState, type LiveUpdate, type TickChange } from '../store/live-store.js';
import { mergeTickChanges } from '../store/merge-changes.js';
import { byId, setText } from '../shared/dom.js';
import { safeTimeZone } from '../time/format-time.js';
import { createDrillControls, type DrillControls } from './drill-controls.js';
import { renderIncidents } from './incidents-view.js';
import { serviceOverview } from './overview.js';
import { renderPlan } from './plan-view.js';
import { createServiceCard, type ServiceCard } from './service-card.js';
import { renderTimeline } from './timeline-view.js';
import type { ViewContext } from './view-context.js';

export function startOperatorApp(api: ApiClient, initialLanguage: Language): void {
  let state = emptyLiveState();
  let connection = initialConnection;
  let language = initialLanguage;
  let pending: TickChange = { kind: 'reset' };
  let frame: number | null = null;
  let drawn = { events: state.events, notices: state.notices, plan: null as PlanSummary | null, language: '' };
  let planInForce: { plan: PlanSummary | null; raw: string | null } = { plan: null, raw: null };
  let planDirty = true;
  const axis = { timeZone: 'UTC', language, stepMs: 60_000 };
  const badge = createConnectionBadge();
  const cards = new Map<string, ServiceCard>();
  const charts = new Map<string, ServiceCharts>();
  let controls: DrillControls | null = null;

  const context = (): ViewContext => ({ language, timeZone: safeTimeZone(state.drill?.timezone ?? state.plan?.timezone), t: translator(language) });

  function schedule(): void {
    if (frame === null) frame = requestAnimationFrame(draw);
  }
  function take(update: LiveUpdate): void {
    state = update.state;
    // Every push is data: without this the indicator calls a busy live socket stale.
    connection = nextConnection(connection, 'data', Date.now());
    pending = mergeTickChanges(pending, update.ticks);
    schedule();
  }
  function signal(s: ConnectionSignal): void {
    connection = nextConnection(connection, s, Date.now());
    if (s === 'subscribed') prompt.hide();
    schedule();
  }

  function syncServices(ctx: ViewContext): void {
    const services = state.plan?.services ?? [];
    const names = services.map((s) => s.name).join('|');
    if ([...cards.keys()].join('|') === names) return;
    for (const chart of charts.values()) chart.destroy();
    cards.clear();
    charts.clear();
    for (const info of services) {
      cards.set(info.name, createServiceCard(info.name));
      charts.set(info.name, createServiceCharts(info, axis, ctx.t));
    }
    byId('cards').replaceChildren(...[...cards.values()].map((c) => c.root));
    byId('charts').replaceChildren(...[...charts.values()].map((c) => c.root));
    pending = { kind: 'reset' };
  }

  function drawCharts(): void {
    const change = pending;
    pending = { kind: 'none' };
    for (const [name, chart] of charts) {
      const marks = triggerMarks(state.events.items, name);
      if (change.kind === 'reset') chart.reset(state.ticks[name]?.items ?? [], marks);
      else {
        const appended = change.kind === 'append' ? change.services[name] : undefined;
        if (appended !== undefined || state.events !== drawn.events) chart.append(appended?.added ?? [], appended?.dropped ?? 0, marks);
      }
    }
  }

  function latestTickTime(): string | undefined {
    let latest: string | undefined;
    for (const buffer of Object.values(state.ticks)) {
      const t = buffer?.items[buffer.items.length - 1]?.t;
      if (t !== undefined && (latest === undefined || t > latest)) latest = t;
    }
    return latest;
  }

  function draw(): void {
    frame = null;
    const ctx = context();
    axis.timeZone = ctx.timeZone;
    axis.language = language;
    const relabel = drawn.language !== language;
    syncServices(ctx);
    if (relabel) relabelPage(ctx);
    badge.update(connection, Date.now(), state.drill?.status === 'running', ctx.t, language);
    byId('empty').hidden = state.plan !== null;
    for (const info of state.plan?.services ?? []) {
      const ticks = state.ticks[info.name]?.items ?? [];
      cards.get(info.name)?.update(serviceOverview(info, ticks[ticks.length - 1], state.notices.items), ctx);
    }
    drawCharts();
    const names = new Map((state.plan?.services ?? []).map((s) => [s.name, s.displayName]));
    if (relabel || state.events !== drawn.events) renderTimeline(byId('timeline'), state.events.items, ctx);
    if (relabel || state.notices !== drawn.notices) renderIncidents(byId('notice-list'), state.notices.items, names, ctx);
    if (relabel || planDirty || state.plan !== drawn.plan) renderPlan(byId('plan'), planInForce.plan ?? state.plan, planInForce.raw, ctx);
    planDirty = false;
    controls?.update(state.drill, state.plan?.services ?? [], ctx.timeZone, latestTickTime());
    drawn = { events: state.events, notices: state.notices, plan: state.plan, language };
  }

  function relabelPage(ctx: ViewContext): void {
    document.documentElement.lang = language;
    document.title = ctx.t('app.title');
    for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      setText(node, ctx.t(node.dataset.i18n as Parameters<typeof ctx.t>[0]));
    }
    byId('lang').replaceChildren(languageSwitch(language, ctx.t('lang.label'), (next) => {
      language = next;
      schedule();
    }));
    for (const chart of charts.values()) chart.setLanguage(ctx.t);
    controls = createDrillControls({ api, onDrill: (drill) => take(applyDrillStatus(state, drill, Date.now())) }, ctx);
    byId('controls').replaceChildren(controls.root);
  }

  byId('connection').replaceChildren(badge.root);
  // the plan file comes with an operator token: fetch again whenever the token changes
  let planToken = readToken();
  const loadPlan = (): void => void api.getPlan().then((result) => {
    planInForce = result.ok ? { plan: result.data, raw: result.data.raw } : { plan: null, raw: null };
    planDirty = true;
    schedule();
  });
  // on a server with private reads the live feed needs a token before anything shows
  const prompt = createTokenPrompt(translator(language), () => {
    link.reconnect();
    loadPlan();
  });
  byId('empty').before(prompt.root);
  loadPlan();
  const link = openLiveLink({
    refused: (refusal) => prompt.show(refusal.message),
    snapshot: (snapshot) => take(applySnapshot(state, snapshot, Date.now())),
    connection: signal,
    push: {
      'drill:tick': (batch) => take(applyTickBatch(state, batch, Date.now())),
      'drill:event': (event) => take(applyEvent(state, event, Date.now())),
      'drill:status': (drill) => take(applyDrillStatus(state, drill, Date.now())),
      'notice:published': (notice) => take(applyNotice(state, notice, Date.now())),
      'notice:updated': (notice) => take(applyNotice(state, notice, Date.now())),
    },
  });
  // The indicator's "last data" age must advance even when nothing arrives.
  setInterval(() => {
    if (readToken() !== planToken) {
      planToken = readToken();
      loadPlan();
    }
    schedule();
  }, 1000);
  schedule();
}
