import type { IngestStats } from "../ingest/stats.js";

/** The collector's own counters in Prometheus text exposition format 0.0.4. */
export function prometheusText(stats: IngestStats): string {
  return [
    "# HELP sonde_collector_spans_received_total Spans stored since the collector started.",
    "# TYPE sonde_collector_spans_received_total counter",
    `sonde_collector_spans_received_total ${stats.spans}`,
    "# HELP sonde_collector_metric_points_received_total Metric points stored since the collector started.",
    "# TYPE sonde_collector_metric_points_received_total counter",
    `sonde_collector_metric_points_received_total ${stats.metricPoints}`,
    "# HELP sonde_collector_rejected_requests_total OTLP requests answered with an error.",
    "# TYPE sonde_collector_rejected_requests_total counter",
    `sonde_collector_rejected_requests_total ${stats.rejectedRequests}`,
    "",
  ].join("\n");
}
