import type { Calculation } from "@sonde/protocol/query";
import { calculationKey } from "@sonde/protocol/query";
import type uPlot from "uplot";
import { formatCalcValue } from "../format.js";
import type { Selection } from "../traces/selection.js";
import { CHART_HEIGHT, chartAxes, useUplot } from "./chart-frame.js";
import type { AlignedSeries } from "./series.js";
import { lineValues } from "./series.js";

/** Groups drawn per chart; the rest are in the table only. */
export const MAX_LINES = 12;

interface LineChartProps {
  calc: Calculation;
  aligned: AlignedSeries;
  granularityS: number;
  /** Called with the group and time bucket of the line point nearest a click. */
  onPick(selection: Selection): void;
}

/** One calculation over time, one line per group, with uPlot's legend. */
export function LineChart({ calc, aligned, granularityS, onPick }: LineChartProps) {
  const name = calculationKey(calc);
  const groups = aligned.groups.slice(0, MAX_LINES);
  const ref = useUplot(
    (width) => ({
      options: {
        width,
        height: CHART_HEIGHT,
        scales: { x: { time: true } },
        axes: chartAxes(calc.column),
        cursor: { sync: { key: "results" }, drag: { x: false, y: false }, focus: { prox: 24 } },
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
        ],
      },
      data: [aligned.times, ...groups.map((g) => lineValues(aligned, g, name))],
    }),
    (chart) => {
      const idx = chart.cursor.idx;
      const top = chart.cursor.top;
      if (idx == null || top == null) return;
      let best = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let i = 1; i < chart.series.length; i++) {
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
      onPick({ group: groups[best - 1].group, start, end: start + granularityS });
    },
    [aligned, name],
  );
  return (
    <figure class="card chart" data-testid="line-chart" data-calc={name}>
      <figcaption>
        {name}
        {aligned.groups.length > MAX_LINES && (
          <span class="muted">
            {" "}
            · top {MAX_LINES} of {aligned.groups.length} groups
          </span>
        )}
      </figcaption>
      <div ref={ref} class="chart-body" title="Click a point to list its slowest traces" />
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
