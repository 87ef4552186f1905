import assert from "node:assert/strict";
import { test } from "node:test";
import { familyName, labelNames, prometheusUnit } from "./names.js";

test("UCUM units become Prometheus unit words", () => {
  const cases: [string, string][] = [
    ["s", "seconds"],
    ["ms", "milliseconds"],
    ["us", "microseconds"],
    ["ns", "nanoseconds"],
    ["By", "bytes"],
    ["MiBy", "mebibytes"],
    ["%", "percent"],
    ["Cel", "celsius"],
    ["1", ""],
    ["", ""],
    ["{request}", ""],
    ["By/s", "bytes_per_second"],
    ["{request}/s", "per_second"],
    ["1/min", "per_minute"],
    ["kg", "kg"],
    ["m/s2", "meters_per_s2"],
  ];
  for (const [ucum, word] of cases) assert.equal(prometheusUnit(ucum), word, ucum);
});

test("paths become snake-case family names with the unit suffix once", () => {
  const cases: [string, string, boolean, string][] = [
    ["/net/http/server/request_count", "", true, "net_http_server_request_count"],
    ["/proc/cpu_time", "seconds", true, "proc_cpu_time_seconds"],
    ["/rpc/requests_total", "", true, "rpc_requests"],
    ["/rpc/latency_total", "seconds", true, "rpc_latency_seconds"],
    ["/proc/memory/heap_bytes", "bytes", false, "proc_memory_heap_bytes"],
    ["/rpc/server/latency", "milliseconds", false, "rpc_server_latency_milliseconds"],
    ["/gauge/named_total", "", false, "gauge_named_total"],
    ["/1xx/count", "", false, "_1xx_count"],
    ["/odd.name/with-dash", "", false, "odd_name_with_dash"],
  ];
  for (const [path, unit, counter, name] of cases) {
    assert.equal(familyName(path, unit, counter), name, path);
  }
});

test("tags that would clash with the exporter's labels get a tag_ prefix", () => {
  const labels = labelNames(["route", "le", "tag_le", "_x", "9lives"], ["sonde_overflow", "le"]);
  assert.deepEqual(Object.fromEntries(labels), {
    route: "route",
    le: "tag_le",
    tag_le: "tag_tag_le",
    _x: "tag__x",
    "9lives": "tag_9lives",
  });
});
