/**
 * Panel builders typed by Grafana's own schema (@grafana/schema, generated from Grafana's
 * dashboard and panel kinds), so a dashboard that compiles is one Grafana accepts.
 */
import {
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  FieldColorModeId,
  GraphDrawStyle,
  LegendDisplayMode,
  LineInterpolation,
  PercentChangeColorMode,
  SortOrder,
  StackingMode,
  TooltipDisplayMode,
  VisibilityMode,
  VizOrientation,
  type DataQuery,
  type DataSourceRef,
  type GridPos,
  type Panel,
} from '@grafana/schema';
import type { FieldConfig as TimeSeriesFieldConfig, Options as TimeSeriesOptions } from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';
import type { Options as StatOptions } from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';

/** Filled in on import: Grafana asks which Prometheus to use (see __inputs). */
export const DATASOURCE: DataSourceRef = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };

/** A Prometheus target: Grafana's DataQuery plus the Prometheus fields (a type, not an interface, so it fits `targets`). */
export type PromQuery = Pick<DataQuery, 'refId'> & {
  datasource: DataSourceRef;
  expr: string;
  legendFormat: string;
  instant: boolean;
  range: boolean;
};

export const query = (refId: string, expr: string, legendFormat: string, instant = false): PromQuery =>
  ({ refId, datasource: DATASOURCE, expr, legendFormat, instant, range: !instant });

interface Common {
  id: number;
  title: string;
  description: string;
  gridPos: GridPos;
  targets: PromQuery[];
  unit?: string;
}

/** What every panel says the same way: where it is, what it shows and from which Prometheus. */
function frame(type: string, p: Common): Panel {
  return {
    id: p.id,
    type,
    title: p.title,
    description: p.description,
    datasource: DATASOURCE,
    gridPos: p.gridPos,
    targets: [...p.targets],
    transparent: false,
    repeatDirection: 'h',
  };
}

export function timeSeries(p: Common & { stacked?: boolean; stepped?: boolean }): Panel {
  const custom: TimeSeriesFieldConfig = {
    drawStyle: GraphDrawStyle.Line,
    lineInterpolation: p.stepped ? LineInterpolation.StepAfter : LineInterpolation.Linear,
    lineWidth: 1,
    fillOpacity: p.stacked ? 30 : 10,
    showPoints: VisibilityMode.Never,
    spanNulls: false,
    stacking: { mode: p.stacked ? StackingMode.Normal : StackingMode.None, group: 'A' },
  };
  const options: TimeSeriesOptions = {
    legend: { displayMode: LegendDisplayMode.List, placement: 'bottom', showLegend: true, calcs: [] },
    tooltip: { mode: TooltipDisplayMode.Multi, sort: SortOrder.None },
  };
  return {
    ...frame('timeseries', p),
    fieldConfig: {
      defaults: {
        unit: p.unit ?? 'short',
        min: 0,
        color: { mode: FieldColorModeId.PaletteClassic },
        custom: { ...custom },
      },
      overrides: [],
    },
    options: { ...options },
  };
}

/** The latest value, or the series' name when `showName` (a level, a drill id). */
export function stat(p: Common & { showName?: boolean; noValue: string }): Panel {
  const options: StatOptions = {
    reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
    textMode: p.showName ? BigValueTextMode.Name : BigValueTextMode.Value,
    colorMode: BigValueColorMode.None,
    graphMode: BigValueGraphMode.None,
    justifyMode: BigValueJustifyMode.Auto,
    orientation: VizOrientation.Auto,
    percentChangeColorMode: PercentChangeColorMode.Standard,
    showPercentChange: false,
    wideLayout: true,
  };
  return {
    ...frame('stat', p),
    fieldConfig: {
      defaults: { unit: p.unit ?? 'short', noValue: p.noValue, color: { mode: FieldColorModeId.Fixed, fixedColor: 'text' } },
      overrides: [],
    },
    options: { ...options },
  };
}
