export { type Collector, type CollectorOptions, startCollector } from "./collector.js";
export { DuckDbStore } from "./storage/duckdb-store.js";
