/**
 * The fleet by state as a stacked area. Not decimated: min-max decimation picks different
 * instants per dataset, which would misalign the stack; the store's cap bounds it instead.
 */
import { baseOptions, type AxisContext } from './chart-options.js';
import { createLiveChart, type LiveChart } from './live-chart.js';
import { PALETTE, translucent } from './palette.js';
import type { ServiceSeries } from './series.js';
import type { Translate } from '../i18n/translate.js';

export function createFleetChart(canvas: HTMLCanvasElement, series: () => ServiceSeries, axis: AxisContext, t: Translate): LiveChart {
  const options = baseOptions(axis, false);
  if (options.scales?.y) options.scales.y.stacked = true;
  const area = (color: string, first: boolean) => ({ borderColor: color, backgroundColor: translucent(color, 0.55), fill: first ? 'origin' : '-1', borderWidth: 1 }) as const;
  return createLiveChart(
    canvas,
    [
      { label: 'state.active', points: () => series().active, style: area(PALETTE.blue, true) },
      { label: 'state.starting', points: () => series().starting, style: area(PALETTE.sky, false) },
      { label: 'state.provisioning', points: () => series().provisioning, style: area(PALETTE.purple, false) },
      { label: 'state.standby', points: () => series().standby, style: area(PALETTE.grey, false) },
    ],
    options,
    axis,
    t,
  );
}
