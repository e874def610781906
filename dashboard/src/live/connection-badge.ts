/** The live / reconnecting / offline indicator with the time of the last data (viewer's clock). */
import type { Language } from '../api/api-types.js';
import type { Translate } from '../i18n/translate.js';
import { el, setAttr, setText } from '../shared/dom.js';
import { formatTime } from '../time/format-time.js';
import { staleSeconds, type ConnectionState } from './connection-state.js';

export interface ConnectionBadge {
  root: HTMLElement;
  update(state: ConnectionState, now: number, drillRunning: boolean, t: Translate, language: Language): void;
}

const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function createConnectionBadge(): ConnectionBadge {
  const dot = el('span', { class: 'conn-dot', 'aria-hidden': 'true' });
  const label = el('span', { class: 'conn-label' });
  const detail = el('span', { class: 'conn-detail' });
  const root = el('p', { class: 'conn', role: 'status', 'aria-live': 'polite', 'data-testid': 'connection-state', 'data-state': 'connecting' }, dot, label, detail);
  return {
    root,
    update(state, now, drillRunning, t, language) {
      const stale = staleSeconds(state, now, drillRunning);
      setAttr(root, 'data-state', state.phase);
      setAttr(root, 'data-stale', stale !== null);
      setText(label, t(`conn.${state.phase}`));
      const last = state.lastDataAt === null ? t('conn.noData') : t('conn.lastData', { time: formatTime(state.lastDataAt, LOCAL_ZONE, language, 'timeSeconds') });
      setText(detail, stale === null ? ` · ${last}` : ` · ${t('conn.stale', { seconds: stale })} · ${last}`);
    },
  };
}
