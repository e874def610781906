/**
 * The public status page: live from the socket while it delivers, otherwise summary.json
 * polled every 15 s with If-None-Match. The first paint always comes from summary.json,
 * which the server caches and answers cheaply however many people reload.
 */
import type { Language } from '../api/api-types.js';
import type { SpIncident } from '../../../server/status/statuspage-schemas.js';
import { authHeaders, fetchSummary } from '../api/status-client.js';
import { languageSwitch } from '../i18n/browser-language.js';
import { translator } from '../i18n/translate.js';
import { initialConnection, nextConnection, type ConnectionSignal } from '../live/connection-state.js';
import { openLiveLink } from '../live/socket-link.js';
import { createTokenPrompt } from '../live/token-prompt.js';
import { readToken } from '../operator/token-store.js';
import { byId, setText } from '../shared/dom.js';
import { viewFromSummary } from './from-summary.js';
import { liveFromSnapshot, liveWithCorrection, liveWithNotice, liveWithTicks, viewFromLive, type StatusLive } from './from-live.js';
import { afterPoll, conditionalHeaders, initialPollState, shouldPoll, withSocket } from './polling.js';
import { fetchIncidents } from './history-feed.js';
import { historyDays } from './past-incidents.js';
import { pageClock, renderClock, renderPastIncidents, renderStatus, renderSubscribe, type StatusContext, type StatusMode } from './status-render.js';
import type { StatusView } from './status-view.js';

const HISTORY_EVERY_MS = 30_000;

export function startStatusApp(initialLanguage: Language): void {
  let language = initialLanguage;
  let live: StatusLive | null = null;
  let polled: StatusView | null = null;
  let connection = initialConnection;
  let poll = initialPollState;
  let polling = false;
  let frame: number | null = null;
  // a private server refuses reads without a token: the prompt takes one, then everything retries with it
  const prompt = createTokenPrompt(translator(language), () => {
    link.reconnect();
    poll = { ...poll, lastPollAt: null, failures: 0 };
    void pollIfDue();
  });
  byId('status').before(prompt.root);

  function mode(): StatusMode {
    if (connection.phase === 'live') return 'live';
    if (poll.failures > 0 && polled === null) return 'unavailable';
    return poll.lastPollAt === null ? 'connecting' : 'polling';
  }

  function draw(): void {
    frame = null;
    const t = translator(language);
    document.documentElement.lang = language;
    document.title = t('status.title');
    setText(byId('status-title'), t('status.title'));
    const view = connection.phase === 'live' && live !== null ? viewFromLive(live, language) : (polled ?? (live === null ? null : viewFromLive(live, language)));
    renderStatus(byId('status'), view, mode(), { t, language });
    drawExtras(view, { t, language });
  }

  // Past incidents, the subscribe links and the page clock live outside the live view.
  let incidents: SpIncident[] | null = null;
  let historyAt = 0;
  function drawExtras(view: StatusView | null, ctx: StatusContext): void {
    const timeZone = view?.timeZone ?? 'UTC';
    renderPastIncidents(byId('past-incidents'), incidents === null ? null : historyDays(incidents, timeZone), timeZone, ctx);
    renderSubscribe(byId('subscribe'), ctx);
    renderClock(byId('status-clock'), view, pageClock(view, incidents ?? []), ctx);
  }
  async function loadHistory(force = false): Promise<void> {
    if (!force && Date.now() - historyAt < HISTORY_EVERY_MS) return;
    historyAt = Date.now();
    incidents = await fetchIncidents((...args) => fetch(...args), language, authHeaders(readToken()));
    schedule();
  }
  const schedule = (): void => {
    if (frame === null) frame = requestAnimationFrame(draw);
  };

  async function pollIfDue(): Promise<void> {
    if (polling || !shouldPoll(poll, Date.now())) return;
    polling = true;
    const outcome = await fetchSummary((...args) => fetch(...args), language, { ...conditionalHeaders(poll), ...authHeaders(readToken()) }, Date.now);
    if (outcome.kind === 'failed' && outcome.denied) prompt.show(outcome.denied.message);
    polling = false;
    poll = afterPoll(poll, outcome, Date.now());
    if (outcome.kind === 'changed') polled = viewFromSummary(outcome.summary);
    schedule();
  }

  function signal(s: ConnectionSignal): void {
    connection = nextConnection(connection, s, Date.now());
    if (s === 'subscribed') prompt.hide();
    poll = withSocket(poll, connection.phase === 'live');
    schedule();
    void pollIfDue();
  }

  function renderLanguageSwitch(): void {
    byId('lang').replaceChildren(
      languageSwitch(language, translator(language)('lang.label'), (next) => {
        language = next;
        // summary.json bodies are per language: drop the old ETag so the next poll fetches afresh.
        poll = { ...poll, etag: null, lastPollAt: null };
        polled = null;
        void loadHistory(true);
        renderLanguageSwitch();
        schedule();
        void pollIfDue();
      }),
    );
  }

  renderLanguageSwitch();
  schedule();
  void pollIfDue();
  void loadHistory(true);
  setInterval(() => {
    void pollIfDue();
    void loadHistory();
  }, 1000);
  const link = openLiveLink({
    refused: (refusal) => prompt.show(refusal.message),
    snapshot(snapshot) {
      live = liveFromSnapshot(snapshot);
      schedule();
    },
    connection: signal,
    push: {
      'notice:published': (notice) => {
        if (live !== null) live = liveWithNotice(live, notice);
        if (notice.stage === 'resolved') void loadHistory(true);
        schedule();
      },
      'notice:updated': (notice) => {
        if (live !== null) live = liveWithCorrection(live, notice);
        schedule();
      },
      'drill:tick': (batch) => {
        if (live !== null) live = liveWithTicks(live, batch.ticks);
        schedule();
      },
    },
    // The page shows the latest level only: no tick history in its snapshot, however many reload it.
  }, { services: '*', history: false });
}
