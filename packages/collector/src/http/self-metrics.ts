import type { IngestStats } from "../ingest/stats.js";

const COLLECT: [keyof IngestStats["collect"], string, string][] = [
  ["streams", "collect_streams_total", "Sonde collection protocol streams opened."],
  ["batches", "collect_batches_total", "Collection protocol batches stored and acknowledged."],
  [
    "duplicateBatches",
    "collect_duplicate_batches_total",
    "Batches received again after they were stored (acknowledged, not stored twice).",
  ],
  [
    "samples",
    "collect_samples_total",
    "Metric samples received over the collection protocol, unchanged ones included.",
  ],
  ["spans", "collect_spans_total", "Spans received over the collection protocol."],
  [
    "records",
    "collect_records_total",
    "Events, log records and error reports received over the collection protocol.",
  ],
  [
    "rejectedStreams",
    "collect_rejected_streams_total",
    "Collection streams ended for a malformed, out-of-order or unfitting message.",
  ],
  [
    "throttles",
    "collect_throttles_total",
    "Throttle messages sent to clients while storage was behind.",
  ],
  [
    "clientDroppedSamples",
    "collect_client_dropped_samples_total",
    "Samples clients reported dropping (their buffer was full while disconnected), as announced on reconnect.",
  ],
];

/** The collector's own counters in Prometheus text exposition format 0.0.4. */
export function prometheusText(stats: IngestStats): string {
  const collect = COLLECT.flatMap(([key, name, help]) => [
    `# HELP sonde_collector_${name} ${help}`,
    `# TYPE sonde_collector_${name} counter`,
    `sonde_collector_${name} ${stats.collect[key]}`,
  ]);
  return [
    ...collect,
    "# HELP sonde_collector_spans_received_total Spans stored since the collector started.",
    "# TYPE sonde_collector_spans_received_total counter",
    `sonde_collector_spans_received_total ${stats.spans}`,
    "# HELP sonde_collector_metric_points_received_total Metric points stored since the collector started.",
    "# TYPE sonde_collector_metric_points_received_total counter",
    `sonde_collector_metric_points_received_total ${stats.metricPoints}`,
    "# HELP sonde_collector_log_records_received_total Events, log records and error reports stored since the collector started.",
    "# TYPE sonde_collector_log_records_received_total counter",
    `sonde_collector_log_records_received_total ${stats.logRecords}`,
    "# HELP sonde_collector_rejected_requests_total OTLP requests answered with an error.",
    "# TYPE sonde_collector_rejected_requests_total counter",
    `sonde_collector_rejected_requests_total ${stats.rejectedRequests}`,
    "",
  ].join("\n");
}
