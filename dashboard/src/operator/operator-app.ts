/**
 * The operator dashboard: socket pushes go through the pure store; the page redraws at most
 * once per animation frame, charts in place from the accumulated tick changes. A drill that
 * ends is held on screen (charts, summary, report) until the operator goes back to live
 * traffic or starts another; the server's live session carries on underneath meanwhile.
 */
import type { ApiClient } from '../api/api-client.js';
import type { DrillDto, EngineEvent, Language, Notice, PlanSummary, PromiseRecord, ServiceInfo } from '../api/api-types.js';
import { createServiceCharts, type ServiceCharts } from '../charts/service-charts.js';
import { triggerMarks } from '../charts/trigger-marks.js';
import { languageSwitch } from '../i18n/browser-language.js';
import { translator } from '../i18n/translate.js';
import { createConnectionBadge } from '../live/connection-badge.js';
import { initialConnection, nextConnection, type ConnectionSignal } from '../live/connection-state.js';
import { openLiveLink } from '../live/socket-link.js';
import { createTokenPrompt } from '../live/token-prompt.js';
import { readToken } from './token-store.js';
import { applyDrillStatus, applyEvent, applyNotice, applySnapshot, applyTickBatch, emptyLiveState, type LiveState, type LiveUpdate, type TickChange } from '../store/live-store.js';
import { mergeTickChanges } from '../store/merge-changes.js';
import { byId, setText } from '../shared/dom.js';
import { safeTimeZone } from '../time/format-time.js';
import { createDrillControls, type DrillControls } from './drill-controls.js';
import { renderHistory } from './drill-history.js';
import { isEndedDrill, isRunningDrill } from './drill-phase.js';
import { drillSummary } from './drill-summary.js';
import { renderFinished } from './finished-view.js';
import { carryFormValues } from './form-memory.js';
import { renderIncidents } from './incidents-view.js';
import { localServices } from './local-plan.js';
import { serviceOverview } from './overview.js';
import { renderPlan } from './plan-view.js';
import { createServiceCard, type ServiceCard } from './service-card.js';
import { sidePanels } from './side-panels.js';
import { renderTimeline } from './timeline-view.js';
import type { ViewContext } from './view-context.js';

export function startOperatorApp(api: ApiClient, initialLanguage: Language): void {
  /** the latest from the server */
  let incoming = emptyLiveState();
  /** an ended drill kept on screen; null shows `incoming` */
  let held: LiveState | null = null;
  let state = incoming;
  let connection = initialConnection;
  let language = initialLanguage;
  let pending: TickChange = { kind: 'reset' };
  let frame: number | null = null;
  let drawn = { events: state.events, notices: state.notices, plan: null as PlanSummary | null, language: '', held: null as LiveState | null };
  let planInForce: { plan: PlanSummary | null; raw: string | null } = { plan: null, raw: null };
  let planDirty = true;
  let history: { drills: DrillDto[] | null; dirty: boolean } = { drills: [], dirty: true };
  /** the held drill's triggers and notices from the store (the live buffers are bounded and lose the early ones), and its report's promise record */
  let heldDetail: {
    drillId: string;
    events: EngineEvent[] | null;
    notices: Notice[] | null;
    promises: Record<string, PromiseRecord> | 'loading' | 'unavailable';
  } | null = null;
  let summaryDirty = false;
  const axis = { timeZone: 'UTC', language, stepMs: 60_000, title: '' };
  const badge = createConnectionBadge();
  const cards = new Map<string, ServiceCard>();
  const charts = new Map<string, ServiceCharts>();
  let controls: DrillControls | null = null;

  const context = (): ViewContext => ({ language, timeZone: safeTimeZone(state.drill?.timezone ?? state.plan?.timezone), t: translator(language) });

  function schedule(): void {
    if (frame === null) frame = requestAnimationFrame(draw);
  }

  function loadHistory(): void {
    void api.listDrills().then((result) => {
      history = { drills: result.ok ? result.value.drills : null, dirty: true };
      schedule();
    });
  }

  function take(update: LiveUpdate): void {
    const before = incoming.drill;
    incoming = update.state;
    // Every push is data: without this the indicator calls a busy live socket stale.
    connection = nextConnection(connection, 'data', Date.now());
    const now = incoming.drill;
    if (isEndedDrill(now) && now.id === state.drillId && held === null) {
      held = incoming;
      loadHistory();
      loadHeldDetail(now.id);
    } else if (held !== null && isRunningDrill(now)) {
      // another drill started: it takes the screen
      held = null;
      pending = { kind: 'reset' };
    } else if (held === null) {
      pending = mergeTickChanges(pending, update.ticks);
    }
    if (before?.id !== now?.id) loadHistory();
    state = held ?? incoming;
    schedule();
  }

  function loadHeldDetail(drillId: string): void {
    heldDetail = { drillId, events: null, notices: null, promises: 'loading' };
    void Promise.all([api.drillEvents(drillId, 'trigger:firing'), api.drillNotices(drillId), api.drillPromises(drillId)]).then(([events, notices, promises]) => {
      if (heldDetail?.drillId !== drillId) return;
      heldDetail = {
        drillId,
        events: events.ok ? events.value.events : null,
        notices: notices.ok ? notices.value.notices : null,
        promises: promises.ok ? promises.value : 'unavailable',
      };
      summaryDirty = true;
      if (held !== null) pending = { kind: 'reset' };
      schedule();
    });
  }

  function backToLive(): void {
    held = null;
    state = incoming;
    pending = { kind: 'reset' };
    schedule();
  }

  function signal(s: ConnectionSignal): void {
    connection = nextConnection(connection, s, Date.now());
    if (s === 'subscribed') prompt.hide();
    schedule();
  }

  function syncServices(services: readonly ServiceInfo[], ctx: ViewContext): void {
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
    // a held drill's marks come from the store once fetched: the live buffer has lost the early ones
    const markEvents = held !== null && heldDetail?.events ? heldDetail.events : state.events.items;
    for (const [name, chart] of charts) {
      const marks = triggerMarks(markEvents, name);
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
    axis.title = ctx.t('axis.scenarioTime', { zone: ctx.timeZone });
    const relabel = drawn.language !== language;
    const services = localServices(state.plan?.services ?? [], language);
    syncServices(services, ctx);
    if (relabel) relabelPage(ctx, services);
    badge.update(connection, Date.now(), state.drill?.status === 'running', ctx.t, language);
    byId('empty').hidden = state.plan !== null;
    for (const info of services) {
      const ticks = state.ticks[info.name]?.items ?? [];
      cards.get(info.name)?.update(serviceOverview(info, ticks[ticks.length - 1], state.notices.items), ctx);
    }
    drawCharts();
    const names = new Map(services.map((s) => [s.name, s.displayName]));
    if (relabel || state.events !== drawn.events) renderTimeline(byId('timeline'), state.events.items, names, ctx, new Map(services.map((s) => [s.name, s])));
    if (relabel || state.notices !== drawn.notices) renderIncidents(byId('notice-list'), state.notices.items, names, ctx);
    if (relabel || planDirty || state.plan !== drawn.plan) renderPlan(byId('plan'), planInForce.plan ?? state.plan, planInForce.raw, ctx);
    planDirty = false;
    if (relabel || summaryDirty || held !== drawn.held) {
      const ticks = held === null ? {} : Object.fromEntries(Object.entries(held.ticks).map(([k, b]) => [k, b?.items]));
      const events = heldDetail?.events ?? held?.events.items ?? [];
      const notices = heldDetail?.notices ?? held?.notices.items ?? [];
      const promises = heldDetail?.promises ?? 'loading';
      renderFinished(byId('finished'), held?.drill ? drillSummary(held.drill, services, ticks, events, notices, promises) : null, api, backToLive, ctx);
      summaryDirty = false;
    }
    if (relabel || history.dirty) renderHistory(byId('history'), history.drills, api, ctx);
    history.dirty = false;
    controls?.update(state.drill, services, ctx.timeZone, latestTickTime());
    drawn = { events: state.events, notices: state.notices, plan: state.plan, language, held };
  }

  function relabelPage(ctx: ViewContext, services: readonly ServiceInfo[]): void {
    document.documentElement.lang = language;
    document.title = ctx.t('app.title');
    for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      setText(node, ctx.t(node.dataset.i18n as Parameters<typeof ctx.t>[0]));
    }
    byId('lang').replaceChildren(languageSwitch(language, ctx.t('lang.label'), (next) => {
      language = next;
      schedule();
    }));
    for (const info of services) charts.get(info.name)?.setLanguage(ctx.t, info.displayName);
    const previous = controls?.root;
    controls = createDrillControls({ api, onDrill: (drill) => take(applyDrillStatus(incoming, drill, Date.now())) }, ctx);
    controls.update(state.drill, services, ctx.timeZone, latestTickTime());
    if (previous !== undefined) carryFormValues(previous, controls.root);
    byId('controls').replaceChildren(controls.root);
  }

  byId('side-panels').replaceChildren(...sidePanels(translator(language)));
  byId('connection').replaceChildren(badge.root);
  // the plan file comes with an operator token: fetch again whenever the token changes
  let planToken = readToken();
  const loadPlan = (): void => void api.getPlan().then((result) => {
    planInForce = result.ok ? { plan: result.value, raw: result.value.raw } : { plan: null, raw: null };
    planDirty = true;
    schedule();
  });
  // on a server with private reads the live feed needs a token before anything shows
  const prompt = createTokenPrompt(translator(language), () => {
    link.reconnect();
    loadPlan();
    loadHistory();
  });
  byId('empty').before(prompt.root);
  loadPlan();
  loadHistory();
  const link = openLiveLink({
    refused: (refusal) => prompt.show(refusal.message),
    snapshot: (snapshot) => take(applySnapshot(incoming, snapshot, Date.now())),
    connection: signal,
    push: {
      'drill:tick': (batch) => take(applyTickBatch(incoming, batch, Date.now())),
      'drill:event': (event) => take(applyEvent(incoming, event, Date.now())),
      'drill:status': (drill) => take(applyDrillStatus(incoming, drill, Date.now())),
      'notice:published': (notice) => take(applyNotice(incoming, notice, Date.now())),
      'notice:updated': (notice) => take(applyNotice(incoming, notice, Date.now())),
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
