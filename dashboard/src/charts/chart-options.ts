/** Options every live chart shares: pre-parsed points, no animation, a time axis in the scenario zone. */
import type { ChartOptions, TooltipItem } from 'chart.js';
import type { Language } from '../api/api-types.js';
import { formatAxisTime, formatTime } from '../time/format-time.js';
import { alignedTicks, timeStep } from './time-axis.js';
import type { Point } from './series.js';

/** Read by the axis and tooltip callbacks at draw time, so a language or zone change needs no rebuild. */
export interface AxisContext {
  timeZone: string;
  language: Language;
  stepMs: number;
  /** the x axis title: which clock the times are on ("Scenario time (Asia/Shanghai)") */
  title: string;
}

export function baseOptions(axis: AxisContext, decimate: boolean): ChartOptions<'line'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    elements: { point: { radius: 0, hitRadius: 6 }, line: { borderWidth: 2 } },
    plugins: {
      decimation: { enabled: decimate, algorithm: 'min-max' },
      legend: { position: 'bottom', labels: { boxWidth: 12, color: '#1F1F1F' } },
      tooltip: {
        callbacks: {
          title: (items: TooltipItem<'line'>[]) => {
            const x = items[0]?.parsed.x;
            return typeof x === 'number' ? formatTime(x, axis.timeZone, axis.language, 'timeSeconds') : '';
          },
        },
      },
    },
    scales: {
      x: {
        type: 'linear',
        ticks: {
          color: '#1F1F1F',
          maxRotation: 0,
          autoSkip: true,
          callback: (value) => formatAxisTime(Number(value), axis.stepMs, axis.timeZone, axis.language),
        },
        grid: { color: '#E4E4E4' },
        afterBuildTicks: (scale) => {
          scale.ticks = alignedTicks(scale.min, scale.max, axis.stepMs).map((value) => ({ value }));
        },
      },
      y: { beginAtZero: true, ticks: { color: '#1F1F1F' }, grid: { color: '#E4E4E4' } },
    },
  };
}

/** Fits the x axis to the data and picks whole-minute or whole-hour label steps. */
export function fitTimeAxis(options: ChartOptions<'line'>, axis: AxisContext, points: readonly Point[]): void {
  const first = points[0];
  const last = points[points.length - 1];
  const x = options.scales?.x;
  if (x === undefined || x.type !== 'linear') return;
  if (first === undefined || last === undefined) {
    x.min = undefined;
    x.max = undefined;
    return;
  }
  axis.stepMs = timeStep(last.x - first.x);
  x.title = { display: true, text: axis.title, color: '#1F1F1F' };
  x.min = first.x;
  x.max = last.x;
}
