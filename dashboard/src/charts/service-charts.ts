/** The four live charts of one service, fed from the store's tick buffer and the trigger marks. */
import type { ServiceInfo, Tick } from '../api/api-types.js';
import { levelName } from '../i18n/plan-names.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import { el, setAttr, setText } from '../shared/dom.js';
import { formatTime } from '../time/format-time.js';
import type { AxisContext } from './chart-options.js';
import { createDelayChart } from './delay-chart.js';
import { createDemandChart } from './demand-chart.js';
import { createFleetChart } from './fleet-chart.js';
import type { LiveChart } from './live-chart.js';
import { createLossChart } from './loss-chart.js';
import { appendToSeries, shapeTicks, type ServiceSeries } from './series.js';
import { marksInRange, type TriggerMark } from './trigger-marks.js';

/** The newest marks listed under the demand chart; older ones stay drawn on it. */
const LISTED_MARKS = 12;

export interface ServiceCharts {
  root: HTMLElement;
  reset(ticks: readonly Tick[], marks: readonly TriggerMark[]): void;
  append(added: readonly Tick[], dropped: number, marks: readonly TriggerMark[]): void;
  /** `displayName`: the service's name in the new language */
  setLanguage(t: Translate, displayName: string): void;
  destroy(): void;
}

interface Figure {
  key: MessageKey;
  root: HTMLElement;
  caption: HTMLElement;
  canvas: HTMLCanvasElement;
}

function figure(kind: string, service: string, key: MessageKey, t: Translate): Figure {
  const canvas = el('canvas', { role: 'img', 'aria-label': t(key) });
  const caption = el('figcaption', {}, t(key));
  const root = el('figure', { class: 'chart', 'data-testid': `chart-${kind}-${service}`, 'data-points': 0 }, caption, el('div', { class: 'chart-box' }, canvas));
  return { key, root, caption, canvas };
}

export function createServiceCharts(info: ServiceInfo, axis: AxisContext, initial: Translate): ServiceCharts {
  let t = initial;
  let series: ServiceSeries = shapeTicks([]);
  const current = (): ServiceSeries => series;
  const figures = {
    demand: figure('demand', info.name, 'chart.demand', t),
    loss: figure('loss', info.name, 'chart.loss', t),
    fleet: figure('fleet', info.name, 'chart.fleet', t),
    delay: figure('delay', info.name, 'chart.delay', t),
  };
  const marksTitle = el('h4', { class: 'marks-title' }, t('marks.title'));
  const marksList = el('ul', { class: 'marks', 'data-testid': `trigger-marks-${info.name}` });
  figures.demand.root.append(marksTitle, marksList);
  const empty = el('p', { class: 'empty', 'data-testid': `charts-empty-${info.name}` }, t('empty.noTicks'));
  const title = el('h3', { id: `charts-${info.name}-title` }, info.displayName);
  const root = el(
    'section',
    { class: 'service-charts', id: `charts-${info.name}`, 'data-testid': `charts-${info.name}`, 'aria-labelledby': `charts-${info.name}-title` },
    title,
    empty,
    el('div', { class: 'chart-grid' }, figures.demand.root, figures.loss.root, figures.fleet.root, figures.delay.root),
  );
  const charts: LiveChart[] = [
    createDemandChart(figures.demand.canvas, current, axis, t),
    createLossChart(figures.loss.canvas, current, axis, t),
    createFleetChart(figures.fleet.canvas, current, axis, t),
    createDelayChart(figures.delay.canvas, current, info.sloLatencyMs, axis, t),
  ];
  let lastMarks: readonly TriggerMark[] = [];

  function renderMarks(marks: readonly TriggerMark[]): void {
    lastMarks = marks;
    const first = series.demand[0];
    const last = series.demand[series.demand.length - 1];
    const visible = first === undefined || last === undefined ? [] : marksInRange(marks, first.x, last.x);
    charts[0]?.setMarks(visible, (level) => levelName(t, level));
    const listed = visible.slice(-LISTED_MARKS).reverse();
    marksList.replaceChildren(
      ...(listed.length === 0
        ? [el('li', { class: 'marks-none' }, t('marks.none'))]
        : listed.map((mark) =>
            el('li', { 'data-testid': 'trigger-mark', 'data-x': mark.x, title: mark.message }, `${formatTime(mark.x, axis.timeZone, axis.language, 'timeSeconds')} ▲ ${mark.level === null ? mark.message : levelName(t, mark.level)}`),
          )),
    );
  }

  function redraw(marks: readonly TriggerMark[]): void {
    renderMarks(marks);
    for (const chart of charts) chart.refresh();
    const points = series.demand.length;
    for (const f of Object.values(figures)) setAttr(f.root, 'data-points', points);
    empty.hidden = points > 0;
  }

  return {
    root,
    reset(ticks, marks) {
      series = shapeTicks(ticks);
      redraw(marks);
    },
    append(added, dropped, marks) {
      appendToSeries(series, added, dropped);
      redraw(marks);
    },
    setLanguage(next, displayName) {
      t = next;
      setText(title, displayName);
      for (const f of Object.values(figures)) {
        setText(f.caption, t(f.key));
        f.canvas.setAttribute('aria-label', t(f.key));
      }
      setText(marksTitle, t('marks.title'));
      setText(empty, t('empty.noTicks'));
      // the marks first: relabelling redraws the charts, their level labels included
      renderMarks(lastMarks);
      for (const chart of charts) chart.relabel(t);
    },
    destroy() {
      for (const chart of charts) chart.destroy();
      root.remove();
    },
  };
}
