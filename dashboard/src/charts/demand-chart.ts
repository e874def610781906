/** Demand against capacity, over the learned baseline (the normal range, shaded), with trigger marks. */
import type { AxisContext } from './chart-options.js';
import { baseOptions } from './chart-options.js';
import { createLiveChart, type LiveChart } from './live-chart.js';
import { PALETTE, translucent } from './palette.js';
import type { ServiceSeries } from './series.js';
import { triggerMarkPlugin } from './trigger-mark-plugin.js';
import type { Translate } from '../i18n/translate.js';

export function createDemandChart(canvas: HTMLCanvasElement, series: () => ServiceSeries, axis: AxisContext, t: Translate): LiveChart {
  return createLiveChart(
    canvas,
    [
      {
        label: 'series.baseline',
        points: () => series().baseline,
        style: { borderColor: PALETTE.grey, backgroundColor: translucent(PALETTE.grey, 0.15), borderDash: [2, 3], borderWidth: 1.5, fill: 'origin' },
      },
      { label: 'series.demand', points: () => series().demand, style: { borderColor: PALETTE.blue, backgroundColor: PALETTE.blue, fill: false } },
      {
        label: 'series.capacity',
        points: () => series().capacity,
        style: { borderColor: PALETTE.green, backgroundColor: PALETTE.green, borderDash: [8, 4], stepped: 'before', fill: false },
      },
    ],
    baseOptions(axis, true),
    axis,
    t,
    [triggerMarkPlugin],
  );
}
