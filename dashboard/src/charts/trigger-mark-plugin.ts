/** A chart.js plugin drawing a dashed vertical line, labelled with the level, at each trigger mark. */
import type { Chart, ChartType, Plugin } from 'chart.js';
import { PALETTE } from './palette.js';
import type { TriggerMark } from './trigger-marks.js';

export interface TriggerMarkOptions {
  marks: TriggerMark[];
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    triggerMarks?: TriggerMarkOptions;
  }
}

export const triggerMarkPlugin: Plugin<'line', TriggerMarkOptions> = {
  id: 'triggerMarks',
  defaults: { marks: [] },
  afterDatasetsDraw(chart: Chart<'line'>, _args, options) {
    const x = chart.scales.x;
    if (x === undefined || options.marks.length === 0) return;
    const { top, bottom, left, right } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = PALETTE.mark;
    ctx.fillStyle = PALETTE.mark;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 4]);
    ctx.font = '11px system-ui, sans-serif';
    options.marks.forEach((mark, index) => {
      const px = x.getPixelForValue(mark.x);
      if (px < left || px > right) return;
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      // Alternate label rows so marks close together stay readable.
      if (mark.level !== null) ctx.fillText(`▲ ${mark.level}`, Math.min(px + 3, right - 60), top + 11 + (index % 2) * 13);
    });
    ctx.restore();
  },
};
