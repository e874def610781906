/** A chart.js plugin drawing a dashed vertical line, labelled with the level, at each trigger mark. */
import type { Chart, ChartType, Plugin } from 'chart.js';
import { placeLabels } from './mark-labels.js';
import { PALETTE } from './palette.js';
import type { TriggerMark } from './trigger-marks.js';

export interface TriggerMarkOptions {
  marks: TriggerMark[];
  /** a level's name as the reader's language writes it */
  label: (level: string) => string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    triggerMarks?: TriggerMarkOptions;
  }
}

export const triggerMarkPlugin: Plugin<'line', TriggerMarkOptions> = {
  id: 'triggerMarks',
  defaults: { marks: [], label: (level: string) => level },
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
    const inside = options.marks.map((mark) => ({ mark, px: x.getPixelForValue(mark.x) })).filter(({ px }) => px >= left && px <= right);
    for (const { px } of inside) {
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
    }
    const labelled = inside.flatMap(({ mark, px }) => (mark.level === null ? [] : [{ px, text: `▲ ${options.label(mark.level)}` }]));
    const slots = placeLabels(labelled.map((l) => l.px), labelled.map((l) => ctx.measureText(l.text).width), right);
    labelled.forEach((label, i) => {
      const slot = slots[i];
      if (slot) ctx.fillText(label.text, slot.x, top + 11 + slot.row * 13);
    });
    ctx.restore();
  },
};
