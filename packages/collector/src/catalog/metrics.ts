import type { DuckDBConnection } from "@duckdb/node-api";
import type { MetricCatalog, MetricCatalogEntry } from "@sonde/protocol/query";

// The latest description/unit/metadata win: a redeclared metric shows its current metadata.
const CATALOG_SQL = `
SELECT name,
  arg_max(description, "timestamp") AS description,
  arg_max(unit, "timestamp") AS unit,
  arg_max(kind, "timestamp") AS kind,
  arg_max(monotonic, "timestamp") AS monotonic,
  arg_max(metadata, "timestamp") AS metadata,
  list_sort(list_distinct(list(service_name))) AS services,
  count(DISTINCT (service_name, attr_str, attr_num, attr_bool))::INTEGER AS series,
  max("timestamp") AS last_seen
FROM metric_points GROUP BY name ORDER BY name`;

function source(metadata: Record<string, unknown>): MetricCatalogEntry["source"] {
  const file = metadata["code.file.path"];
  if (typeof file !== "string") return null;
  return {
    file,
    line: Number(metadata["code.line.number"] ?? 0),
    column: Number(metadata["code.column.number"] ?? 0),
  };
}

/**
 * The metric catalogue (`GET /api/metrics`): every metric name stored, with the metadata the
 * SDK declared (description, unit, owner, stability, source location), the services that
 * report it and how many series it has. Throws only what DuckDB throws.
 */
export async function listMetrics(conn: DuckDBConnection): Promise<MetricCatalog> {
  const rows = (await conn.runAndReadAll(CATALOG_SQL)).getRowObjectsJS();
  return {
    metrics: rows.map((r) => {
      const metadata = JSON.parse(String(r.metadata)) as Record<string, unknown>;
      return {
        name: String(r.name),
        description: String(r.description),
        unit: String(r.unit),
        kind: String(r.kind),
        monotonic: r.monotonic === true,
        owner: typeof metadata["sonde.owner"] === "string" ? metadata["sonde.owner"] : "",
        stability:
          typeof metadata["sonde.stability"] === "string" ? metadata["sonde.stability"] : "",
        source: source(metadata),
        metadata,
        services: (r.services as string[]).map(String),
        series: Number(r.series),
        last_seen: (r.last_seen as Date).toISOString(),
      };
    }),
  };
}
