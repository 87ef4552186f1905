/** Colours: a stable one per service name, and a palette for chart series. */

/** Distinct, readable on white; order matters for chart series (first groups first). */
export const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#b07aa1",
  "#e15759",
  "#76b7b2",
  "#edc948",
  "#9c755f",
  "#ff9da7",
  "#3b8bba",
  "#8cd17d",
  "#d37295",
  "#17becf",
  "#86bcb6",
  "#bab0ac",
  "#6f4e7c",
];

/** Colour of the i-th chart series (groups in the answer's order). */
export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/**
 * The colour of a service: the same name always gets the same colour, in every trace and
 * every session (a hash of the name, FNV-1a, picks a palette entry).
 */
export function serviceColor(service: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < service.length; i++) {
    hash ^= service.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

/**
 * Heatmap fill for a cell of `count` spans when the busiest cell has `most`: light to dark
 * blue on a log scale, so that rare outliers stay visible next to the dense band.
 */
export function heatColor(count: number, most: number): string {
  const t = most > 0 ? Math.log1p(count) / Math.log1p(most) : 0;
  const hue = 205 + 35 * t;
  const light = 82 - 55 * t;
  return `hsl(${hue.toFixed(0)} 75% ${light.toFixed(0)}%)`;
}
