/**
 * One live line chart bound to arrays of pre-shaped points. `refresh` re-reads the arrays
 * (the decimation plugin keeps its own copy behind `dataset.data`, so the arrays are handed
 * over again rather than mutated through it) and redraws without animation.
 */
import type { ChartDataset, ChartOptions } from 'chart.js';
import { Chart } from './register.js';
import { fitTimeAxis, type AxisContext } from './chart-options.js';
import type { Point } from './series.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import type { TriggerMark } from './trigger-marks.js';

export interface SeriesSpec {
  label: MessageKey;
  points: () => Point[];
  style: Omit<ChartDataset<'line', Point[]>, 'data' | 'label'>;
}

export interface LiveChart {
  refresh(): void;
  relabel(t: Translate): void;
  /** `label`: a level's name in the page language */
  setMarks(marks: TriggerMark[], label: (level: string) => string): void;
  destroy(): void;
}

export function createLiveChart(
  canvas: HTMLCanvasElement,
  specs: readonly SeriesSpec[],
  options: ChartOptions<'line'>,
  axis: AxisContext,
  t: Translate,
  plugins: NonNullable<ConstructorParameters<typeof Chart<'line', Point[]>>[1]['plugins']> = [],
): LiveChart {
  const chart = new Chart<'line', Point[]>(canvas, {
    type: 'line',
    data: { datasets: specs.map((spec) => ({ ...spec.style, label: t(spec.label), data: spec.points() })) },
    options,
    plugins,
  });
  const xSource = (): Point[] => specs[0]?.points() ?? [];
  return {
    refresh() {
      specs.forEach((spec, i) => {
        const dataset = chart.data.datasets[i];
        if (dataset !== undefined) dataset.data = spec.points();
      });
      fitTimeAxis(chart.options, axis, xSource());
      chart.update('none');
    },
    relabel(next) {
      specs.forEach((spec, i) => {
        const dataset = chart.data.datasets[i];
        if (dataset !== undefined) dataset.label = next(spec.label);
      });
      // the axis title is in the page language too
      fitTimeAxis(chart.options, axis, xSource());
      chart.update('none');
    },
    setMarks(marks, label) {
      const pluginOptions = chart.options.plugins;
      if (pluginOptions !== undefined) pluginOptions.triggerMarks = { marks, label };
    },
    destroy() {
      chart.destroy();
    },
  };
}
