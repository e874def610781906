/**
 * Where the trigger-mark labels go on the demand chart: each label starts just right of its
 * line (pulled left at the chart's edge), in the first row where it clears the label before
 * it. A label with no free row is left out rather than drawn over another; the list under
 * the chart names every mark.
 */
export interface LabelSlot {
  x: number;
  row: number;
}

/** `lines`: the marks' x positions in pixels, ascending; `widths`: their labels' widths. */
export function placeLabels(lines: readonly number[], widths: readonly number[], right: number, rows = 2, gap = 4): (LabelSlot | null)[] {
  const ends: number[] = Array.from({ length: rows }, () => Number.NEGATIVE_INFINITY);
  return lines.map((line, i) => {
    const width = widths[i] ?? 0;
    const x = Math.min(line + 3, right - width);
    const row = ends.findIndex((end) => x >= end + gap);
    if (row < 0) return null;
    ends[row] = x + width;
    return { x, row };
  });
}
