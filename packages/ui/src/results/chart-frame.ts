import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatCalcValue } from "../format.js";

/** Chart height in CSS pixels. */
export const CHART_HEIGHT = 180;

/** Axes shared by the charts: local time on x, the column's unit on y. */
export function chartAxes(column: string | undefined): uPlot.Axis[] {
  const grid = { stroke: "#eceef1", width: 1 };
  return [
    { grid, ticks: { show: false }, stroke: "#667" },
    {
      grid,
      ticks: { show: false },
      stroke: "#667",
      size: 64,
      values: (_u, splits) => splits.map((v) => formatCalcValue(v, column)),
    },
  ];
}

/**
 * Mounts a uPlot chart into the returned ref's element, sized to its width and rebuilt when
 * `deps` change; `build` gets the width and returns the chart's options and data.
 * `onClick` gets the chart on clicks inside the plot area.
 */
export function useUplot(
  build: (width: number) => { options: uPlot.Options; data: uPlot.AlignedData },
  onClick: (chart: uPlot) => void,
  deps: unknown[],
) {
  const ref = useRef<HTMLDivElement>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { options, data } = build(el.clientWidth);
    const chart = new uPlot(options, data, el);
    const handler = () => click.current(chart);
    chart.over.addEventListener("click", handler);
    const resize = new ResizeObserver(() => {
      if (el.clientWidth !== chart.width)
        chart.setSize({ width: el.clientWidth, height: options.height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, deps);
  return ref;
}
