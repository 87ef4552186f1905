/** Counts of what the collector has ingested since it started, for `/metrics` and logs. */
export interface IngestStats {
  spans: number;
  metricPoints: number;
  rejectedRequests: number;
}

export const newIngestStats = (): IngestStats => ({
  spans: 0,
  metricPoints: 0,
  rejectedRequests: 0,
});
