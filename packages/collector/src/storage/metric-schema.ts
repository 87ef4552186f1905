/**
 * DuckDB tables for metrics (DESIGN.md "Metric model"; issue 5 §6). Physical design:
 *
 * - `metric_series`: one row per series, defined once — its identity (the labels a process
 *   announces: `service.name`, `host.name`, …), metric name and typed tags, which together are
 *   the series key, plus the metric's metadata (kind, value type, description, unit, owner,
 *   stability, source location, bucket bounds) and the latest declared start time. Series ids
 *   are small sequential integers (UINTEGER) kept in this table, so the same key maps to the same
 *   id after a restart. The process start time is not part of the key.
 * - `metric_samples`: one narrow row per counter, gauge or constant sample
 *   (series, time, start, value, increase: 28 bytes before compression, ~3 B on disk for the
 *   issue's workload). `value` is the absolute value (a counter's cumulative count as the
 *   process reported it, or rebuilt from deltas; a gauge's current value; booleans as 0/1);
 *   `increase` is the counter's reset-aware increase since the series' previous sample (0 for
 *   gauges), so INCREASE is `sum(increase)` and a Prometheus-style RATE needs only the first and
 *   last value, first increase, sample count and times of each series in a window. `start` is
 *   non-zero only on a sample where the series (re)started (its start time).
 *   Unchanged samples are stored as full rows (value repeated, increase 0): AVG and RATE depend on
 *   how many samples there are and when, and storing them as rows keeps every answer identical
 *   to a stream without the unchanged-list compression at ~2 M rows/s of append speed (measured
 *   in `bench/src/metric-store.ts`, where a (series, time) side table was no faster to write).
 * - `metric_text_samples`: the same for string-valued gauges and constants (rare).
 * - `metric_distributions`: one row per distribution sample with the observations of that
 *   interval: count and sum increases, min and max as reported (NULL when unknown). Unchanged
 *   distribution samples (no new observation) add nothing to any answer and are not stored.
 * - `metric_buckets`: the interval's non-zero bucket increases, (series, time, bucket index,
 *   count); bucket `i` is `(bounds[i-1], bounds[i]]`, the last one up to +Inf. Percentiles,
 *   HEATMAP and COUNT merge them across series and time by bucket upper bound.
 *
 * Times are integer nanoseconds since the UNIX epoch (BIGINT): samples arrive in time order,
 * so DuckDB's per-row-group min/max skip everything outside a query's range.
 */
export const METRIC_DDL = `
CREATE TABLE IF NOT EXISTS metric_series (
  id UINTEGER NOT NULL,
  key VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  value_type VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,
  owner VARCHAR NOT NULL,
  stability VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER NOT NULL,
  start_time_unix_nano BIGINT NOT NULL,
  defined_unix_nano BIGINT NOT NULL,
  bounds DOUBLE[] NOT NULL,
  identity MAP(VARCHAR, VARCHAR) NOT NULL,
  tag_str MAP(VARCHAR, VARCHAR) NOT NULL,
  tag_num MAP(VARCHAR, DOUBLE) NOT NULL,
  tag_bool MAP(VARCHAR, BOOLEAN) NOT NULL
);
CREATE TABLE IF NOT EXISTS metric_samples (
  series UINTEGER NOT NULL,
  t BIGINT NOT NULL,
  start BIGINT NOT NULL,
  value DOUBLE NOT NULL,
  increase DOUBLE NOT NULL
);
CREATE TABLE IF NOT EXISTS metric_text_samples (
  series UINTEGER NOT NULL,
  t BIGINT NOT NULL,
  start BIGINT NOT NULL,
  value VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS metric_distributions (
  series UINTEGER NOT NULL,
  t BIGINT NOT NULL,
  start BIGINT NOT NULL,
  count DOUBLE NOT NULL,
  sum DOUBLE NOT NULL,
  min DOUBLE,
  max DOUBLE
);
CREATE TABLE IF NOT EXISTS metric_buckets (
  series UINTEGER NOT NULL,
  t BIGINT NOT NULL,
  bucket USMALLINT NOT NULL,
  count DOUBLE NOT NULL
);
CREATE TEMP TABLE IF NOT EXISTS metric_series_staging AS
  SELECT * EXCLUDE (bounds, identity, tag_str, tag_num, tag_bool),
    ''::VARCHAR AS bounds, ''::VARCHAR AS identity, ''::VARCHAR AS tag_str,
    ''::VARCHAR AS tag_num, ''::VARCHAR AS tag_bool
  FROM metric_series LIMIT 0`;

/**
 * Moves staged series definitions into `metric_series`: redefinitions replace the metadata of
 * their id, new ids are inserted. Run inside the publishing transaction.
 */
export const PUBLISH_SERIES_SQL = `
DELETE FROM metric_series WHERE id IN (SELECT id FROM metric_series_staging);
INSERT INTO metric_series SELECT * EXCLUDE (bounds, identity, tag_str, tag_num, tag_bool),
  bounds::JSON::DOUBLE[], identity::JSON::MAP(VARCHAR, VARCHAR), tag_str::JSON::MAP(VARCHAR, VARCHAR),
  tag_num::JSON::MAP(VARCHAR, DOUBLE), tag_bool::JSON::MAP(VARCHAR, BOOLEAN)
  FROM metric_series_staging;
DELETE FROM metric_series_staging`;

/**
 * Everything needed to continue each series exactly after a restart: its last sample (time,
 * value or text) and the start time of its current run. For distributions, the cumulative
 * count, sum and bucket counts since that start come from {@link DISTRIBUTION_TOTALS_SQL}.
 */
export const LAST_STATE_SQL = `
WITH s AS (
  SELECT series, max(t) AS t, arg_max(value, t) AS value, NULL AS text,
    arg_max(start, t) FILTER (WHERE start <> 0) AS start
  FROM metric_samples GROUP BY series
  UNION ALL
  SELECT series, max(t), NULL, arg_max(value, t), arg_max(start, t) FILTER (WHERE start <> 0)
  FROM metric_text_samples GROUP BY series
  UNION ALL
  SELECT series, max(t), NULL, NULL, arg_max(start, t) FILTER (WHERE start <> 0)
  FROM metric_distributions GROUP BY series
)
SELECT series, t, value, text, start FROM s`;

/** Per distribution series: count, sum and bucket counts since its current run started. */
export const DISTRIBUTION_TOTALS_SQL = `
WITH runs AS (
  SELECT series, coalesce(max(t) FILTER (WHERE start <> 0), 0) AS run_t
  FROM metric_distributions GROUP BY series
),
totals AS (
  SELECT d.series, sum(count) AS count, sum(sum) AS sum FROM metric_distributions d
  JOIN runs USING (series) WHERE d.t >= runs.run_t GROUP BY d.series
),
buckets AS (
  SELECT b.series, list(struct_pack(i := bucket, n := n)) AS buckets FROM (
    SELECT b.series, bucket, sum(count) AS n FROM metric_buckets b
    JOIN runs USING (series) WHERE b.t >= runs.run_t GROUP BY b.series, bucket
  ) b GROUP BY b.series
)
SELECT totals.series, count, sum, buckets FROM totals LEFT JOIN buckets USING (series)`;
