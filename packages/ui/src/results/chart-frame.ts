import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatCalcValue } from "../format.js";
import type { Annotation } from "./annotations.js";

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

/** A brushed region of a chart in data units: x (time, s) always, y when brushed too. */
export interface Brush {
  start: number;
  end: number;
  lower?: number;
  upper?: number;
}

/** Smallest drag, in CSS pixels, taken as a brush rather than a click. */
const MIN_BRUSH_PX = 4;

/**
 * Mounts a uPlot chart into the returned ref's element, sized to its width and rebuilt when
 * `deps` change; `build` gets the width and returns the chart's options and data.
 * `onClick` gets the chart on clicks inside the plot area; `onBrush` gets the region dragged
 * over (the options' `cursor.drag` says along which axes), and the click ending a drag is not
 * passed to `onClick`. `annotations` are drawn as vertical markers over the plot (hover: their
 * title), those outside the x range hidden.
 */
export function useUplot(
  build: (width: number) => { options: uPlot.Options; data: uPlot.AlignedData },
  onClick: (chart: uPlot) => void,
  deps: unknown[],
  onBrush?: (brush: Brush) => void,
  annotations: Annotation[] = [],
) {
  const ref = useRef<HTMLDivElement>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const brush = useRef(onBrush);
  brush.current = onBrush;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { options, data } = build(el.clientWidth);
    let brushed = false;
    // Charts share the cursor (`cursor.sync`), and with it their selections: only a drag that
    // started on this chart is this chart's brush.
    let pressed = false;
    const onSelect = (u: uPlot) => {
      const { left, top, width, height } = u.select;
      if (!pressed) {
        // Another chart's drag, mirrored here: clear it (without firing this hook again).
        if (width > 0) u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        return;
      }
      if (width < MIN_BRUSH_PX) return;
      brushed = true;
      const region: Brush = { start: u.posToVal(left, "x"), end: u.posToVal(left + width, "x") };
      if (height > 0 && height < u.over.clientHeight) {
        region.lower = u.posToVal(top + height, "y");
        region.upper = u.posToVal(top, "y");
      }
      brush.current?.(region);
    };
    const markers = annotations.map((a) => {
      const m = document.createElement("div");
      m.className = `annotation severity-${a.severity}`;
      m.dataset.testid = "annotation";
      m.dataset.name = a.name;
      m.title = a.title;
      return m;
    });
    const place = (u: uPlot) => {
      annotations.forEach((a, i) => {
        const x = u.valToPos(a.time, "x");
        markers[i].style.left = `${x}px`;
        markers[i].hidden = !(x >= 0 && x <= u.over.clientWidth);
      });
    };
    options.hooks = {
      ...options.hooks,
      setSelect: [onSelect],
      draw: [...(options.hooks?.draw ?? []), place],
    };
    const chart = new uPlot(options, data, el);
    for (const m of markers) chart.over.appendChild(m);
    place(chart);
    const handler = () => {
      if (brushed) brushed = false;
      else click.current(chart);
    };
    chart.over.addEventListener("mousedown", () => {
      brushed = false;
      pressed = true;
      window.addEventListener("mouseup", () => setTimeout(() => (pressed = false)), { once: true });
    });
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
  }, [...deps, annotations]);
  return ref;
}
