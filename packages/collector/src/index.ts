export { type Collector, type CollectorOptions, startCollector } from "./collector.js";
export { DuckDbStore } from "./storage/duckdb-store.js";
export type { MetricSample, SeriesDescriptor } from "./storage/metric-series.js";
export { MetricInputError, MetricStore } from "./storage/metric-store.js";
