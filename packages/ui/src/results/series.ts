import type { CalculationValues, Group, HeatmapBucket, QueryResult } from "@sonde/protocol/query";
import { isHeatmap } from "../api.js";
import { PALETTE, seriesColor, serviceColor } from "../colors.js";
import { formatGroupValue, parseTimeMs } from "../format.js";

/** One group of an answer, in the answer's (totals) order, with its chart colour. */
export interface GroupInfo {
  group: Group;
  label: string;
  color: string;
  /** Time (s since epoch) → that bucket's values. */
  points: Map<number, CalculationValues>;
}

/** An answer's series on one shared time axis, ready for charts. */
export interface AlignedSeries {
  /** Bucket start times, seconds since the epoch, ascending and evenly spaced. */
  times: number[];
  groups: GroupInfo[];
}

/** A key equal for equal groups, whatever the order of the group's properties. */
export function groupKey(group: Group, breakdowns: string[]): string {
  return JSON.stringify(breakdowns.map((b) => group[b] ?? null));
}

/** `web`, `web · /users/:id`, or `All spans` without breakdowns. */
export function groupLabel(group: Group, breakdowns: string[]): string {
  if (breakdowns.length === 0) return "All spans";
  return breakdowns.map((b) => formatGroupValue(group[b])).join(" · ");
}

/**
 * Puts every group's series on one time axis: the union of the answer's bucket times, with
 * the buckets the server left out (no spans) filled in at `granularityS` steps.
 */
export function alignSeries(
  result: QueryResult,
  breakdowns: string[],
  granularityS: number,
): AlignedSeries {
  const byKey = new Map(result.series.map((s) => [groupKey(s.group, breakdowns), s]));
  const seen = new Set<number>();
  const groups = result.totals.map((total, i): GroupInfo => {
    const points = new Map<number, CalculationValues>();
    for (const p of byKey.get(groupKey(total.group, breakdowns))?.points ?? []) {
      const t = Math.round(parseTimeMs(p.time) / 1000);
      points.set(t, p.values);
      seen.add(t);
    }
    return {
      group: total.group,
      label: groupLabel(total.group, breakdowns),
      color: seriesColor(i),
      points,
    };
  });
  adoptServiceColors(groups, breakdowns);
  const sorted = [...seen].sort((a, b) => a - b);
  const times: number[] = [];
  if (sorted.length > 0 && granularityS > 0) {
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if ((last - first) / granularityS <= 5000) {
      for (let t = first; t <= last; t += granularityS) times.push(t);
    }
  }
  // Buckets off the grid (another alignment on the server) are kept too.
  const merged = times.length ? [...new Set([...times, ...sorted])].sort((a, b) => a - b) : sorted;
  return { times: merged, groups };
}

/**
 * Grouped by service alone, lines take the services' own colours (as in the trace view) when
 * those are distinct among the charted groups.
 */
function adoptServiceColors(groups: GroupInfo[], breakdowns: string[]): void {
  if (breakdowns.length !== 1 || breakdowns[0] !== "service.name") return;
  const colors = groups
    .slice(0, PALETTE.length)
    .map((g) => serviceColor(String(g.group["service.name"])));
  if (new Set(colors).size !== colors.length) return;
  colors.forEach((color, i) => {
    groups[i].color = color;
  });
}

/** One number per time for a calculation and group; gaps are 0 for COUNT, else null. */
export function lineValues(
  aligned: AlignedSeries,
  group: GroupInfo,
  name: string,
): (number | null)[] {
  const empty = name === "COUNT" ? 0 : null;
  return aligned.times.map((t) => {
    const v = group.points.get(t)?.[name];
    return typeof v === "number" ? v : empty;
  });
}

/** A heatmap column: one time bucket's buckets summed over all groups. */
export interface HeatColumn {
  time: number;
  buckets: HeatmapBucket[];
}

/** Sums a HEATMAP calculation's buckets over all groups, per time. */
export function heatColumns(aligned: AlignedSeries, name: string): HeatColumn[] {
  return aligned.times.map((time) => {
    const sums = new Map<string, HeatmapBucket>();
    for (const g of aligned.groups) {
      const v = g.points.get(time)?.[name];
      if (!isHeatmap(v)) continue;
      for (const b of v.buckets) {
        if (!b.count) continue;
        const key = `${b.lower}:${b.upper}`;
        const sum = sums.get(key);
        if (sum) sum.count += b.count;
        else sums.set(key, { ...b });
      }
    }
    return { time, buckets: [...sums.values()] };
  });
}
