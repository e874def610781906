/** Traffic turned away: throttled (429) and dropped (503), requests per second. */
import { baseOptions, type AxisContext } from './chart-options.js';
import { createLiveChart, type LiveChart } from './live-chart.js';
import { PALETTE, translucent } from './palette.js';
import type { ServiceSeries } from './series.js';
import type { Translate } from '../i18n/translate.js';

export function createLossChart(canvas: HTMLCanvasElement, series: () => ServiceSeries, axis: AxisContext, t: Translate): LiveChart {
  return createLiveChart(
    canvas,
    [
      {
        label: 'series.throttled',
        points: () => series().throttled,
        style: { borderColor: PALETTE.orange, backgroundColor: translucent(PALETTE.orange, 0.25), fill: 'origin' },
      },
      {
        label: 'series.dropped',
        points: () => series().dropped,
        style: { borderColor: PALETTE.vermillion, backgroundColor: translucent(PALETTE.vermillion, 0.25), borderDash: [6, 3], fill: 'origin' },
      },
    ],
    baseOptions(axis, true),
    axis,
    t,
  );
}
