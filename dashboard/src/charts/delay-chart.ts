/** Expected user delay against the SLO line (left axis, ms) and the backlog (right axis, requests). */
import { baseOptions, type AxisContext } from './chart-options.js';
import { createLiveChart, type LiveChart } from './live-chart.js';
import { PALETTE } from './palette.js';
import { horizontalLine, type ServiceSeries } from './series.js';
import type { Translate } from '../i18n/translate.js';

export function createDelayChart(canvas: HTMLCanvasElement, series: () => ServiceSeries, sloMs: number, axis: AxisContext, t: Translate): LiveChart {
  const options = baseOptions(axis, true);
  if (options.scales) {
    options.scales.y1 = { type: 'linear', position: 'right', beginAtZero: true, ticks: { color: '#1F1F1F' }, grid: { drawOnChartArea: false } };
  }
  return createLiveChart(
    canvas,
    [
      { label: 'series.latency', points: () => series().latency, style: { borderColor: PALETTE.vermillion, backgroundColor: PALETTE.vermillion, fill: false, yAxisID: 'y' } },
      {
        label: 'series.slo',
        points: () => horizontalLine(series().latency, sloMs),
        style: { borderColor: PALETTE.ink, backgroundColor: PALETTE.ink, borderDash: [10, 5], borderWidth: 1.5, fill: false, yAxisID: 'y' },
      },
      {
        label: 'series.backlog',
        points: () => series().backlog,
        style: { borderColor: PALETTE.orange, backgroundColor: PALETTE.orange, borderDash: [2, 2], fill: false, yAxisID: 'y1' },
      },
    ],
    options,
    axis,
    t,
  );
}
