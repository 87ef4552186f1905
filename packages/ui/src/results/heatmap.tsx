import type { HeatmapBucket } from "@sonde/protocol/query";
import { calculationKey } from "@sonde/protocol/query";
import { useRef } from "preact/hooks";
import type uPlot from "uplot";
import { heatColor } from "../colors.js";
import { formatCalcValue, formatNumber, formatTimestamp } from "../format.js";
import type { CalcDraft } from "../query/state.js";
import type { Selection } from "../traces/selection.js";
import type { Annotation } from "./annotations.js";
import type { Brush } from "./chart-frame.js";
import { CHART_HEIGHT, chartAxes, useUplot } from "./chart-frame.js";
import type { AlignedSeries, HeatColumn } from "./series.js";
import { heatColumns } from "./series.js";

interface HeatmapProps {
  calc: CalcDraft;
  aligned: AlignedSeries;
  granularityS: number;
  /** Called with the time bucket and value range of a clicked cell. */
  onPick(selection: Selection): void;
  /** Called with a brushed region: a time range and a value range of the column. */
  onBrush?(selection: Selection): void;
  /** Events drawn as vertical markers. */
  annotations?: Annotation[];
}

/**
 * A HEATMAP calculation: time on x, the column's buckets on y, colour = how many spans fell
 * in the cell, summed over groups. Click a cell for an exemplar trace; drag a rectangle
 * (time × value) to compare it with the rest (BubbleUp).
 */
export function Heatmap(props: HeatmapProps) {
  const { calc, aligned, granularityS, onPick, onBrush } = props;
  const name = calculationKey(calc);
  const hover = useRef<HTMLSpanElement>(null);
  const columns = heatColumns(aligned, name);
  const scale = yScale(columns);

  const cellAt = (chart: uPlot): { column: HeatColumn; bucket?: HeatmapBucket } | undefined => {
    const { left, top } = chart.cursor;
    if (left == null || top == null || left < 0) return undefined;
    const t = chart.posToVal(left, "x");
    const column = columns.find((c) => c.time <= t && t < c.time + granularityS);
    if (!column) return undefined;
    const v = chart.posToVal(top, "y");
    return { column, bucket: column.buckets.find((b) => b.lower <= v && v < b.upper) };
  };

  const ref = useUplot(
    (width) => ({
      options: {
        width,
        height: CHART_HEIGHT,
        scales: {
          x: {
            time: true,
            range: () => [aligned.times[0], aligned.times[aligned.times.length - 1] + granularityS],
          },
          y: { distr: scale.log ? 3 : 1, log: 10, range: () => [scale.min, scale.max] },
        },
        axes: chartAxes(calc.column),
        cursor: {
          sync: { key: "results" },
          drag: { x: !!onBrush, y: !!onBrush, uni: 8, setScale: false },
          points: { show: false },
        },
        legend: { show: false },
        series: [{}, { label: name, stroke: "transparent", points: { show: false } }],
        hooks: {
          draw: [(chart) => drawCells(chart, columns, granularityS, scale.min)],
          setCursor: [
            (chart) => {
              const cell = cellAt(chart);
              if (hover.current)
                hover.current.textContent = cell ? describe(cell, calc.column) : "";
            },
          ],
        },
      },
      data: [aligned.times, aligned.times.map(() => null)],
    }),
    (chart) => {
      const cell = cellAt(chart);
      if (!cell) return;
      const start = cell.column.time;
      const range =
        cell.bucket && calc.column
          ? { column: calc.column, lower: cell.bucket.lower, upper: cell.bucket.upper }
          : {};
      onPick({ start, end: start + granularityS, ...range });
    },
    [aligned, name],
    (brush: Brush) =>
      onBrush?.({
        start: brush.start,
        end: brush.end,
        ...(calc.column && brush.lower !== undefined
          ? { column: calc.column, lower: brush.lower, upper: brush.upper }
          : {}),
      }),
    props.annotations,
  );

  return (
    <figure class="card chart" data-testid="heatmap" data-calc={name}>
      <figcaption>
        {name} <span class="muted" ref={hover} />
      </figcaption>
      {scale.empty ? (
        <div class="empty">No values in this range.</div>
      ) : (
        <div
          ref={ref}
          class="chart-body"
          title="Click a cell to open an exemplar trace; drag a region to compare it (BubbleUp)"
        />
      )}
    </figure>
  );
}

/**
 * The y range covering every bucket. Log when the buckets are exponential (widths grow by more
 * than 3×) and the positive values span more than 30×; linear for evenly spaced buckets.
 */
function yScale(columns: HeatColumn[]): { min: number; max: number; log: boolean; empty: boolean } {
  let min = Number.POSITIVE_INFINITY;
  let positive = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let narrowest = Number.POSITIVE_INFINITY;
  let widest = 0;
  for (const c of columns) {
    for (const b of c.buckets) {
      min = Math.min(min, b.lower);
      positive = Math.min(positive, b.lower > 0 ? b.lower : b.upper / 2);
      max = Math.max(max, b.upper);
      narrowest = Math.min(narrowest, b.upper - b.lower);
      widest = Math.max(widest, b.upper - b.lower);
    }
  }
  if (!Number.isFinite(max)) return { min: 0, max: 1, log: false, empty: true };
  const log = positive > 0 && max / positive > 30 && widest / narrowest > 3;
  return { min: log ? positive : min, max, log, empty: false };
}

function drawCells(chart: uPlot, columns: HeatColumn[], granularityS: number, floor: number) {
  let busiest = 0;
  for (const c of columns) for (const b of c.buckets) busiest = Math.max(busiest, b.count);
  const { ctx, bbox } = chart;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (const c of columns) {
    const x0 = chart.valToPos(c.time, "x", true);
    const x1 = chart.valToPos(c.time + granularityS, "x", true);
    for (const b of c.buckets) {
      const y0 = chart.valToPos(Math.max(b.lower, floor), "y", true);
      const y1 = chart.valToPos(b.upper, "y", true);
      ctx.fillStyle = heatColor(b.count, busiest);
      ctx.fillRect(x0, y1, Math.max(1, x1 - x0 - 1), Math.max(1, y0 - y1 - 1));
    }
  }
  ctx.restore();
}

function describe(cell: { column: HeatColumn; bucket?: HeatmapBucket }, column?: string): string {
  const time = formatTimestamp(cell.column.time * 1000).slice(11, 19);
  if (!cell.bucket) return `· ${time}`;
  const { lower, upper, count } = cell.bucket;
  return `· ${time} · ${formatCalcValue(lower, column)} – ${formatCalcValue(upper, column)} · ${formatNumber(count)} spans`;
}
