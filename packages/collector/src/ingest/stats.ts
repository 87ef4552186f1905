import type { CollectStats } from "../collect/service.js";

/** Counts of what the collector has ingested since it started, for `/metrics` and logs. */
export interface IngestStats {
  spans: number;
  metricPoints: number;
  rejectedRequests: number;
  /** Events, log records and error reports stored (OTLP logs and the Sonde protocol). */
  logRecords: number;
  /** The Sonde collection service's counters. */
  collect: CollectStats;
}

export const newIngestStats = (): IngestStats => ({
  spans: 0,
  metricPoints: 0,
  rejectedRequests: 0,
  logRecords: 0,
  collect: {
    streams: 0,
    batches: 0,
    duplicateBatches: 0,
    samples: 0,
    spans: 0,
    records: 0,
    rejectedStreams: 0,
    throttles: 0,
    clientDroppedSamples: 0,
  },
});
