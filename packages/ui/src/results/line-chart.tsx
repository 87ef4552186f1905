import { calculationKey } from "@sonde/protocol/query";
import type uPlot from "uplot";
import { formatCalcValue } from "../format.js";
import type { CalcDraft } from "../query/state.js";
import type { Selection } from "../traces/selection.js";
import type { Annotation } from "./annotations.js";
import type { Brush } from "./chart-frame.js";
import { CHART_HEIGHT, chartAxes, useUplot } from "./chart-frame.js";
import type { AlignedSeries } from "./series.js";
import { groupKey, lineValues } from "./series.js";

/** Groups drawn per chart; the rest are in the table only. */
export const MAX_LINES = 12;

interface LineChartProps {
  calc: CalcDraft;
  aligned: AlignedSeries;
  breakdowns: string[];
  granularityS: number;
  /** The previous period's answer (compare mode), its times `offsetS` earlier. */
  previous?: { aligned: AlignedSeries; offsetS: number };
  /** Called with the group, time bucket and value of the line point nearest a click. */
  onPick(selection: Selection, value: number): void;
  /** Called with a brushed time range. */
  onBrush?(selection: Selection): void;
  /** Events drawn as vertical markers. */
  annotations?: Annotation[];
}

/**
 * One calculation over time, one line per group (uPlot's legend: click an entry to hide or
 * show its line), the previous period dashed in compare mode. Drag across to select a time
 * range.
 */
export function LineChart(props: LineChartProps) {
  const { calc, aligned, granularityS, previous, onPick } = props;
  const name = calculationKey(calc);
  const groups = aligned.groups.slice(0, MAX_LINES);
  const before = previous
    ? groups.map((g) => {
        const key = groupKey(g.group, props.breakdowns);
        const match = previous.aligned.groups.find(
          (p) => groupKey(p.group, props.breakdowns) === key,
        );
        return aligned.times.map((t) => {
          const v = match?.points.get(t - previous.offsetS)?.[name];
          return typeof v === "number" ? v : name === "COUNT" ? 0 : null;
        });
      })
    : [];
  const ref = useUplot(
    (width) => ({
      options: {
        width,
        height: CHART_HEIGHT,
        // Through the end of the last bucket, so events in it (annotations) are on the chart.
        scales: {
          x: {
            time: true,
            range: () => [aligned.times[0], aligned.times[aligned.times.length - 1] + granularityS],
          },
        },
        axes: chartAxes(calc.column),
        cursor: {
          sync: { key: "results" },
          drag: { x: !!props.onBrush, y: false, setScale: false },
          focus: { prox: 24 },
        },
        focus: { alpha: 0.35 },
        legend: { live: true },
        series: [
          {},
          ...groups.map(
            (g): uPlot.Series => ({
              label: g.label,
              stroke: g.color,
              width: 1.5,
              points: { show: true, size: 5, fill: g.color, filter: isolatedPoints },
              value: (_u, v) => formatCalcValue(v, calc.column),
            }),
          ),
          ...groups.slice(0, before.length).map(
            (g): uPlot.Series => ({
              label: `${g.label} (previous)`,
              stroke: g.color,
              alpha: 0.55,
              dash: [5, 4],
              width: 1.25,
              points: { show: false },
              value: (_u, v) => formatCalcValue(v, calc.column),
            }),
          ),
        ],
      },
      data: [aligned.times, ...groups.map((g) => lineValues(aligned, g, name)), ...before],
    }),
    (chart) => {
      const idx = chart.cursor.idx;
      const top = chart.cursor.top;
      if (idx == null || top == null) return;
      let best = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let i = 1; i <= groups.length; i++) {
        const v = chart.data[i][idx];
        if (v == null || !chart.series[i].show) continue;
        const distance = Math.abs(chart.valToPos(v, "y") - top);
        if (distance < bestDistance) {
          best = i;
          bestDistance = distance;
        }
      }
      if (best < 0) return;
      const start = aligned.times[idx];
      onPick(
        { group: groups[best - 1].group, start, end: start + granularityS },
        chart.data[best][idx] as number,
      );
    },
    [aligned, name, previous],
    (brush: Brush) => props.onBrush?.({ start: brush.start, end: brush.end }),
    props.annotations,
  );
  return (
    <figure
      class="card chart"
      data-testid="line-chart"
      data-calc={name}
      data-series={groups.length + before.length}
    >
      <figcaption>
        {name}
        {aligned.groups.length > MAX_LINES && (
          <span class="muted">
            {" "}
            · top {MAX_LINES} of {aligned.groups.length} groups
          </span>
        )}
      </figcaption>
      <div
        ref={ref}
        class="chart-body"
        title="Click a point to open an exemplar trace; drag across to compare that time (BubbleUp)"
      />
    </figure>
  );
}

/** Indices of values with no value on either side: a line cannot show them, a dot does. */
function isolatedPoints(chart: uPlot, seriesIdx: number): number[] {
  const values = chart.data[seriesIdx];
  const isolated: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] != null && values[i - 1] == null && values[i + 1] == null) isolated.push(i);
  }
  return isolated;
}
