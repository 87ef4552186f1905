import type { DuckDBConnection } from "@duckdb/node-api";
import type { MetricCatalog, MetricCatalogEntry } from "@sonde/protocol/query";

// One row per series; the catalogue folds them by name in `listMetrics`.
const SERIES_SQL = `
SELECT id, name, kind, value_type, description, unit, owner, stability, source_file, source_line,
  bounds, map_keys(identity) AS identity, identity['service.name'] AS service,
  map_keys(tag_str) || map_keys(tag_num) || map_keys(tag_bool) AS tags
FROM metric_series ORDER BY name, defined_unix_nano, id`;

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The metric catalogue (`GET /api/metrics`): every metric with series stored, with the metadata
 * it was declared with (of its most recently defined series: description, unit, kind, value
 * type, owner, stability, source location, bucket bounds), the services that report it, its
 * identity fields and tags, its number of series and the time of its last sample. `lastSample`
 * gives a series' last sample time in nanoseconds (the metric store keeps it in memory, which
 * saves a scan of every sample). Throws only what DuckDB throws.
 */
export async function listMetrics(
  conn: DuckDBConnection,
  lastSample: (series: number) => bigint | undefined,
): Promise<MetricCatalog> {
  const rows = (await conn.runAndReadAll(SERIES_SQL)).getRowObjectsJS();
  const byName = new Map<string, typeof rows>();
  for (const r of rows) {
    const name = String(r.name);
    byName.set(name, [...(byName.get(name) ?? []), r]);
  }
  const metrics: MetricCatalogEntry[] = [];
  for (const [name, series] of byName) {
    const r = series[series.length - 1];
    const file = String(r.source_file);
    const line = Number(r.source_line);
    const metadata: Record<string, unknown> = {
      "sonde.kind": r.kind,
      "sonde.value_type": r.value_type,
      "sonde.owner": r.owner,
      "sonde.stability": r.stability,
      "code.file.path": file,
      "code.line.number": line || "",
    };
    for (const k in metadata) if (metadata[k] === "") delete metadata[k];
    let last: bigint | undefined;
    for (const s of series) {
      const t = lastSample(Number(s.id));
      if (t !== undefined && (last === undefined || t > last)) last = t;
    }
    metrics.push({
      name,
      description: String(r.description),
      unit: String(r.unit),
      kind: String(r.kind),
      value_type: String(r.value_type),
      monotonic: r.kind === "counter",
      owner: String(r.owner),
      stability: String(r.stability),
      source: file === "" ? null : { file, line, column: 0 },
      metadata,
      services: sortedUnique(
        series.flatMap((s) => (s.service === null ? [] : [String(s.service)])),
      ),
      identity: sortedUnique(series.flatMap((s) => (s.identity as string[]).map(String))),
      tags: sortedUnique(series.flatMap((s) => (s.tags as string[]).map(String))),
      bounds: (r.bounds as number[]).map(Number),
      series: series.length,
      last_seen: last === undefined ? null : new Date(Number(last / 1_000_000n)).toISOString(),
    });
  }
  return { metrics };
}
